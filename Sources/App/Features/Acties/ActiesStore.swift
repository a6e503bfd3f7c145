import Domain
import Fluent
import Foundation

/// The only code of the coalition's action list that queries. Made with the tenant: every
/// actie, bouwblad and cycle it reads belongs to that coalition.
struct ActiesStore: TenantStore {
    let coalitionID: UUID
    let db: any Database

    /// Every name an actie is assigned to; only these are accepted as a filter.
    func owners() async throws -> [String] {
        try await ActieRecord.query(on: db).filter(\.$coalitionID == coalitionID).field(\.$ownerName).unique().all(\.$ownerName)
    }

    /// `status` nil: every status; "open" is gepland and bezig. At most 1,000, by deadline.
    func acties(statuses: [ActieStatus]?, owner: String?) async throws -> [Actie] {
        var query = ActieRecord.query(on: db).filter(\.$coalitionID == coalitionID)
        if let statuses { query = query.filter(\.$status ~~ statuses) }
        if let owner { query = query.filter(\.$ownerName == owner) }
        return try await query.sort(\.$deadline).sort(\.$createdAt).range(..<1000).all().map { try $0.value }
    }

    func bouwbladen(_ ids: Set<UUID>) async throws -> [BouwbladRecord] {
        guard !ids.isEmpty else { return [] }
        return try await BouwbladRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$id ~~ ids).all()
    }

    /// Cycles not in the prullenbak.
    func liveCycleIDs() async throws -> Set<UUID> {
        Set(try await CycleRecord.query(on: db).filter(\.$coalitionID == coalitionID).field(\.$id).all().compactMap(\.id))
    }
}
