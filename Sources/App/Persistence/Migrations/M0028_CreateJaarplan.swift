import Fluent

/// The jaarplan's own actions, those that belong to no bouwblad (seed 000: actie,
/// activiteit, verantwoordelijke, tijdlijn), per school year and result area; and its two
/// evaluation moments a year, with a short evaluation per result area.
struct M0028_CreateJaarplan: AsyncMigration {
    static let tables = ["plan_actions", "plan_evaluations"]

    func prepare(on database: any Database) async throws {
        try await database.transaction { db in
            try await db.schema("plan_actions")
                .id()
                .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
                .field("school_year", .string, .required)
                .field("area", .string, .required)
                .field("text", .string, .required)
                .field("activity", .string, .required)
                .field("owner", .string, .required)
                .field("deadline", .string)
                .field("status", .string, .required)
                // The indicators it serves, comma-separated ids.
                .field("indicator_ids", .string, .required)
                .field("version", .int, .required)
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .create()
            try await db.index("idx_plan_actions_year", on: "plan_actions", columns: ["coalition_id", "school_year"])
            try await db.schema("plan_evaluations")
                .id()
                .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
                .field("school_year", .string, .required)
                .field("moment", .int, .required)
                .field("held_on", .string, .required)
                // Per result area its evaluation: JSON.
                .field("texts", .string, .required)
                .field("updated_by_name", .string, .required)
                .field("version", .int, .required)
                .field("updated_at", .datetime)
                .unique(on: "coalition_id", "school_year", "moment")
                .create()
            try await M0023_CoalitionGeneration.addTriggers(to: Self.tables, on: db)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_evaluations").delete()
        try await database.schema("plan_actions").delete()
    }
}
