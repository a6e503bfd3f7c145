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
    var paths: Paths.Activiteiten { Paths.coalition(slug).activiteiten }
    var base: String { paths.path }
    var ownPartner: UUID? { role == .partner ? tenant.membership.partnerID : nil }

    static func load(_ req: Request) async throws -> ActivityAccess {
        let tenant = try req.tenant
        let settings = try await ActiviteitenStore(tenant, on: req.db).settings()
        return ActivityAccess(tenant: tenant, settings: settings, ownLocations: try await PlacesStore.coordinated(by: tenant, on: req.db))
    }

    /// The activity book of this coalition.
    func book(_ db: any Database) -> ActiviteitenStore { ActiviteitenStore(tenant, on: db) }
    /// Its locations, partners and staff.
    func places(_ db: any Database) -> PlacesStore { PlacesStore(tenant, on: db) }

    var canManagePlaces: Bool { role == .projectleider }

    /// For the pages only the projectleider uses: locations, partners, settings.
    static func managing(_ req: Request) async throws -> ActivityAccess {
        let access = try await load(req)
        guard access.canManagePlaces else { throw Abort(.forbidden) }
        return access
    }
    var canCreate: Bool { role == .projectleider || (role == .coordinator && !ownLocations.isEmpty) }
    var canSeeIncidents: Bool { role == .projectleider }
    /// A partner sees their own organisation's page only; everyone else sees every partner.
    func maySee(partner id: UUID) -> Bool { role != .partner || ownPartner == id }

    func mayUse(location: UUID) -> Bool { role == .projectleider || (role == .coordinator && ownLocations.contains(location)) }
    func canEdit(_ activity: ActivityRecord) -> Bool { mayUse(location: activity.locationID) }
    func canRecordSessions(_ activity: ActivityRecord) -> Bool {
        canEdit(activity) || (role == .partner && ownPartner != nil && activity.partnerID == ownPartner)
    }
    func canEditStaff(of partner: UUID) -> Bool { role == .projectleider || (role == .partner && ownPartner == partner) }

    /// The activities this person may see, always within the coalition.
    var visible: ActiviteitenStore.Visible {
        // No organisation, nothing to see: a partner without one matches no activity.
        role == .partner ? .partner(ownPartner) : .all
    }

    /// The activity named in the path; another coalition's or an invisible id is a 404.
    func activity(_ req: Request) async throws -> ActivityRecord {
        guard let id = req.parameters.get("activityID", as: UUID.self),
              let activity = try await book(req.db).activity(id, visible)
        else { throw Abort(.notFound) }
        return activity
    }

    func staff(of activity: ActivityRecord, _ db: any Database) async throws -> [StaffRecord] {
        try await book(db).staff(of: activity.requireID())
    }

    func vog(_ staff: [StaffRecord], today: IsoDate) -> [(name: String, vog: VogStatus)] {
        staff.map { ($0.name, $0.vog(validityYears: settings.vogYears, today: today)) }
    }
}
