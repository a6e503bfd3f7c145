import Fluent

/// The coalition's meetings (overleg: kind, day and time, place, the organisations invited
/// and present, agenda and a short report) and its cadence rules ("minstens 1 wijkoverleg
/// per kwartaal met elk wijkteam"), checked against the meetings that were held; and the
/// secret address of its calendar feed.
struct M0029_CreateOverleg: AsyncMigration {
    static let tables = ["meetings", "cadence_rules", "calendar_feeds"]

    func prepare(on database: any Database) async throws {
        try await database.transaction { db in
            try await db.schema("meetings")
                .id()
                .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
                .field("kind", .string, .required)
                // ISO day; times "15:30" or null for a whole day.
                .field("day", .string, .required)
                .field("start_time", .string)
                .field("end_time", .string)
                .field("place", .string, .required)
                .field("status", .string, .required)
                // Organisation ids, comma-separated.
                .field("invited_ids", .string, .required)
                .field("present_ids", .string, .required)
                .field("agenda", .string, .required)
                .field("report", .string, .required)
                .field("version", .int, .required)
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .create()
            try await db.index("idx_meetings_day", on: "meetings", columns: ["coalition_id", "day"])
            try await db.schema("cadence_rules")
                .id()
                .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
                .field("minimum", .int, .required)
                .field("kind", .string)
                .field("rhythm", .string, .required)
                .field("organisation_ids", .string, .required)
                .field("each_organisation", .bool, .required)
                .field("created_at", .datetime)
                .create()
            // One feed per coalition; renewing it replaces the token, and the old address stops working.
            try await db.schema("calendar_feeds")
                .id()
                .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
                .field("token", .string, .required)
                .field("created_by_name", .string, .required)
                .field("created_at", .datetime)
                .unique(on: "coalition_id")
                .unique(on: "token")
                .create()
            try await M0023_CoalitionGeneration.addTriggers(to: Self.tables, on: db)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("calendar_feeds").delete()
        try await database.schema("cadence_rules").delete()
        try await database.schema("meetings").delete()
    }
}
