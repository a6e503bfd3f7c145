import Fluent

struct M0005_CreateMemberships: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("memberships")
            .id()
            .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("partner_id", .uuid, .references("partner_organisations", "id", onDelete: .setNull))
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "coalition_id", "user_id")
            .create()
        try await database.index("idx_memberships_user", on: "memberships", columns: ["user_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("memberships").delete()
    }
}
