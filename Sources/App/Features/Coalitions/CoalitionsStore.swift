import Domain
import Fluent
import Vapor

/// The only code that finds coalitions across tenants: by slug and person for the tenant
/// middleware, a person's coalitions for the start page and the menu, and new ones. Every
/// other query runs in a feature's store, made with the tenant this one finds.
package struct CoalitionsStore {
    package let db: any Database

    package init(on db: any Database) { self.db = db }

    /// Creates a coalition with a unique slug ("rivierstad", "rivierstad-2", …).
    package func create(_ input: CoalitionInput) async throws -> CoalitionRecord {
        let base = Slug.make(from: input.name)
        var slug = base
        var n = 1
        while try await CoalitionRecord.query(on: db).filter(\.$slug == slug).count() > 0 {
            n += 1
            slug = "\(base)-\(n)"
        }
        let coalition = CoalitionRecord(slug: slug, name: input.name, period: input.period)
        try await coalition.create(on: db)
        return coalition
    }

    /// A new coalition with its first projectleider. Run it inside a transaction.
    func create(_ input: CoalitionInput, projectleider userID: UUID) async throws -> CoalitionRecord {
        let coalition = try await create(input)
        try await MembershipRecord(coalitionID: coalition.requireID(), userID: userID, role: .projectleider).create(on: db)
        return coalition
    }

    func coalition(_ id: UUID) async throws -> CoalitionRecord? {
        try await CoalitionRecord.find(id, on: db)
    }

    /// The coalition of the slug and the person's membership there; nil for an outsider.
    func tenant(slug: String, userID: UUID) async throws -> Tenant? {
        guard let coalition = try await CoalitionRecord.query(on: db).filter(\.$slug == slug).first(),
              let membership = try await membership(of: userID, in: coalition.requireID())
        else { return nil }
        return try Tenant(coalition: coalition, membership: membership)
    }

    package func membership(of userID: UUID, in coalitionID: UUID) async throws -> MembershipRecord? {
        try await MembershipRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$user.$id == userID).first()
    }

    /// The person's coalitions by name, each with their role there, leaving out `except`.
    func coalitions(of userID: UUID, except: UUID? = nil) async throws -> [(coalition: CoalitionRecord, role: Role)] {
        let memberships = try await MembershipRecord.query(on: db).filter(\.$user.$id == userID).all()
        let roles = Dictionary(memberships.map { ($0.coalitionID, $0.role) }, uniquingKeysWith: { a, _ in a })
        let ids = memberships.map(\.coalitionID).filter { $0 != except }
        guard !ids.isEmpty else { return [] }
        return try await CoalitionRecord.query(on: db).filter(\.$id ~~ ids).sort(\.$name).all()
            .compactMap { c in c.id.flatMap { roles[$0] }.map { (c, $0) } }
    }
}
