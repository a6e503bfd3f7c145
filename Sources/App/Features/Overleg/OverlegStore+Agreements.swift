import Domain
import Fluent
import Foundation

/// What an agreement becomes: an action of the jaarplan of a school year, or an actie of a
/// bouwblad's open cycle (with the revision that records it in the bouwblad's history).
enum AgreementAction: Sendable {
    case jaarplan(SchoolYear, PlanActionInput)
    case bouwblad(Actie, BouwbladStore.Change)
}

/// The agreements made at meetings, and the actions they became.
extension OverlegStore {
    func agreements(of meetings: [UUID]) async throws -> [AgreementRecord] {
        guard !meetings.isEmpty else { return [] }
        return try await AgreementRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$meetingID ~~ meetings)
            .sort(\.$createdAt).all()
    }

    func agreement(_ id: UUID, of meeting: UUID) async throws -> AgreementRecord? {
        try await AgreementRecord.query(on: db).filter(\.$id == id).filter(\.$meetingID == meeting).filter(\.$coalitionID == coalitionID).first()
    }

    /// A new agreement and, when chosen, its action: both or neither.
    func add(_ input: AgreementInput, to meeting: UUID, action: AgreementAction?) async throws {
        let coalitionID = coalitionID
        try await db.writeTransaction { db in
            // Made inside: a retried transaction starts from new records.
            let record = AgreementRecord(coalitionID: coalitionID, meetingID: meeting, input)
            if let action { (record.actieID, record.planActionID) = try await Self.write(action, coalitionID: coalitionID, on: db) }
            try await record.create(on: db)
        }
    }

    /// For a command that loads data: an agreement, as an action of the jaarplan of `year`
    /// (owned by `owner`, as the form would name them) when given.
    package func add(_ input: AgreementInput, to meeting: UUID, planFor year: SchoolYear?, owner: String = "") async throws {
        let owner = String(owner.prefix(DoelInput.shortMax))
        try await add(input, to: meeting, action: year.map {
            .jaarplan($0, PlanActionInput(area: AgreementsController.area, text: input.text, owner: owner, deadline: input.deadline))
        })
    }

    /// Makes the agreement an action, if it is still the version the person saw and has no
    /// action yet; false (and nothing written) otherwise.
    func makeAction(of agreement: UUID, from version: Int, _ action: AgreementAction, now: Date) async throws -> Bool {
        let coalitionID = coalitionID
        return try await db.writeTransactionIf { db in
            let (actie, plan) = try await Self.write(action, coalitionID: coalitionID, on: db)
            return try await Versioned.update(AgreementRecord.schema, id: agreement, coalitionID: coalitionID, expectedVersion: version,
                                              set: [("actie_id", actie), ("plan_action_id", plan)], on: db, now: now)
        }
    }

    private static func write(_ action: AgreementAction, coalitionID: UUID, on db: any Database) async throws -> (actie: UUID?, plan: UUID?) {
        switch action {
        case .jaarplan(let year, let input):
            let record = PlanActionRecord(coalitionID: coalitionID, year: year, input)
            try await record.create(on: db)
            return (nil, try record.requireID())
        case .bouwblad(let actie, let change):
            try await BouwbladStore(coalitionID: coalitionID, db: db).add(actie, change)
            return (actie.id, nil)
        }
    }

    func delete(agreement id: UUID) async throws {
        try await AgreementRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).delete()
    }

    /// The bouwbladen (not in the prullenbak) with their open cycle: where an agreement can
    /// become an actie. The newest open cycle when there are more.
    func openCycles() async throws -> [(bouwblad: BouwbladRecord, cycle: CycleRecord)] {
        let cycles = try await CycleRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$closedAt == nil).sort(\.$number).all()
        let newest = Dictionary(cycles.map { ($0.bouwbladID, $0) }, uniquingKeysWith: { $1 })
        guard !newest.isEmpty else { return [] }
        return try await BouwbladRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$id ~~ Array(newest.keys)).all()
            .compactMap { b in b.id.flatMap { newest[$0] }.map { (b, $0) } }
    }

    /// The acties (with their bouwblad) and jaarplan actions that agreements became.
    func actions(of agreements: [AgreementRecord]) async throws -> (acties: [UUID: (actie: ActieRecord, bouwblad: BouwbladRecord)], plan: [UUID: PlanActionRecord]) {
        let actieIDs = agreements.compactMap(\.actieID), planIDs = agreements.compactMap(\.planActionID)
        let acties = actieIDs.isEmpty ? [] : try await ActieRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$id ~~ actieIDs).all()
        let bouwbladen = acties.isEmpty ? [] : try await BouwbladRecord.query(on: db).filter(\.$coalitionID == coalitionID)
            .filter(\.$id ~~ Array(Set(acties.map(\.bouwbladID)))).all()
        let byID = Dictionary(uniqueKeysWithValues: bouwbladen.compactMap { b in b.id.map { ($0, b) } })
        let plan = planIDs.isEmpty ? [] : try await PlanActionRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$id ~~ planIDs).all()
        return (Dictionary(uniqueKeysWithValues: acties.compactMap { a in a.id.flatMap { id in byID[a.bouwbladID].map { (id, (a, $0)) } } }),
                Dictionary(uniqueKeysWithValues: plan.compactMap { p in p.id.map { ($0, p) } }))
    }
}
