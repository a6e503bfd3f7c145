import Fluent

/// Reminder mail: each person's choices per kind with the secret of their one-click
/// unsubscribe links, and one row per day the digests were made, so two instances never
/// make them twice.
struct M0037_CreateReminders: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.transaction { db in
            try await db.schema("reminder_preferences")
                .id()
                .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
                .field("choices", .string, .required)
                .field("unsubscribe_token", .string, .required)
                .field("version", .int, .required)
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .unique(on: "user_id")
                .unique(on: "unsubscribe_token")
                .create()
            try await db.schema("reminder_runs")
                .field("day", .string, .identifier(auto: false))
                .field("created_at", .datetime, .required)
                .field("mails", .int, .required)
                .create()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("reminder_runs").delete()
        try await database.schema("reminder_preferences").delete()
    }
}
