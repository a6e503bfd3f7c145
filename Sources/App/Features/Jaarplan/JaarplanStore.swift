import Domain
import Fluent
import Foundation

/// The only code that queries the jaarplan's own actions, and the bouwbladen's acties as
/// the jaarplan shows them. Made with the tenant: another coalition's ids find nothing.
struct JaarplanStore: TenantStore {
    let coalitionID: UUID
    let db: any Database

    func actions(in year: SchoolYear) async throws -> [PlanActionRecord] {
        try await PlanActionRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$schoolYear == year.key)
            .sort(\.$area).sort(\.$createdAt).all()
    }

    func action(_ id: UUID) async throws -> PlanActionRecord? {
        try await PlanActionRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).first()
    }

    func add(_ action: PlanActionRecord) async throws {
        action.coalitionID = coalitionID
        try await action.create(on: db)
    }

    func update(_ id: UUID, from version: Int, _ input: PlanActionInput, now: Date) async throws -> Bool {
        try await update(PlanActionRecord.schema, id: id, from: version, set: [
            ("area", input.area), ("text", input.text), ("activity", input.activity), ("owner", input.owner),
            ("deadline", input.deadline?.stored), ("status", input.status.rawValue), ("indicator_ids", PlanActionRecord.ids(input.indicators)),
        ], now: now)
    }

    func delete(_ id: UUID) async throws {
        try await PlanActionRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).delete()
    }

    // MARK: evaluation moments

    func evaluations(in year: SchoolYear) async throws -> [PlanEvaluationRecord] {
        try await PlanEvaluationRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$schoolYear == year.key).all()
    }

    /// Saves a moment's day and texts if it is still the version the person started from
    /// (0: none was saved yet). False when someone else saved first.
    func save(_ year: SchoolYear, moment: Int, heldOn: IsoDate, texts: [String: String], from version: Int, by name: String, now: Date) async throws -> Bool {
        let existing = try await evaluations(in: year).first { $0.moment == moment }
        guard let existing else {
            guard version == 0 else { return false }
            try await PlanEvaluationRecord(coalitionID: coalitionID, year: year, moment: moment, heldOn: heldOn, texts: texts, by: name).create(on: db)
            return true
        }
        return try await update(PlanEvaluationRecord.schema, id: existing.requireID(), from: version, set: [
            ("held_on", heldOn.iso), ("texts", JSONText.encode(texts)), ("updated_by_name", name),
        ], now: now)
    }

    /// The bouwbladen's acties of a school year: in a cycle whose period overlaps it, or
    /// without a period in a cycle still open, or due within it. Not those in the
    /// prullenbak. With their bouwblad.
    func bouwbladActies(in year: SchoolYear) async throws -> [(actie: Actie, bouwblad: BouwbladRecord)] {
        let bouwbladen = Dictionary(uniqueKeysWithValues: try await BouwbladRecord.query(on: db).filter(\.$coalitionID == coalitionID).all().map { (try $0.requireID(), $0) })
        let cycles = Dictionary(uniqueKeysWithValues: try await CycleRecord.query(on: db).filter(\.$coalitionID == coalitionID).all().map { (try $0.requireID(), $0) })
        let first = Month(year: year.start, month: 8)!, last = Month(year: year.start + 1, month: 7)!
        return try await ActieRecord.query(on: db).filter(\.$coalitionID == coalitionID).sort(\.$createdAt).range(..<2000).all().compactMap { record in
            guard let cycle = cycles[record.cycleID], let bouwblad = bouwbladen[record.bouwbladID] else { return nil }
            let actie = try record.value
            let period = cycle.period
            let inYear: Bool
            if let date = actie.wanneer?.date, !(actie.wanneer?.isWords ?? true) {
                inYear = year.days.contains(date)
            } else if let start = period.from ?? period.to, let end = period.to ?? period.from {
                inYear = start <= last && end >= first
            } else {
                inYear = cycle.closedAt == nil
            }
            return inYear ? (actie, bouwblad) : nil
        }
    }
}
