import Domain
import Fluent
import Vapor

/// Who may do what in the activiteitenboek, checked on the server for every request:
/// projectleider everything; coordinator the activities of their own locations; partner
/// sees only their organisation's activities and records their sessions; lezer reads.
struct ActivityAccess {
    let tenant: Tenant
    let settings: ActivitySettingsRecord
    /// The locations a coordinator coordinates (empty for other roles).
    let ownLocations: Set<UUID>

    var role: Role { tenant.role }
    var slug: String { tenant.coalition.slug }
    var base: String { Paths.coalition(slug).activiteiten }
    var ownPartner: UUID? { role == .partner ? tenant.membership.partnerID : nil }

    static func load(_ req: Request) async throws -> ActivityAccess {
        let tenant = try req.tenant
        let settings = try await ActivitySettingsRecord.current(req.db, coalitionID: tenant.coalitionID)
        var own: Set<UUID> = []
        if tenant.role == .coordinator {
            own = Set(try await MembershipLocationRecord.query(on: req.db)
                .filter(\.$coalitionID == tenant.coalitionID).filter(\.$membershipID == tenant.membership.id!)
                .all().map(\.locationID))
        }
        return ActivityAccess(tenant: tenant, settings: settings, ownLocations: own)
    }

    var canManagePlaces: Bool { role == .projectleider }

    /// For the pages only the projectleider uses: locations, partners, settings.
    static func managing(_ req: Request) async throws -> ActivityAccess {
        let access = try await load(req)
        guard access.canManagePlaces else { throw Abort(.forbidden) }
        return access
    }
    var canCreate: Bool { role == .projectleider || (role == .coordinator && !ownLocations.isEmpty) }
    var canSeeIncidents: Bool { role == .projectleider }

    func mayUse(location: UUID) -> Bool { role == .projectleider || (role == .coordinator && ownLocations.contains(location)) }
    func canSee(_ activity: ActivityRecord) -> Bool { role != .partner || (ownPartner != nil && activity.partnerID == ownPartner) }
    func canEdit(_ activity: ActivityRecord) -> Bool { mayUse(location: activity.locationID) }
    func canRecordSessions(_ activity: ActivityRecord) -> Bool {
        canEdit(activity) || (role == .partner && ownPartner != nil && activity.partnerID == ownPartner)
    }
    func canEditStaff(of partner: UUID) -> Bool { role == .projectleider || (role == .partner && ownPartner == partner) }

    /// The activities this person may see, always within the coalition.
    func activities(_ db: any Database) -> QueryBuilder<ActivityRecord> {
        var query = ActivityRecord.query(on: db).filter(\.$coalitionID == tenant.coalitionID)
        if role == .partner {
            // No organisation, nothing to see: a partner without one matches no activity.
            query = query.filter(\.$partnerID == (ownPartner ?? UUID()))
        }
        return query
    }

    /// The activity named in the path; another coalition's or an invisible id is a 404.
    func activity(_ req: Request) async throws -> ActivityRecord {
        guard let id = req.parameters.get("activityID", as: UUID.self),
              let activity = try await activities(req.db).filter(\.$id == id).first()
        else { throw Abort(.notFound) }
        return activity
    }

    func staff(of activity: ActivityRecord, _ db: any Database) async throws -> [StaffRecord] {
        let ids = try await ActivityStaffRecord.query(on: db).filter(\.$coalitionID == tenant.coalitionID)
            .filter(\.$activityID == activity.id!).all().map(\.staffID)
        guard !ids.isEmpty else { return [] }
        return try await StaffRecord.query(on: db).filter(\.$coalitionID == tenant.coalitionID).filter(\.$id ~~ ids).sort(\.$name).all()
    }

    func vog(_ staff: [StaffRecord], today: IsoDate) -> [(name: String, vog: VogStatus)] {
        staff.map { ($0.name, $0.vog(validityYears: settings.vogYears, today: today)) }
    }
}

extension ActivitySettingsRecord {
    /// The saved settings, or the defaults (not stored until someone changes them).
    static func current(_ db: any Database, coalitionID: UUID) async throws -> ActivitySettingsRecord {
        try await query(on: db).filter(\.$coalitionID == coalitionID).first() ?? ActivitySettingsRecord(coalitionID: coalitionID)
    }
}

extension Request {
    /// A UUID form value that must name a row of this coalition; nil when empty.
    func ownID<M: Model>(_ raw: String?, _ type: M.Type, coalitionID: UUID, coalitionKey: KeyPath<M, FieldProperty<M, UUID>>) async throws -> UUID?? where M.IDValue == UUID {
        let text = (raw ?? "").trimmingWhitespace()
        if text.isEmpty { return .some(nil) }
        guard let id = UUID(uuidString: text), let row = try await M.find(id, on: db),
              row[keyPath: coalitionKey].wrappedValue == coalitionID
        else { return nil }
        return .some(id)
    }
}
