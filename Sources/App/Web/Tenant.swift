import Domain
import Fluent
import Vapor

/// The coalition a request works in, and the current person's membership of it.
struct Tenant: Sendable {
    let coalition: CoalitionRecord
    let membership: MembershipRecord
    /// The coalition's id, read once: every store is made with it.
    let coalitionID: UUID
    /// The person's other coalitions by name, for the switcher; read with this one.
    let otherCoalitions: [CoalitionRecord]

    init(coalition: CoalitionRecord, membership: MembershipRecord, otherCoalitions: [CoalitionRecord] = []) throws {
        self.coalition = coalition
        self.membership = membership
        self.otherCoalitions = otherCoalitions
        coalitionID = try coalition.requireID()
    }

    var role: Role { membership.role }
}

extension Request {
    private struct TenantKey: StorageKey { typealias Value = Tenant }

    var tenantIfAny: Tenant? {
        get { storage[TenantKey.self] }
        set { storage[TenantKey.self] = newValue }
    }

    /// The tenant of a `/c/{slug}/…` route; TenantMiddleware guarantees it is there.
    var tenant: Tenant {
        get throws {
            guard let tenant = tenantIfAny else { throw Abort(.notFound) }
            return tenant
        }
    }

    func requireUser() throws -> UserRecord {
        guard let user = currentUser else { throw Abort(.unauthorized) }
        return user
    }

    /// Refuses with 403 unless the person's role in this coalition allows it.
    func require(_ allowed: (Role) -> Bool) throws -> Tenant {
        let tenant = try self.tenant
        guard allowed(tenant.role) else { throw Abort(.forbidden) }
        return tenant
    }
}

/// Resolves `/c/{slug}/…`: the coalition must exist and the person must be a member.
/// Anything else is a 404, so outsiders cannot even learn that a coalition exists.
struct TenantMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.currentUser, let userID = user.id else {
            return try RequireLoginMiddleware.redirectToLogin(request)
        }
        guard let slug = request.parameters.get("slug"), Slug.isWellFormed(slug),
              let tenant = try await CoalitionsStore(on: request.db).tenant(slug: slug, userID: userID)
        else { throw Abort(.notFound) }
        guard request.route?.access?.allows(tenant.role) ?? false else { throw Abort(.forbidden) }
        request.tenantIfAny = tenant
        return try await next.respond(to: request)
    }
}
