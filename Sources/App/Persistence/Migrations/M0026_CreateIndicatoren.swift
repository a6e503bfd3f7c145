import Fluent

/// Indicators with their norm and source, the values typed by hand per period (one per
/// place: the coalition, or a location), and every change to such a value, kept.
struct M0026_CreateIndicatoren: AsyncMigration {
    static let tables = ["indicators", "indicator_values", "indicator_value_log"]

    func prepare(on database: any Database) async throws {
        try await database.transaction { db in
            try await db.schema("indicators")
                .id()
                .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
                .field("name", .string, .required)
                .field("area", .string, .required)
                .field("source", .string, .required)
                // No foreign key: a removed questionnaire leaves the indicator, which then says so.
                .field("questionnaire_id", .uuid)
                .field("question_id", .string)
                .field("measure", .string)
                .field("unit", .string, .required)
                .field("direction", .string, .required)
                .field("norm", .double, .required)
                .field("signal", .double)
                .field("rhythm", .string, .required)
                .field("per_location", .bool, .required, .sql(.default(false)))
                .field("version", .int, .required)
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .create()
            try await db.index("idx_indicators_coalition", on: "indicators", columns: ["coalition_id"])
            try await db.schema("indicator_values")
                .id()
                .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
                .field("indicator_id", .uuid, .required, .references("indicators", "id", onDelete: .cascade))
                .field("period", .string, .required)
                // "" for the whole coalition, else a location's id.
                .field("place", .string, .required)
                .field("value", .double, .required)
                .field("entered_by_name", .string, .required)
                .field("entered_at", .datetime, .required)
                .field("version", .int, .required)
                .unique(on: "indicator_id", "period", "place")
                .create()
            try await db.index("idx_indicator_values_coalition", on: "indicator_values", columns: ["coalition_id"])
            try await db.schema("indicator_value_log")
                .id()
                .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
                .field("indicator_id", .uuid, .required, .references("indicators", "id", onDelete: .cascade))
                .field("period", .string, .required)
                .field("place", .string, .required)
                // nil: the value was removed.
                .field("value", .double)
                .field("by_name", .string, .required)
                .field("at", .datetime, .required)
                .create()
            try await db.index("idx_indicator_value_log_indicator", on: "indicator_value_log", columns: ["coalition_id", "indicator_id"])
            try await M0023_CoalitionGeneration.addTriggers(to: Self.tables, on: db)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.transaction { db in
            for table in Self.tables.reversed() { try await db.schema(table).delete() }
        }
    }
}
