import Fluent

struct M0002_CreateCoalitions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("coalitions")
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("period_start", .int, .required)
            .field("period_end", .int, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("coalitions").delete()
    }
}
