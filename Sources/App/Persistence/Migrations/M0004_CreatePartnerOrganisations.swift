import Fluent

struct M0004_CreatePartnerOrganisations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("partner_organisations")
            .id()
            .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.index("idx_partners_coalition", on: "partner_organisations", columns: ["coalition_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("partner_organisations").delete()
    }
}
