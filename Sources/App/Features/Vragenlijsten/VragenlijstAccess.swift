import Domain
import Fluent
import Vapor

/// Who may do what with questionnaires: the projectleider makes, changes and opens any;
/// a coordinator makes them for their own locations and changes only those; partners see
/// the results of questionnaires per activity, for their own activities only; lezers and
/// coordinators read every result.
struct VragenlijstAccess {
    let tenant: Tenant
    /// The locations a coordinator coordinates (empty for other roles).
    let ownLocations: Set<UUID>
    var role: Role { tenant.role }
    var slug: String { tenant.coalition.slug }
    var paths: Paths.Vragenlijsten { Paths.coalition(slug).vragenlijsten }
    var canMake: Bool { role == .projectleider || (role == .coordinator && !ownLocations.isEmpty) }
    var ownPartner: UUID? { role == .partner ? tenant.membership.partnerID : nil }

    static func load(_ req: Request) async throws -> VragenlijstAccess {
        let tenant = try req.tenant
        return VragenlijstAccess(tenant: tenant, ownLocations: try await PlacesStore.coordinated(by: tenant, on: req.db))
    }

    /// For the pages that make a questionnaire.
    static func making(_ req: Request) async throws -> VragenlijstAccess {
        let access = try await load(req)
        guard access.canMake else { throw Abort(.forbidden) }
        return access
    }

    func store(_ db: any Database) -> VragenlijstenStore { VragenlijstenStore(tenant, on: db) }

    /// A partner sees only questionnaires with a link per activity (the results are then
    /// limited to their activities); everyone else sees them all.
    func maySee(_ questionnaire: QuestionnaireRecord) -> Bool {
        role != .partner || questionnaire.scopeValue == .activiteit
    }

    /// A coordinator changes a questionnaire made for their locations only, never one of
    /// the whole coalition or one that is also for someone else's location.
    func mayChange(_ questionnaire: QuestionnaireRecord) -> Bool {
        switch role {
        case .projectleider: return true
        case .coordinator: return !questionnaire.locations.isEmpty && questionnaire.locations.isSubset(of: ownLocations)
        default: return false
        }
    }

    /// The locations a new questionnaire of this person is for: a coordinator's own.
    var newLocations: Set<UUID> { role == .coordinator ? ownLocations : [] }

    /// The questionnaire of the path, or 404 (another coalition's, or not for this person).
    func questionnaire(_ req: Request) async throws -> QuestionnaireRecord {
        guard let id = req.parameters.get("questionnaireID", as: UUID.self),
              let found = try await store(req.db).questionnaire(id), maySee(found) else { throw Abort(.notFound) }
        return found
    }

    /// The questionnaire of the path for the pages that change it: 403 when it is not
    /// this person's to change.
    func changeable(_ req: Request) async throws -> QuestionnaireRecord {
        let found = try await questionnaire(req)
        guard mayChange(found) else { throw Abort(.forbidden) }
        return found
    }
}
