import Domain
import Fluent
import Vapor

/// `/c/{slug}/leden`: who is in the coalition, with which role; the projectleider
/// changes roles, removes members and revokes invitations here.
struct MembersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let members = routes.grouped("leden")
        members.get(use: list)
        members.post(":membershipID", "rol", use: changeRole)
        members.post(":membershipID", "verwijderen", use: remove)
        routes.post("uitnodigingen", ":invitationID", "intrekken", use: revoke)
    }

    func list(req: Request) async throws -> Response {
        try await MembersPage.render(req)
    }

    func changeRole(req: Request) async throws -> Response {
        let tenant = try req.require(\.canManageMembers)
        let membership = try await find(req, tenant)
        let values = try req.formValues()
        var errors = FieldErrors()
        guard let role = Membership.parseRole(values["role"], into: &errors),
              let version = values["version"].flatMap({ Int($0) })
        else { throw Abort(.badRequest) }
        let projectleiders = try await projectleiderCount(req, tenant)
        guard Membership.mayLeave(currentRole: membership.role, newRole: role, projectleiders: projectleiders) else {
            return try await MembersPage.render(req, problem: Messages.text(for: .lastProjectleider, noun: ""), status: .unprocessableEntity)
        }
        let saved = try await Versioned.update(
            MembershipRecord.schema, id: membership.id!, coalitionID: tenant.coalitionID,
            expectedVersion: version, set: [("role", role.rawValue)], on: req.db)
        guard saved else { throw Abort(.conflict) }
        let name = try await membership.$user.get(on: req.db).name
        try await req.flash("De rol van \(name) is nu: \(Messages.roleLabel(role).lowercased()).")
        return .seeOther("/c/\(tenant.coalition.slug)/leden")
    }

    func remove(req: Request) async throws -> Response {
        let tenant = try req.require(\.canManageMembers)
        let membership = try await find(req, tenant)
        let projectleiders = try await projectleiderCount(req, tenant)
        guard Membership.mayLeave(currentRole: membership.role, newRole: nil, projectleiders: projectleiders) else {
            return try await MembersPage.render(req, problem: Messages.text(for: .lastProjectleider, noun: ""), status: .unprocessableEntity)
        }
        let name = try await membership.$user.get(on: req.db).name
        try await membership.delete(on: req.db)
        try await req.flash("\(name) is geen lid meer van deze coalitie.")
        if membership.$user.id == req.currentUser?.id { return .seeOther("/") }
        return .seeOther("/c/\(tenant.coalition.slug)/leden")
    }

    func revoke(req: Request) async throws -> Response {
        let tenant = try req.require(\.canManageMembers)
        guard let id = req.parameters.get("invitationID", as: UUID.self),
              let invitation = try await InvitationRecord.query(on: req.db)
                .filter(\.$id == id).filter(\.$coalitionID == tenant.coalitionID).first()
        else { throw Abort(.notFound) }
        if invitation.isOpen {
            invitation.revokedAt = Date()
            try await invitation.update(on: req.db)
        }
        try await req.flash("De uitnodiging voor \(invitation.name) is ingetrokken. De link werkt niet meer.")
        return .seeOther("/c/\(tenant.coalition.slug)/leden")
    }

    private func find(_ req: Request, _ tenant: Tenant) async throws -> MembershipRecord {
        guard let id = req.parameters.get("membershipID", as: UUID.self),
              let membership = try await MembershipRecord.query(on: req.db)
                .filter(\.$id == id).filter(\.$coalitionID == tenant.coalitionID).first()
        else { throw Abort(.notFound) }
        return membership
    }

    private func projectleiderCount(_ req: Request, _ tenant: Tenant) async throws -> Int {
        try await MembershipRecord.query(on: req.db)
            .filter(\.$coalitionID == tenant.coalitionID).filter(\.$role == .projectleider).count()
    }
}
