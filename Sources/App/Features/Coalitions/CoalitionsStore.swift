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

    /// The coalition of the slug and the person's membership there, with the person's other
    /// coalitions for the switcher (one query for both); nil for an outsider.
    func tenant(slug: String, userID: UUID) async throws -> Tenant? {
        let all = try await memberships(of: userID)
        guard let mine = all.first(where: { $0.coalition.slug == slug }) else { return nil }
        return try Tenant(coalition: mine.coalition, membership: mine.membership,
                          otherCoalitions: all.map(\.coalition).filter { $0.id != mine.coalition.id })
    }

    /// Every coalition of the person with their membership there, by name, in one query.
    /// Every request in a coalition reads this, so its text is fixed (`Model.aliasedColumns`).
    func memberships(of userID: UUID) async throws -> [(coalition: CoalitionRecord, membership: MembershipRecord)] {
        try await db.sql.raw("\(unsafeRaw: Self.membershipsOfUser)\(bind: userID) ORDER BY \"coalitions\".\"name\" ASC").all().compactMap { row in
            guard let coalition = try row.record(CoalitionRecord.self), let membership = try row.record(MembershipRecord.self) else { return nil }
            return (coalition, membership)
        }
    }

    private static let membershipsOfUser = """
        SELECT \(CoalitionRecord.aliasedColumns), \(MembershipRecord.aliasedColumns) FROM "coalitions" \
        INNER JOIN "memberships" ON "memberships"."coalition_id" = "coalitions"."id" WHERE "memberships"."user_id" = 
        """

    package func membership(of userID: UUID, in coalitionID: UUID) async throws -> MembershipRecord? {
        try await MembershipRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$user.$id == userID).first()
    }

    /// The person's coalitions by name, each with their role there.
    func coalitions(of userID: UUID) async throws -> [(coalition: CoalitionRecord, role: Role)] {
        try await memberships(of: userID).map { ($0.coalition, $0.membership.role) }
    }
}
