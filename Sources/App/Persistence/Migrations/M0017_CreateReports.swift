import Fluent

/// The report's settings per coalition, the projectleider's choices of what goes in,
/// and the frozen versions (immutable: no code path updates or deletes a version).
struct M0017_CreateReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("report_settings")
            .id()
            .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("period_from", .string, .required)
            .field("period_to", .string, .required)
            .field("introduction", .string, .required)
            .field("version", .int, .required)
            .field("updated_by", .uuid)
            .field("updated_at", .datetime)
            .unique(on: "coalition_id")
            .create()
        try await database.schema("report_choices")
            .id()
            .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
            .field("bouwblad_id", .uuid, .references("bouwbladen", "id", onDelete: .cascade))
            .field("cycle_id", .uuid, .references("cycles", "id", onDelete: .cascade))
            .field("included", .bool, .required)
            .create()
        try await database.index("idx_report_choices_coalition", on: "report_choices", columns: ["coalition_id"])
        try await database.schema("report_versions")
            .id()
            .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("title", .string, .required)
            .field("is_concept", .bool, .required)
            .field("docx", .data, .required)
            .field("docx_sha256", .string, .required)
            .field("pdf", .data)
            .field("pdf_sha256", .string)
            .field("created_by", .uuid, .required)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "coalition_id", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("report_versions").delete()
        try await database.schema("report_choices").delete()
        try await database.schema("report_settings").delete()
    }
}
