import Fluent

struct M0015_CreateContributors: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("bouwblad_contributors")
            .id()
            .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
            .field("bouwblad_id", .uuid, .required, .references("bouwbladen", "id", onDelete: .cascade))
            .field("membership_id", .uuid, .required, .references("memberships", "id", onDelete: .cascade))
            .unique(on: "bouwblad_id", "membership_id")
            .create()
        try await database.index("idx_contributors_member", on: "bouwblad_contributors", columns: ["coalition_id", "membership_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("bouwblad_contributors").delete()
    }
}
