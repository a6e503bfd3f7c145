import Domain
import Fluent
import Vapor

/// `/c/{slug}/leden`: who is in the coalition, with which role; the projectleider
/// changes a role on a page of its own, removes a member after a question, and revokes
/// invitations here.
struct MembersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let coalition = Paths.coalition(.param)
        routes.get(coalition.leden, use: list)
        let managing = routes.access(.projectleider)
        managing.get(coalition.memberRole(.param), use: roleForm)
        routes.post(coalition.memberRole(.param), use: changeRole)
        managing.get(coalition.member(.param).delete, use: confirmRemove)
        routes.post(coalition.member(.param).delete, use: remove)
        routes.post(coalition.revokeInvitation(.param), use: revoke)
    }

    func list(req: Request) async throws -> Response {
        try await MembersPage.render(req)
    }

    func roleForm(req: Request) async throws -> Response {
        let tenant = try req.require(\.canManageMembers)
        let membership = try await find(req, MembersStore(tenant, on: req.db))
        return try await rolePage(req, membership, FormState(RoleForm(role: membership.role.rawValue)))
    }

    /// The role of one member as radio buttons, each with what that role may do.
    private func rolePage(_ req: Request, _ membership: MembershipRecord, _ state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let tenant = try req.tenant
        var form = state
        let id = try membership.requireID()
        let coalition = Paths.coalition(tenant.coalition.slug)
        let role = form.choice(RoleForm.CodingKeys.role, "Rol van \(membership.user.name)", noun: "een rol",
                               options: Role.allCases.map { ($0.rawValue, Messages.roleLabel($0), Messages.roleHelp($0).capitalizedFirst) })
        return try await req.page("forms/page", title: "Rol van \(membership.user.name)", current: .leden, status: status) { layout in
            FormPage(layout: layout, back: coalition.leden.path, backLabel: "Terug naar Leden", title: "Rol van \(membership.user.name)",
                     lead: "Wat iemand mag, hangt af van de rol.", action: coalition.memberRole(id).path, items: [.init(radios: role)],
                     submit: "Rol opslaan", version: membership.version, form: form)
        }
    }

    struct ConfirmRemove: Encodable { let layout: Layout; let name: String; let action: String; let backHref: String; let isYou: Bool }

    func confirmRemove(req: Request) async throws -> Response {
        let tenant = try req.require(\.canManageMembers)
        let membership = try await find(req, MembersStore(tenant, on: req.db))
        let coalition = Paths.coalition(tenant.coalition.slug)
        return try await req.page("members/remove", title: "\(membership.user.name) verwijderen?", current: .leden) { layout in
            ConfirmRemove(layout: layout, name: membership.user.name, action: coalition.member(try membership.requireID()).delete.path,
                          backHref: coalition.leden.path, isYou: membership.$user.id == req.currentUser?.id)
        }
    }

    func changeRole(req: Request) async throws -> Response {
        let tenant = try req.require(\.canManageMembers)
        let store = MembersStore(tenant, on: req.db)
        let membership = try await find(req, store)
        let edit = try req.form(Edit<RoleForm>.self)
        var errors = FieldErrors()
        guard let version = edit.version else { throw Abort(.badRequest) }
        guard let role = Membership.parseRole(edit.form.role, into: &errors) else {
            return try await rolePage(req, membership, FormState(edit.form, errors: errors), status: .unprocessableEntity)
        }
        switch try await store.change(membership.requireID(), to: role, expectedVersion: version, now: req.now) {
        case .lastProjectleider:
            errors.add(RoleForm.CodingKeys.role, .lastProjectleider)
            return try await rolePage(req, membership, FormState(edit.form, errors: errors), status: .unprocessableEntity)
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
