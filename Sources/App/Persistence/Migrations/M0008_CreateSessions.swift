import Fluent

struct M0008_CreateSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .references("users", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("flash", .string)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.index("idx_sessions_user", on: "sessions", columns: ["user_id"])
        try await database.index("idx_sessions_last_seen", on: "sessions", columns: ["last_seen_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sessions").delete()
    }
}
