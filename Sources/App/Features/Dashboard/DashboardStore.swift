import Domain
import Fluent
import Foundation

/// What the dashboard reads besides the indicators: open acties with a date, cycles whose
/// period is over, partner staff with a VOG date. A few small queries whatever the number
/// of indicators or periods.
struct DashboardStore: TenantStore {
    let coalitionID: UUID
    let db: any Database

    /// Open acties (gepland, bezig) whose "wanneer" is a date, at most 1,000.
    func datedOpenActies() async throws -> [ActieRecord] {
        try await ActieRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$status ~~ [.gepland, .bezig])
            .filter(\.$deadline != nil).sort(\.$deadline).range(..<1000).all()
    }

    /// Cycles not closed whose period ended before `month`, with their bouwblad (both not in the prullenbak).
    func unclosedCycles(endedBefore month: Month) async throws -> [(cycle: CycleRecord, bouwblad: BouwbladRecord)] {
        let cycles = try await CycleRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$closedAt == nil)
            .filter(\.$periodTo != nil).filter(\.$periodTo < month.iso).sort(\.$periodTo).range(..<200).all()
        let ids = Set(cycles.map(\.bouwbladID))
        guard !ids.isEmpty else { return [] }
        let bouwbladen = Dictionary(uniqueKeysWithValues: try await BouwbladRecord.query(on: db).filter(\.$coalitionID == coalitionID)
            .filter(\.$id ~~ ids).all().map { (try $0.requireID(), $0) })
        return cycles.compactMap { c in bouwbladen[c.bouwbladID].map { (c, $0) } }
    }

    /// Bouwbladen whose acties are listed, by id.
    func bouwbladen(_ ids: Set<UUID>) async throws -> [UUID: BouwbladRecord] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await BouwbladRecord.query(on: db).filter(\.$coalitionID == coalitionID)
            .filter(\.$id ~~ ids).all().map { (try $0.requireID(), $0) })
    }
}
