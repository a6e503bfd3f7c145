import Fluent

struct M0010_CreateFormat: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("formats")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .unique(on: "code")
            .create()
        try await database.schema("bouwstenen")
            .id()
            .field("format_id", .uuid, .required, .references("formats", "id", onDelete: .cascade))
            .field("level", .string, .required)
            .field("aspect", .string, .required)
            .field("description", .string, .required)
            .unique(on: "format_id", "level", "aspect")
            .create()
        try await database.schema("format_questions")
            .id()
            .field("bouwsteen_id", .uuid, .required, .references("bouwstenen", "id", onDelete: .cascade))
            .field("text", .string, .required)
            .field("mandatory", .bool, .required)
            .field("position", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("format_questions").delete()
        try await database.schema("bouwstenen").delete()
        try await database.schema("formats").delete()
    }
}
