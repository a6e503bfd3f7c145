import Fluent

/// A new e-mail address waits here until its owner confirms it from that address. Only the
/// hash of the link's token is stored.
struct M0036_CreateEmailChanges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("email_changes")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("new_email", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("email_changes").delete()
    }
}
