import Domain
import Fluent
import Vapor

/// Who may do what with questionnaires: the projectleider and coordinators make, change and
/// open them; partners see the results of questionnaires per activity, for their own
/// activities only; lezers read results.
struct VragenlijstAccess {
    let tenant: Tenant
    var role: Role { tenant.role }
    var slug: String { tenant.coalition.slug }
    var paths: Paths.Vragenlijsten { Paths.coalition(slug).vragenlijsten }
    var canMake: Bool { role == .projectleider || role == .coordinator }
    var ownPartner: UUID? { role == .partner ? tenant.membership.partnerID : nil }

    static func load(_ req: Request) throws -> VragenlijstAccess { VragenlijstAccess(tenant: try req.tenant) }

    /// For the pages that change a questionnaire.
    static func making(_ req: Request) throws -> VragenlijstAccess {
        let access = try load(req)
        guard access.canMake else { throw Abort(.forbidden) }
        return access
    }

    func store(_ db: any Database) -> VragenlijstenStore { VragenlijstenStore(tenant, on: db) }

    /// A partner sees only questionnaires with a link per activity (the results are then
    /// limited to their activities); everyone else sees them all.
    func maySee(_ questionnaire: QuestionnaireRecord) -> Bool {
        role != .partner || questionnaire.scopeValue == .activiteit
    }

    /// The questionnaire of the path, or 404 (another coalition's, or not for this person).
    func questionnaire(_ req: Request) async throws -> QuestionnaireRecord {
        guard let id = req.parameters.get("questionnaireID", as: UUID.self),
              let found = try await store(req.db).questionnaire(id), maySee(found) else { throw Abort(.notFound) }
        return found
    }
}
