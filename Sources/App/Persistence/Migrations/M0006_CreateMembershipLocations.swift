import Fluent

struct M0006_CreateMembershipLocations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("membership_locations")
            .id()
            .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
            .field("membership_id", .uuid, .required, .references("memberships", "id", onDelete: .cascade))
            .field("location_id", .uuid, .required, .references("locations", "id", onDelete: .cascade))
            .unique(on: "membership_id", "location_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("membership_locations").delete()
    }
}
