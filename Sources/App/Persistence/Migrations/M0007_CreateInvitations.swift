import Fluent

struct M0007_CreateInvitations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("invitations")
            .id()
            .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("role", .string, .required)
            .field("partner_id", .uuid, .references("partner_organisations", "id", onDelete: .setNull))
            .field("location_ids", .string, .required)
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("invited_by", .uuid, .required)
            .field("accepted_at", .datetime)
            .field("revoked_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.index("idx_invitations_coalition", on: "invitations", columns: ["coalition_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("invitations").delete()
    }
}
