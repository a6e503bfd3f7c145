import Domain
import Fluent
import SQLKit
import Vapor

/// The only code of the bouwbladen, their cycles, doelen, acties, contributors, revisions
/// and links that queries. Made with the tenant: an id of another coalition finds nothing
/// and changes nothing. Every change of a text goes with a revision and marks the bouwblad
/// as changed (`Change`), in the caller's transaction.
package struct BouwbladStore: TenantStore {
    package let coalitionID: UUID
    package let db: any Database

    package init(coalitionID: UUID, db: any Database) { (self.coalitionID, self.db) = (coalitionID, db) }

    /// One change of a bouwblad as the history shows it.
    struct Change {
        let bouwblad: BouwbladRecord
        let cycleID: UUID?
        let field: String
        let before: String
        let after: String
        let userID: UUID
        let now: Date
    }

    // MARK: reading

    func bouwblad(_ id: UUID) async throws -> BouwbladRecord? {
        try await BouwbladRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).first()
    }

    /// Every bouwblad not in the prullenbak, in no particular order.
    func bouwbladen() async throws -> [BouwbladRecord] {
        try await BouwbladRecord.query(on: db).filter(\.$coalitionID == coalitionID).all()
    }

    /// The bouwbladen of one bouwsteen, oldest first.
    func bouwbladen(of bouwsteen: UUID) async throws -> [BouwbladRecord] {
        try await BouwbladRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$bouwsteenID == bouwsteen).sort(\.$createdAt).all()
    }

    func bouwbladen(_ ids: Set<UUID>) async throws -> [BouwbladRecord] {
        guard !ids.isEmpty else { return [] }
        return try await BouwbladRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$id ~~ Array(ids)).all()
    }

    /// Whether the coalition has any bouwblad, also in the prullenbak.
    package func hasAny() async throws -> Bool {
        try await BouwbladRecord.query(on: db).withDeleted().filter(\.$coalitionID == coalitionID).count() > 0
    }

    /// The bouwblad of a question, also when it is in the prullenbak (one per question).
    func bouwblad(answering question: UUID) async throws -> BouwbladRecord? {
        try await BouwbladRecord.query(on: db).withDeleted().filter(\.$coalitionID == coalitionID).filter(\.$questionID == question).first()
    }

    func cycles(of bouwblad: UUID) async throws -> [CycleRecord] {
        try await CycleRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$bouwbladID == bouwblad).sort(\.$number).all()
    }

    func cycle(_ id: UUID) async throws -> CycleRecord? {
        try await CycleRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).first()
    }

    /// Bouwbladen with a cycle that is not closed.
    func bouwbladenWithOpenCycle() async throws -> Set<UUID> {
        Set(try await CycleRecord.query(on: db).filter(\.$coalitionID == coalitionID)
            .filter(\.$closedAt == nil).field(\.$bouwbladID).all().map(\.bouwbladID))
    }

    /// Cycle numbers stay unique per bouwblad, counting cycles in the prullenbak too.
    func nextCycleNumber(of bouwblad: UUID) async throws -> Int {
        let max = try await CycleRecord.query(on: db).withDeleted()
            .filter(\.$coalitionID == coalitionID).filter(\.$bouwbladID == bouwblad).max(\.$number)
        return (max ?? 0) + 1
    }

    func doelen(of bouwblad: UUID) async throws -> [Doel] {
        try await DoelRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$bouwbladID == bouwblad).sort(\.$createdAt).all().map { try $0.value }
    }

    func acties(of bouwblad: UUID) async throws -> [Actie] {
        try await ActieRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$bouwbladID == bouwblad).sort(\.$createdAt).all().map { try $0.value }
    }

    func contributors(of bouwblad: UUID) async throws -> [ContributorRecord] {
        try await ContributorRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$bouwbladID == bouwblad).all()
    }

    /// The coalition's members with their names, in no particular order.
    func members() async throws -> [MembershipRecord] {
        try await MembershipRecord.query(on: db).filter(\.$coalitionID == coalitionID).allWithUser()
    }

    func memberIDs() async throws -> Set<UUID> {
        Set(try await MembershipRecord.query(on: db).filter(\.$coalitionID == coalitionID).all().compactMap(\.id))
    }

    func member(_ id: UUID) async throws -> MembershipRecord? {
        try await MembershipRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).firstWithUser()
    }

    /// The newest 200 changes of a bouwblad, newest first.
    func revisions(of bouwblad: UUID) async throws -> [RevisionRecord] {
        try await RevisionRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$bouwbladID == bouwblad)
            .sort(\.$createdAt, .descending).range(..<200).all()
    }

    func revision(_ id: UUID, of bouwblad: UUID) async throws -> RevisionRecord? {
        try await RevisionRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID)
            .filter(\.$bouwbladID == bouwblad).first()
    }

    /// The newest change of one step of a cycle.
    func latestRevision(of cycle: UUID, step: CycleStep) async throws -> RevisionRecord? {
        try await RevisionRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$cycleID == cycle)
            .filter(\.$field == step.rawValue).sort(\.$createdAt, .descending).first()
    }

    /// Names of people, who are not owned by one coalition.
    func names(of people: Set<UUID>) async throws -> [UUID: String] {
        guard !people.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await UserRecord.query(on: db).filter(\.$id ~~ people).all().map { (try $0.requireID(), $0.name) })
    }

    // MARK: writing (run these inside a transaction)

    /// A new bouwblad; `add(_:startvraag:)` also gives it its first cycle.
    func add(_ bouwblad: BouwbladRecord) async throws {
        bouwblad.coalitionID = coalitionID
        try await bouwblad.create(on: db)
    }

    func add(_ bouwblad: BouwbladRecord, startvraag: String) async throws {
        try await add(bouwblad)
        try await CycleRecord(coalitionID: coalitionID, bouwbladID: bouwblad.requireID(), number: 1, startvraag: startvraag).create(on: db)
    }

    func add(_ cycle: CycleRecord) async throws {
        cycle.coalitionID = coalitionID
        try await cycle.create(on: db)
    }

    /// Writes one step of a cycle based on that step's version, with its revision.
    func write(step: CycleStep, of cycle: CycleRecord, _ change: Change) async throws -> Bool {
        guard try await Versioned.update(part: step.rawValue + "_version", of: CycleRecord.schema, id: cycle.requireID(), coalitionID: coalitionID,
                                         expectedVersion: cycle.version(of: step), set: [(step.rawValue, change.after)], on: db, now: change.now)
        else { return false }
        try await record(change)
        return true
    }

    func update(period: CyclePeriod, of cycle: UUID, from version: Int, now: Date) async throws -> Bool {
        try await update(CycleRecord.schema, id: cycle, from: version, set: [("period_from", period.from?.iso), ("period_to", period.to?.iso)], now: now)
    }

    /// Closes the cycle based on its version.
    func close(_ cycle: CycleRecord, now: Date) async throws -> Bool {
        try await update(CycleRecord.schema, id: cycle.requireID(), from: cycle.version, set: [("closed_at", now)], now: now)
    }

    /// The title, with a revision when it changed.
    func update(title: String, from version: Int, _ change: Change) async throws -> Bool {
        guard try await update(BouwbladRecord.schema, id: change.bouwblad.requireID(), from: version,
                               set: [("title", title), ("updated_by", change.userID)], now: change.now) else { return false }
        if change.before != change.after { try await record(change, touch: false) }
        return true
    }

    /// Keeper and contributors (replaced as a whole).
    func update(settingsOf bouwblad: UUID, from version: Int, keeper: UUID?, contributors: Set<UUID>, by userID: UUID, now: Date) async throws -> Bool {
        guard try await update(BouwbladRecord.schema, id: bouwblad, from: version,
                               set: [("keeper_id", keeper), ("updated_by", userID)], now: now) else { return false }
        try await ContributorRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$bouwbladID == bouwblad).delete()
        for member in contributors {
            try await ContributorRecord(coalitionID: coalitionID, bouwbladID: bouwblad, membershipID: member).create(on: db)
        }
        return true
    }

    func add(_ doel: Doel, _ change: Change) async throws {
        try await DoelRecord(doel, coalitionID: coalitionID).create(on: db)
        try await record(change)
    }

    func add(_ actie: Actie, _ change: Change) async throws {
        try await ActieRecord(actie, coalitionID: coalitionID).create(on: db)
        try await record(change)
    }

    /// A doel as changed, based on the version the form names; false when someone else
    /// changed it first. A revision when its text changed.
    func update(_ doel: Doel, from version: Int, _ change: Change) async throws -> Bool {
        try await update(DoelRecord.schema, id: doel.id, from: version, set: [
            ("text", doel.text), ("measure", doel.measure), ("target", doel.target), ("unit", doel.unit?.rawValue),
            ("deadline", doel.deadline), ("owner", doel.owner), ("achieved", doel.achieved), ("verdict", doel.verdict?.rawValue),
            ("indicator_id", doel.indicatorID),
        ], change)
    }

    /// Keeps the value an indicator gave a goal when its cycle closes. Run it in the closing transaction.
    func freeze(_ doel: Doel, on day: IsoDate) async throws {
        try await db.sql.update(DoelRecord.schema).set("achieved", to: doel.achieved).set("frozen_on", to: day.iso)
            .set("version", to: SQLRaw("version + 1"))
            .where("id", .equal, doel.id).where("coalition_id", .equal, coalitionID).where("frozen_on", .is, SQLLiteral.null).run()
    }

    func update(_ actie: Actie, from version: Int, _ change: Change) async throws -> Bool {
        try await update(ActieRecord.schema, id: actie.id, from: version, set: [
            ("text", actie.text), ("owner_member_id", actie.ownerMemberID), ("owner_name", actie.ownerName),
            ("deadline", actie.deadline), ("status", actie.status.rawValue),
        ], change)
    }

    private func update(_ table: String, id: UUID, from version: Int, set columns: [(String, any Encodable & Sendable)], _ change: Change) async throws -> Bool {
        guard try await update(table, id: id, from: version, set: columns, now: change.now) else { return false }
        if change.before != change.after { try await revise(change) }
        try await touch(change)
        return true
    }

    func remove(_ doel: Doel, _ change: Change) async throws {
        try await DoelRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$id == doel.id).delete()
        try await record(change)
    }

    func remove(_ actie: Actie, _ change: Change) async throws {
        try await ActieRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$id == actie.id).delete()
        try await record(change)
    }

    /// The raster shows who changed a bouwblad last, and when.
    func touch(_ bouwblad: BouwbladRecord, by userID: UUID, now: Date) async throws {
        try await BouwbladRecord.query(on: db).filter(\.$id == bouwblad.requireID()).filter(\.$coalitionID == coalitionID)
            .set(\.$updatedBy, to: userID).set(\.$updatedAt, to: now).update()
    }

    private func record(_ change: Change, touch: Bool = true) async throws {
        try await revise(change)
        if touch { try await self.touch(change) }
    }

    private func revise(_ change: Change) async throws {
        try await RevisionRecord(coalitionID: coalitionID, bouwbladID: change.bouwblad.requireID(), cycleID: change.cycleID,
                                 field: change.field, before: change.before, after: change.after, userID: change.userID, createdAt: change.now).create(on: db)
    }

    private func touch(_ change: Change) async throws {
        try await touch(change.bouwblad, by: change.userID, now: change.now)
    }
}
