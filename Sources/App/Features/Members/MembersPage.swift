import Domain
import Fluent
import Vapor

/// The members list, also rendered with a problem message when a change was refused.
enum MembersPage {
    struct Member: Encodable {
        let id: String
        let name: String
        let email: String
        let role: String
        let detail: String?
        let isYou: Bool
        let roleHref: String
        let removeHref: String
    }
    struct Invitation: Encodable { let id: String; let name: String; let email: String; let role: String; let validUntil: String; let revokeAction: String }
    struct Page: Encodable {
        let layout: Layout
        let members: [Member]
        let invitations: [Invitation]
        let hasInvitations: Bool
        let canManage: Bool
        let problem: String?
    }

    /// The members with their locations and organisations, and the open invitations
    /// (only for who may manage members), read before the page is built.
    struct Model {
        let tenant: Tenant
        let layout: Layout
        let you: UUID?
        let memberships: [MembershipRecord]
        let locationLinks: [MembershipLocationRecord]
        let locations: [UUID: String]
        let partners: [UUID: String]
        let invitations: [InvitationRecord]
    }

    static func render(_ req: Request, problem: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let tenant = try req.tenant
        let store = MembersStore(tenant, on: req.db)
        let model = Model(
            tenant: tenant, layout: try await req.layout("Leden", current: .leden), you: req.currentUser?.id,
            memberships: try await store.memberships(), locationLinks: try await store.locationLinks(),
            locations: try await store.locationNames(), partners: try await store.partnerNames(),
            invitations: tenant.role.canManageMembers ? try await store.openInvitations(now: req.now) : [])
        return try req.page("members/list", try build(model, problem: problem), status: status)
    }

    /// The page from loaded values: no I/O.
    static func build(_ model: Model, problem: String? = nil) throws -> Page {
        let tenant = model.tenant, coalition = Paths.coalition(tenant.coalition.slug), links = model.locationLinks, locations = model.locations, partners = model.partners
        let members = try model.memberships
            .sorted { ($0.role.rank, $0.user.name) < ($1.role.rank, $1.user.name) }
            .map { m -> Member in
                let detail: String
                switch m.role {
                case .coordinator:
                    let names = links.filter { $0.membershipID == m.id }.compactMap { locations[$0.locationID] }.sorted()
                    detail = names.isEmpty ? "nog geen locatie gekoppeld" : names.joined(separator: ", ")
                case .partner: detail = m.partnerID.flatMap { partners[$0] } ?? "nog geen organisatie gekoppeld"
                default: detail = ""
                }
                let id = try m.requireID()
                return Member(
                    id: id.uuidString, name: m.user.name, email: m.user.email, role: Messages.roleLabel(m.role),
                    detail: detail.isEmpty ? nil : detail, isYou: m.$user.id == model.you,
                    roleHref: coalition.memberRole(id).path, removeHref: coalition.member(id).delete.path)
            }
        let invitations = try model.invitations.map {
            let id = try $0.requireID()
            return Invitation(id: id.uuidString, name: $0.name, email: $0.email, role: Messages.roleLabel($0.role), validUntil: DutchDate.dayMonthYear($0.expiresAt),
                              revokeAction: coalition.revokeInvitation(id).path)
        }
        return Page(
            layout: model.layout,
            members: members, invitations: invitations, hasInvitations: !invitations.isEmpty,
            canManage: tenant.role.canManageMembers, problem: problem)
    }
}
