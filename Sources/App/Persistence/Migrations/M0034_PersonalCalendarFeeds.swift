import Fluent

/// Each member's own calendar feed: the meetings they may see (a partner: those of their
/// organisation) at a secret address of their own. Leaving the coalition ends it.
struct M0034_PersonalCalendarFeeds: AsyncMigration {
    static let tables = ["personal_calendar_feeds"]

    func prepare(on database: any Database) async throws {
        try await database.transaction { db in
            try await db.schema("personal_calendar_feeds")
                .id()
                .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
                .field("membership_id", .uuid, .required, .references("memberships", "id", onDelete: .cascade))
                .field("token", .string, .required)
                .field("created_at", .datetime)
                .unique(on: "membership_id")
                .unique(on: "token")
                .create()
            try await M0023_CoalitionGeneration.addTriggers(to: Self.tables, on: db)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("personal_calendar_feeds").delete()
    }
}
