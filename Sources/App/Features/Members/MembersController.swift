import Domain
import Fluent
import Vapor

/// `/c/{slug}/leden`: who is in the coalition, with which role; the projectleider
/// changes roles, removes members and revokes invitations here.
struct MembersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let coalition = Paths.coalition(.param)
        routes.get(coalition.leden, use: list)
        routes.post(coalition.memberRole(.param), use: changeRole)
        routes.post(coalition.member(.param).delete, use: remove)
        routes.post(coalition.revokeInvitation(.param), use: revoke)
    }

    func list(req: Request) async throws -> Response {
        try await MembersPage.render(req)
    }

    func changeRole(req: Request) async throws -> Response {
        let tenant = try req.require(\.canManageMembers)
        let store = MembersStore(tenant, on: req.db)
        let membership = try await find(req, store)
        let edit = try req.form(Edit<RoleForm>.self)
        var errors = FieldErrors()
        guard let role = Membership.parseRole(edit.form.role, into: &errors), let version = edit.version else { throw Abort(.badRequest) }
        switch try await store.change(membership.requireID(), to: role, expectedVersion: version, now: req.now) {
        case .lastProjectleider: return try await lastProjectleider(req)
        case .conflict: throw Abort(.conflict)
        case .notFound: throw Abort(.notFound)
        case .done: break
        }
        try await req.flash("De rol van \(membership.user.name) is nu: \(Messages.roleLabel(role).lowercased()).")
        return .seeOther(Paths.coalition(tenant.coalition.slug).leden.path)
    }

    func remove(req: Request) async throws -> Response {
        let tenant = try req.require(\.canManageMembers)
        let store = MembersStore(tenant, on: req.db)
        let membership = try await find(req, store)
        switch try await store.change(membership.requireID(), to: nil, expectedVersion: nil, now: req.now) {
        case .lastProjectleider: return try await lastProjectleider(req)
        case .notFound: throw Abort(.notFound)
        case .done, .conflict: break
        }
        try await req.flash("\(membership.user.name) is geen lid meer van deze coalitie.")
        if membership.$user.id == req.currentUser?.id { return .seeOther("/") }
        return .seeOther(Paths.coalition(tenant.coalition.slug).leden.path)
    }

    func revoke(req: Request) async throws -> Response {
        let tenant = try req.require(\.canManageMembers)
        let store = MembersStore(tenant, on: req.db)
        guard let id = req.parameters.get("invitationID", as: UUID.self), let invitation = try await store.invitation(id) else { throw Abort(.notFound) }
        try await store.revoke(invitation, now: req.now)
        try await req.flash("De uitnodiging voor \(invitation.name) is ingetrokken. De link werkt niet meer.")
        return .seeOther(Paths.coalition(tenant.coalition.slug).leden.path)
    }

    private func find(_ req: Request, _ store: MembersStore) async throws -> MembershipRecord {
        guard let id = req.parameters.get("membershipID", as: UUID.self), let membership = try await store.membership(id) else { throw Abort(.notFound) }
        return membership
    }

    private func lastProjectleider(_ req: Request) async throws -> Response {
        try await MembersPage.render(req, problem: Messages.text(for: .lastProjectleider, noun: ""), status: .unprocessableEntity)
    }
}

/// The role select on the members page.
struct RoleForm: Codable {
    enum CodingKeys: String, CodingKey, FieldName { case role }
    var role: String?
}
