import Fluent

/// Questionnaires, their public links, the responses, and Forms exports waiting to be imported. A response holds no personal
/// data (see `QuestionnaireResponseRecord`); one browser answers once (unique device per
/// questionnaire).
struct M0024_CreateVragenlijsten: AsyncMigration {
    static let tables = ["questionnaires", "questionnaire_links", "questionnaire_responses", "questionnaire_imports"]

    func prepare(on database: any Database) async throws {
        try await database.transaction { db in
            try await db.schema("questionnaires")
                .id()
                .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
                .field("title", .string, .required)
                .field("intro", .string, .required)
                .field("audience", .string, .required)
                .field("scope", .string, .required)
                .field("status", .string, .required)
                .field("opens_on", .string)
                .field("closes_on", .string)
                .field("questions", .string, .required)
                .field("hidden_answers", .string, .required)
                .field("in_report", .bool, .required, .sql(.default(false)))
                .field("version", .int, .required)
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .create()
            try await db.index("idx_questionnaires_coalition", on: "questionnaires", columns: ["coalition_id"])
            try await db.schema("questionnaire_links")
                .id()
                .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
                .field("questionnaire_id", .uuid, .required, .references("questionnaires", "id", onDelete: .cascade))
                .field("code", .string, .required)
                .field("location_id", .uuid, .references("locations", "id", onDelete: .cascade))
                .field("activity_id", .uuid, .references("activities", "id", onDelete: .cascade))
                .unique(on: "code")
                .create()
            try await db.index("idx_questionnaire_links_questionnaire", on: "questionnaire_links", columns: ["coalition_id", "questionnaire_id"])
            try await db.schema("questionnaire_responses")
                .id()
                .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
                .field("questionnaire_id", .uuid, .required, .references("questionnaires", "id", onDelete: .cascade))
                .field("location_id", .uuid, .references("locations", "id", onDelete: .setNull))
                .field("activity_id", .uuid, .references("activities", "id", onDelete: .setNull))
                .field("year_group", .int)
                .field("device", .string)
                .field("answers", .string, .required)
                .field("submitted_on", .string)
                .field("source", .string, .required)
                .unique(on: "questionnaire_id", "device")
                .create()
            try await db.index("idx_questionnaire_responses_questionnaire", on: "questionnaire_responses", columns: ["coalition_id", "questionnaire_id"])
            try await db.schema("questionnaire_imports")
                .id()
                .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
                .field("questionnaire_id", .uuid, .required, .references("questionnaires", "id", onDelete: .cascade))
                .field("file_name", .string, .required)
                .field("source", .string, .required)
                .field("columns", .string, .required)
                .field("days", .string, .required)
                .field("dropped", .string, .required)
                .field("created_at", .datetime)
                .create()
            try await M0023_CoalitionGeneration.addTriggers(to: Self.tables, on: db)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.transaction { db in
            for table in Self.tables.reversed() { try await db.schema(table).delete() }
        }
    }
}
