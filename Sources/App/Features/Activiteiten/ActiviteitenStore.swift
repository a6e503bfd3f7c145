import Domain
import Fluent
import Foundation
import SQLKit

/// The only code of the activiteitenboek that queries activities, their staff, sessions
/// and settings. Made with the tenant: an id of another coalition finds nothing.
package struct ActiviteitenStore: TenantStore {
    package let coalitionID: UUID
    package let db: any Database

    package init(coalitionID: UUID, db: any Database) { (self.coalitionID, self.db) = (coalitionID, db) }

    /// Which activities a person sees: all of the coalition, or one partner's (a partner
    /// without an organisation sees none).
    package enum Visible: Sendable {
        case all
        case partner(UUID?)
    }

    /// The list page's filters; nil is no filter. Overlap with a period: starts before its
    /// end and ends after its start (ISO strings sort as dates).
    struct Filter {
        var location: UUID?
        var domain: String?
        var partner: UUID?
        var status: ActivityStatus?
        var from: IsoDate?
        var to: IsoDate?
    }

    private func visible(_ visible: Visible) -> QueryBuilder<ActivityRecord> {
        let query = ActivityRecord.query(on: db).filter(\.$coalitionID == coalitionID)
        switch visible {
        case .all: return query
        case .partner(let id): return query.filter(\.$partnerID == (id ?? UUID()))
        }
    }

    /// By name; at most `limit`.
    func activities(_ who: Visible, filter: Filter = Filter(), limit: Int? = nil) async throws -> [ActivityRecord] {
        var query = visible(who)
        if let id = filter.location { query = query.filter(\.$locationID == id) }
        if let domain = filter.domain { query = query.filter(\.$domain == domain) }
        if let id = filter.partner { query = query.filter(\.$partnerID == id) }
        if let status = filter.status { query = query.filter(\.$status == status) }
        if let to = filter.to { query = query.filter(\.$startsOn <= to.iso) }
        if let from = filter.from { query = query.filter(\.$endsOn >= from.iso) }
        query = query.sort(\.$name)
        if let limit { query = query.range(..<limit) }
        return try await query.all()
    }

    /// In no particular order.
    func unsortedActivities(_ who: Visible) async throws -> [ActivityRecord] {
        try await visible(who).all()
    }

    package func count(_ who: Visible) async throws -> Int {
        try await visible(who).count()
    }

    func activity(_ id: UUID, _ who: Visible) async throws -> ActivityRecord? {
        try await visible(who).filter(\.$id == id).first()
    }

    /// Activities on offer (not concept) that overlap the period.
    func offered(during period: DateRange) async throws -> [ActivityRecord] {
        try await ActivityRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$status != .concept)
            .filter(\.$startsOn <= period.to.iso).filter(\.$endsOn >= period.from.iso).all()
    }

    func names(of ids: Set<UUID>) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await ActivityRecord.query(on: db).filter(\.$coalitionID == coalitionID)
            .filter(\.$id ~~ ids).all().map { (try $0.requireID(), $0.name) })
    }

    /// Adds activities with their staff. Run it inside a transaction.
    func add(_ activity: ActivityRecord, staff: [UUID] = []) async throws {
        activity.coalitionID = coalitionID
        try await activity.create(on: db)
        try await link(activity: activity.requireID(), staff: staff)
    }

    /// Saves what the form changes, based on `version`, and replaces the staff. Run it
    /// inside a transaction.
    func update(_ activity: ActivityRecord, from version: Int, staff: [UUID], now: Date) async throws -> Bool {
        let id = try activity.requireID()
        guard try await update(ActivityRecord.schema, id: id, from: version, set: [
            ("name", activity.name), ("domain", activity.domain), ("location_id", activity.locationID), ("partner_id", activity.partnerID),
            ("weekdays", activity.weekdays), ("start_time", activity.startTime), ("end_time", activity.endTime),
            ("starts_on", activity.startsOn), ("ends_on", activity.endsOn), ("year_groups", activity.yearGroups),
            ("max_group_size", activity.maxGroupSize), ("goals", activity.goals), ("doel_id", activity.doelID),
            ("in_school", activity.inSchool), ("vier_ogen", activity.vierOgen), ("contact_before_after", activity.contactBeforeAfter),
            ("school_present", activity.schoolPresent),
        ], now: now) else { return false }
        try await ActivityStaffRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$activityID == id).delete()
        try await link(activity: id, staff: staff)
        return true
    }

    func update(status: ActivityStatus, of activity: UUID, from version: Int, now: Date) async throws -> Bool {
        try await update(ActivityRecord.schema, id: activity, from: version, set: [("status", status.rawValue)], now: now)
    }

    func update(check answers: VoorafCheck.Answers, of activity: UUID, from version: Int, by name: String, now: Date) async throws -> Bool {
        try await update(ActivityRecord.schema, id: activity, from: version, set: [
            ("check_answers", answers.stored), ("check_evaluation", answers.evaluation), ("check_at", now), ("check_by_name", name),
        ], now: now)
    }

    private func link(activity: UUID, staff: [UUID]) async throws {
        for id in staff {
            try await ActivityStaffRecord(coalitionID: coalitionID, activityID: activity, staffID: id).create(on: db)
        }
    }

    /// Every link between an activity and a staff member.
    func staffLinks() async throws -> [ActivityStaffRecord] {
        try await ActivityStaffRecord.query(on: db).filter(\.$coalitionID == coalitionID).all()
    }

    /// The staff of one activity, by name.
    func staff(of activity: UUID) async throws -> [StaffRecord] {
        let ids = try await ActivityStaffRecord.query(on: db).filter(\.$coalitionID == coalitionID)
            .filter(\.$activityID == activity).all().map(\.staffID)
        guard !ids.isEmpty else { return [] }
        return try await StaffRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$id ~~ ids).sort(\.$name).all()
    }

    /// Doelen an activity can belong to: of bouwbladen not in the prullenbak, oldest first,
    /// at most 500.
    func doelen() async throws -> [Doel] {
        let live = try await BouwbladRecord.query(on: db).filter(\.$coalitionID == coalitionID).field(\.$id).all().compactMap(\.id)
        guard !live.isEmpty else { return [] }
        return try await DoelRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$bouwbladID ~~ live)
            .sort(\.$createdAt).range(..<500).all().map { try $0.value }
    }

    func doel(_ id: UUID) async throws -> Doel? {
        try await DoelRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$id == id).first()?.value
    }

    /// Bouwbladen not in the prullenbak, in no particular order.
    func bouwbladen() async throws -> [BouwbladRecord] {
        try await BouwbladRecord.query(on: db).filter(\.$coalitionID == coalitionID).all()
    }

    // MARK: settings

    /// The saved settings, or the defaults (not stored until someone changes them).
    func settings() async throws -> ActivitySettingsRecord {
        try await ActivitySettingsRecord.query(on: db).filter(\.$coalitionID == coalitionID).first() ?? ActivitySettingsRecord(coalitionID: coalitionID)
    }

    /// The first save; a second first save hits the unique index: 409.
    func add(_ settings: ActivitySettingsRecord) async throws {
        settings.coalitionID = coalitionID
        try await settings.create(on: db)
    }

    func update(settings id: UUID, from version: Int, _ input: ActivitySettingsInput, now: Date) async throws -> Bool {
        try await update(ActivitySettingsRecord.schema, id: id, from: version, set: [
            ("vog_years", input.vogYears), ("minimum_per_cell", input.minimumPerCell), ("extra_domains", input.extraDomains.joined(separator: "\n")),
        ], now: now)
    }

    // MARK: sessions

    /// The sessions of one activity, by date.
    func sessions(of activity: UUID) async throws -> [ActivitySessionRecord] {
        try await ActivitySessionRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$activityID == activity).sort(\.$date).all()
    }

    /// The sessions of these activities, in no particular order, or by date.
    func sessions(of activities: [UUID], sortedByDate: Bool = false) async throws -> [ActivitySessionRecord] {
        guard !activities.isEmpty else { return [] }
        var query = ActivitySessionRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$activityID ~~ activities)
        if sortedByDate { query = query.sort(\.$date) }
        return try await query.all()
    }

    /// Sessions that went ahead in the period (dates inclusive), in no particular order.
    func heldSessions(of activities: [UUID], during period: DateRange) async throws -> [ActivitySessionRecord] {
        guard !activities.isEmpty else { return [] }
        return try await ActivitySessionRecord.query(on: db).filter(\.$coalitionID == coalitionID)
            .filter(\.$activityID ~~ activities).filter(\.$date >= period.from.iso).filter(\.$date <= period.to.iso)
            .filter(\.$cancelled == false).all()
    }

    func session(_ id: UUID, of activity: UUID) async throws -> ActivitySessionRecord? {
        try await ActivitySessionRecord.query(on: db).filter(\.$id == id)
            .filter(\.$coalitionID == coalitionID).filter(\.$activityID == activity).first()
    }

    func hasSession(of activity: UUID, on date: IsoDate) async throws -> Bool {
        try await ActivitySessionRecord.query(on: db).filter(\.$coalitionID == coalitionID)
            .filter(\.$activityID == activity).filter(\.$date == date.iso).first() != nil
    }

    /// Adds a session on each date. Run several inside a transaction.
    func addSessions(of activity: UUID, on dates: [IsoDate]) async throws {
        for date in dates {
            try await ActivitySessionRecord(coalitionID: coalitionID, activityID: activity, date: date).create(on: db)
        }
    }

    func update(session id: UUID, from version: Int, set columns: [(String, any Encodable & Sendable)], now: Date) async throws -> Bool {
        try await update(ActivitySessionRecord.schema, id: id, from: version, set: columns, now: now)
    }

    /// Sessions with an incident, newest first, at most 500.
    func incidents() async throws -> [ActivitySessionRecord] {
        try await ActivitySessionRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$incident == true)
            .sort(\.$date, .descending).range(..<500).all()
    }

    func incident(_ id: UUID) async throws -> ActivitySessionRecord? {
        try await ActivitySessionRecord.query(on: db).filter(\.$id == id)
            .filter(\.$coalitionID == coalitionID).filter(\.$incident == true).first()
    }

    /// What the indicators read of every session of the coalition, in one query of a few
    /// columns (not every session as a model).
    func sessionFacts() async throws -> [IndicatorData.Session] {
        struct Row: Decodable {
            let activity_id: UUID; let date: String; let cancelled: Bool; let pupils: Int?
            let betrokkenheid: String?; let welbevinden: String?; let incident: Bool; let incident_handled_at: Date?
        }
        let rows = try await db.sql.select()
            .columns("activity_id", "date", "cancelled", "pupils", "betrokkenheid", "welbevinden", "incident", "incident_handled_at")
            .from(ActivitySessionRecord.schema).where("coalition_id", .equal, coalitionID)
            .all(decoding: Row.self)
        return rows.compactMap { row in
            guard let date = IsoDate(row.date) else { return nil }
            return IndicatorData.Session(activityID: row.activity_id.uuidString, date: date, cancelled: row.cancelled, pupils: row.pupils,
                                         betrokkenheid: Observation(stored: row.betrokkenheid)?.average, welbevinden: Observation(stored: row.welbevinden)?.average,
                                         incident: row.incident, handledOn: row.incident_handled_at.map(IsoDate.inNetherlands))
        }
    }

    /// Per activity, the most pupils present at one session: one grouped query instead of
    /// every session of the coalition as a model.
    func pupilsReached() async throws -> [UUID: Int] {
        struct Row: Decodable { let activity_id: UUID; let pupils: Int }
        let rows = try await db.sql.select()
            .column("activity_id")
            .column(SQLFunction("MAX", args: SQLColumn("pupils")), as: "pupils")
            .from(ActivitySessionRecord.schema)
            .where("coalition_id", .equal, coalitionID)
            .where("pupils", .isNot, SQLLiteral.null)
            .groupBy("activity_id")
            .all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.activity_id, $0.pupils) })
    }
}
