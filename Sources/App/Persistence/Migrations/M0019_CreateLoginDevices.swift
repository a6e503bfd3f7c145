import Fluent

/// Browsers someone logged in with before: their failed logins are counted apart, so
/// strangers guessing at an account cannot lock its owner out (see LoginThrottle).
struct M0019_CreateLoginDevices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("login_devices")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("login_devices").delete()
    }
}
