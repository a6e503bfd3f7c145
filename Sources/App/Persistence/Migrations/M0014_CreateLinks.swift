import Fluent

struct M0014_CreateLinks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("links")
            .id()
            .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
            .field("bouwblad_id", .uuid, .required, .references("bouwbladen", "id", onDelete: .cascade))
            .field("cycle_id", .uuid, .references("cycles", "id", onDelete: .setNull))
            .field("target_bouwsteen_id", .uuid, .required, .references("bouwstenen", "id"))
            .field("target_bouwblad_id", .uuid, .references("bouwbladen", "id", onDelete: .setNull))
            .field("note", .string, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime)
            .create()
        try await database.index("idx_links_coalition", on: "links", columns: ["coalition_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("links").delete()
    }
}
