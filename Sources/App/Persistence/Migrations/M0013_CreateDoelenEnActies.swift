import Fluent

struct M0013_CreateDoelenEnActies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("doelen")
            .id()
            .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
            .field("bouwblad_id", .uuid, .required, .references("bouwbladen", "id", onDelete: .cascade))
            .field("cycle_id", .uuid, .required, .references("cycles", "id", onDelete: .cascade))
            .field("text", .string, .required)
            .field("measure", .string, .required)
            .field("target", .string, .required)
            .field("unit", .string)
            .field("deadline", .string)
            .field("owner", .string, .required)
            .field("achieved", .string, .required)
            .field("verdict", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.index("idx_doelen_bouwblad", on: "doelen", columns: ["coalition_id", "bouwblad_id"])
        try await database.schema("acties")
            .id()
            .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
            .field("bouwblad_id", .uuid, .required, .references("bouwbladen", "id", onDelete: .cascade))
            .field("cycle_id", .uuid, .required, .references("cycles", "id", onDelete: .cascade))
            .field("text", .string, .required)
            .field("owner_member_id", .uuid, .references("memberships", "id", onDelete: .setNull))
            .field("owner_name", .string, .required)
            .field("deadline", .string)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.index("idx_acties_bouwblad", on: "acties", columns: ["coalition_id", "bouwblad_id"])
        try await database.index("idx_acties_status", on: "acties", columns: ["coalition_id", "status"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("acties").delete()
        try await database.schema("doelen").delete()
    }
}
