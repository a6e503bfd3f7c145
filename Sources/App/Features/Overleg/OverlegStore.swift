import Domain
import Fluent
import Foundation

/// The only code that queries meetings and cadence rules. Made with the tenant: another
/// coalition's ids find nothing.
package struct OverlegStore: TenantStore {
    package let coalitionID: UUID
    package let db: any Database

    package init(coalitionID: UUID, db: any Database) { (self.coalitionID, self.db) = (coalitionID, db) }

    /// Meetings from `from` to `to` (ISO days sort as text), oldest first.
    func meetings(in range: DateRange) async throws -> [MeetingRecord] {
        try await MeetingRecord.query(on: db).filter(\.$coalitionID == coalitionID)
            .filter(\.$day >= range.from.iso).filter(\.$day <= range.to.iso)
            .sort(\.$day).sort(\.$startTime).sort(\.$createdAt).all()
    }

    /// Every meeting, for the indicators that count a cadence rule over their periods.
    func allMeetings() async throws -> [MeetingRecord] {
        try await MeetingRecord.query(on: db).filter(\.$coalitionID == coalitionID).sort(\.$day).all()
    }

    func meeting(_ id: UUID) async throws -> MeetingRecord? {
        try await MeetingRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).first()
    }

    package func add(_ meeting: MeetingRecord) async throws {
        try await add([meeting])
    }

    /// A series of meetings: all of them or none.
    func add(_ meetings: [MeetingRecord]) async throws {
        let coalitionID = coalitionID
        for meeting in meetings { meeting.coalitionID = coalitionID }
        try await db.writeTransaction { db in
            for meeting in meetings { try await meeting.create(on: db) }
        }
    }

    func update(_ id: UUID, from version: Int, _ input: MeetingInput, now: Date) async throws -> Bool {
        try await update(MeetingRecord.schema, id: id, from: version, set: MeetingRecord.columns(input), now: now)
    }

    func delete(meeting id: UUID) async throws {
        try await MeetingRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).delete()
    }

    /// The kinds the coalition has used, for a rule about them.
    func usedKinds() async throws -> Set<String> {
        Set(try await MeetingRecord.query(on: db).filter(\.$coalitionID == coalitionID).field(\.$kind).unique().all().map(\.kind))
    }

    // MARK: cadence rules

    package func rules() async throws -> [CadenceRuleRecord] {
        try await CadenceRuleRecord.query(on: db).filter(\.$coalitionID == coalitionID).sort(\.$createdAt).all()
    }

    func rule(_ id: UUID) async throws -> CadenceRuleRecord? {
        try await CadenceRuleRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).first()
    }

    package func add(_ rule: CadenceRuleRecord) async throws {
        rule.coalitionID = coalitionID
        try await rule.create(on: db)
    }

    func delete(rule id: UUID) async throws {
        try await CadenceRuleRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).delete()
    }

    // MARK: the calendar feed

    func feed() async throws -> CalendarFeedRecord? {
        try await CalendarFeedRecord.query(on: db).filter(\.$coalitionID == coalitionID).first()
    }

    /// A new secret address; the old one (if any) stops working in the same transaction.
    func renewFeed(token: String, by name: String) async throws {
        let coalitionID = coalitionID
        try await db.writeTransaction { db in
            try await CalendarFeedRecord.query(on: db).filter(\.$coalitionID == coalitionID).delete()
            try await CalendarFeedRecord(coalitionID: coalitionID, token: token, by: name).create(on: db)
        }
    }

    /// A member's own feed.
    func personalFeed(of membership: UUID) async throws -> PersonalFeedRecord? {
        try await PersonalFeedRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$membershipID == membership).first()
    }

    /// A new secret address for a member's own feed; their old one stops working.
    func renewPersonalFeed(of membership: UUID, token: String) async throws {
        let coalitionID = coalitionID
        try await db.writeTransaction { db in
            try await PersonalFeedRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$membershipID == membership).delete()
            try await PersonalFeedRecord(coalitionID: coalitionID, membershipID: membership, token: token).create(on: db)
        }
    }
}

/// Finds a feed by its secret address, before there is a tenant (a calendar program has no
/// session): the coalition's store, and for a partner's own feed their organisation (they
/// see only the meetings naming it).
struct CalendarFeeds {
    struct Found { let store: OverlegStore; let onlyFor: UUID?; let isPartner: Bool }
    let db: any Database

    func find(_ token: String) async throws -> Found? {
        if let feed = try await CalendarFeedRecord.query(on: db).filter(\.$token == token).first() {
            return Found(store: OverlegStore(coalitionID: feed.coalitionID, db: db), onlyFor: nil, isPartner: false)
        }
        guard let feed = try await PersonalFeedRecord.query(on: db).filter(\.$token == token).first(),
              let member = try await MembershipRecord.query(on: db).filter(\.$id == feed.membershipID).filter(\.$coalitionID == feed.coalitionID).first()
        else { return nil }
        return Found(store: OverlegStore(coalitionID: feed.coalitionID, db: db), onlyFor: member.role == .partner ? member.partnerID : nil,
                     isPartner: member.role == .partner)
    }
}
