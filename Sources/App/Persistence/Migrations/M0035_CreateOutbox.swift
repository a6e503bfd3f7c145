import Fluent

/// Mail is written here in the same transaction as the change that causes it and sent
/// later by `MailWorker`, so a crash between the two loses nothing. Password reset links
/// are stored as the hash of their token, like invitations and sessions.
struct M0035_CreateOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.transaction { db in
            try await db.schema("outbox")
                .id()
                .field("kind", .string, .required)
                .field("recipient", .string, .required)
                .field("subject", .string, .required)
                .field("text_body", .string, .required)
                .field("html_body", .string, .required)
                .field("unsubscribe_url", .string)
                .field("holds_secret", .bool, .required)
                .field("state", .string, .required)
                .field("attempts", .int, .required)
                .field("next_attempt_at", .datetime, .required)
                .field("claimed_until", .datetime)
                .field("claim_token", .string)
                .field("last_error", .string)
                .field("created_at", .datetime, .required)
                .field("sent_at", .datetime)
                .field("expires_at", .datetime)
                .create()
            try await db.index("outbox_due", on: "outbox", columns: ["state", "next_attempt_at"])
            try await db.schema("password_resets")
                .id()
                // Nil for a request about an address without an account: the same write
                // happens, so the answer takes the same time (see PasswordResetController).
                .field("user_id", .uuid, .references("users", "id", onDelete: .cascade))
                .field("token_hash", .string, .required)
                .field("created_at", .datetime, .required)
                .field("expires_at", .datetime, .required)
                .field("used_at", .datetime)
                .unique(on: "token_hash")
                .create()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("password_resets").delete()
        try await database.schema("outbox").delete()
    }
}
