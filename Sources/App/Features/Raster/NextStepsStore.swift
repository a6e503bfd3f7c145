import Domain
import Fluent
import SQLKit
import Vapor

/// What is waiting for one person, besides what the raster already read: sessions to fill
/// in, their own open acties, open incidents, and for a new coalition how far its first
/// steps are. Small reads: a few rows and counts, whatever the size of the coalition.
struct NextStepsStore: TenantStore {
    let coalitionID: UUID
    let db: any Database

    /// Whose sessions a person fills in: everyone's, those at their locations, or those of
    /// their organisation (the rule of `ActivityAccess.canRecordSessions`).
    enum Recorder {
        case everyone
        case locations(Set<UUID>)
        case partner(UUID)
    }

    struct SessionRow: Decodable { let id: UUID; let date: String; let activity_id: UUID; let name: String }

    /// The held sessions nobody filled in yet (no pupils, no nabespreking), newest first, then by activity.
    func sessionsToFill(by recorder: Recorder, today: IsoDate, limit: Int) async throws -> (rows: [SessionRow], total: Int) {
        func scoped(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
            var query = query.from(ActivitySessionRecord.schema)
                .join(ActivityRecord.schema, on: SQLColumn("activity_id", table: ActivitySessionRecord.schema), .equal, SQLColumn("id", table: ActivityRecord.schema))
                .where(SQLColumn("coalition_id", table: ActivitySessionRecord.schema), .equal, SQLBind(coalitionID))
                .where(SQLColumn("cancelled", table: ActivitySessionRecord.schema), .equal, SQLBind(false))
                .where(SQLColumn("date", table: ActivitySessionRecord.schema), .lessThanOrEqual, SQLBind(today.iso))
                .where(SQLColumn("pupils", table: ActivitySessionRecord.schema), .is, SQLLiteral.null)
                .where(SQLColumn("went_well", table: ActivitySessionRecord.schema), .equal, SQLBind(""))
                .where(SQLColumn("improve", table: ActivitySessionRecord.schema), .equal, SQLBind(""))
            switch recorder {
            case .everyone: break
            case .locations(let ids): query = query.where(SQLColumn("location_id", table: ActivityRecord.schema), .in, SQLBind.group(Array(ids)))
            case .partner(let id): query = query.where(SQLColumn("partner_id", table: ActivityRecord.schema), .equal, SQLBind(id))
            }
            return query
        }
        if case .locations(let ids) = recorder, ids.isEmpty { return ([], 0) }
        let rows = try await scoped(db.sql.select()
            .column(SQLColumn("id", table: ActivitySessionRecord.schema)).column(SQLColumn("date", table: ActivitySessionRecord.schema))
            .column(SQLColumn("activity_id", table: ActivitySessionRecord.schema)).column(SQLColumn("name", table: ActivityRecord.schema)))
            .orderBy(SQLColumn("date", table: ActivitySessionRecord.schema), SQLDirection.descending)
            .orderBy(SQLColumn("name", table: ActivityRecord.schema)).limit(limit)
            .all(decoding: SessionRow.self)
        guard rows.count == limit else { return (rows, rows.count) }
        struct Count: Decodable { let n: Int }
        let total = try await scoped(db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")).first(decoding: Count.self)?.n ?? rows.count
        return (rows, total)
    }

    /// The open acties this member is the trekker of.
    func openActies(of membershipID: UUID) async throws -> [Actie] {
        try await ActieRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$ownerMemberID == membershipID)
            .filter(\.$status ~~ [.gepland, .bezig]).all().map { try $0.value }
    }

    /// The ids of the cycles that are not in the prullenbak.
    func liveCycleIDs(among ids: Set<UUID>) async throws -> Set<UUID> {
        guard !ids.isEmpty else { return [] }
        return Set(try await CycleRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$id ~~ ids).field(\.$id).all().compactMap(\.id))
    }

    func openIncidents() async throws -> Int {
        try await ActivitySessionRecord.query(on: db).filter(\.$coalitionID == coalitionID)
            .filter(\.$incident == true).filter(\.$incidentHandledAt == nil).count()
    }

    /// Planned meetings from `from` to `to`.
    func meetings(from: IsoDate, to: IsoDate) async throws -> [MeetingRecord] {
        try await MeetingRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$status == .gepland)
            .filter(\.$day >= from.iso).filter(\.$day <= to.iso).sort(\.$day).range(..<100).all()
    }

    /// Whether a final (not concept) version of the report is frozen.
    func hasFinalReport() async throws -> Bool {
        try await ReportVersionRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$isConcept == false).first() != nil
    }

    /// How far a new coalition is: other members (or open invitations), locations, activities.
    struct FirstSteps { let invited: Bool; let hasLocations: Bool; let hasActivities: Bool }

    func firstSteps() async throws -> FirstSteps {
        let members = try await MembershipRecord.query(on: db).filter(\.$coalitionID == coalitionID).count()
        let invitations = try await InvitationRecord.query(on: db).filter(\.$coalitionID == coalitionID).count()
        return FirstSteps(
            invited: members > 1 || invitations > 0,
            hasLocations: try await LocationRecord.query(on: db).filter(\.$coalitionID == coalitionID).count() > 0,
            hasActivities: try await ActivityRecord.query(on: db).filter(\.$coalitionID == coalitionID).count() > 0)
    }
}
