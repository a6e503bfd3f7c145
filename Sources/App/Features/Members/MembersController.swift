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
              let version = Versioned.parse(values["version"])
        else { throw Abort(.badRequest) }
        let id = try membership.requireID()
        let outcome = try await whileLocked(req, tenant, changing: membership, to: role) { db in
            try await Versioned.update(
                MembershipRecord.schema, id: id, coalitionID: tenant.coalitionID,
                expectedVersion: version, set: [("role", role.rawValue)], on: db, now: req.now)
        }
        switch outcome {
        case .lastProjectleider:
            return try await MembersPage.render(req, problem: Messages.text(for: .lastProjectleider, noun: ""), status: .unprocessableEntity)
        case .conflict: throw Abort(.conflict)
        case .done: break
        }
        let name = try await membership.$user.get(on: req.db).name
        try await req.flash("De rol van \(name) is nu: \(Messages.roleLabel(role).lowercased()).")
        return .seeOther("/c/\(tenant.coalition.slug)/leden")
    }

    func remove(req: Request) async throws -> Response {
        let tenant = try req.require(\.canManageMembers)
        let membership = try await find(req, tenant)
        let id = try membership.requireID()
        let outcome = try await whileLocked(req, tenant, changing: membership, to: nil) { db in
            try await MembershipRecord.query(on: db).filter(\.$coalitionID == tenant.coalitionID).filter(\.$id == id).delete()
            return true
        }
        if outcome == .lastProjectleider {
            return try await MembersPage.render(req, problem: Messages.text(for: .lastProjectleider, noun: ""), status: .unprocessableEntity)
        }
        let name = try await membership.$user.get(on: req.db).name
        try await req.flash("\(name) is geen lid meer van deze coalitie.")
        if membership.$user.id == req.currentUser?.id { return .seeOther("/") }
        return .seeOther("/c/\(tenant.coalition.slug)/leden")
    }

    enum Outcome { case done, conflict, lastProjectleider }

    /// A coalition always keeps a projectleider, also when two of them demote each other at
    /// the same moment: the check and the change run in one transaction that holds the
    /// coalition's lock, and the role is read again inside it.
    private func whileLocked(
        _ req: Request, _ tenant: Tenant, changing membership: MembershipRecord, to role: Role?,
        _ change: @escaping @Sendable (any Database) async throws -> Bool
    ) async throws -> Outcome {
        let id = try membership.requireID()
        let coalitionID = tenant.coalitionID
        return try await req.db.writeTransaction { db in
            try await db.lockCoalition(coalitionID)
            guard let current = try await MembershipRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$id == id).first() else {
                throw Abort(.notFound)
            }
            let projectleiders = try await MembershipRecord.query(on: db)
                .filter(\.$coalitionID == coalitionID).filter(\.$role == .projectleider).count()
            guard Membership.mayLeave(currentRole: current.role, newRole: role, projectleiders: projectleiders) else { return .lastProjectleider }
            return try await change(db) ? .done : .conflict
        }
    }

    func revoke(req: Request) async throws -> Response {
        let tenant = try req.require(\.canManageMembers)
        guard let id = req.parameters.get("invitationID", as: UUID.self),
              let invitation = try await InvitationRecord.query(on: req.db)
                .filter(\.$id == id).filter(\.$coalitionID == tenant.coalitionID).first()
        else { throw Abort(.notFound) }
        if invitation.isOpen {
            invitation.revokedAt = req.now
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

}
