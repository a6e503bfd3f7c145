import Fluent

struct M0003_CreateLocations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("locations")
            .id()
            .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("school", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.index("idx_locations_coalition", on: "locations", columns: ["coalition_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("locations").delete()
    }
}
