import Fluent

/// The contact persons of the coalition's organisations, and where each worked when: a
/// person who moves to another organisation keeps their history. A contact person is not an
/// account; a member's account can be linked.
struct M0032_CreateContacts: AsyncMigration {
    static let tables = ["contacts", "contact_roles"]

    func prepare(on database: any Database) async throws {
        try await database.transaction { db in
            try await db.schema("contacts")
                .id()
                .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
                .field("name", .string, .required)
                .field("email", .string, .required)
                .field("phone", .string, .required)
                .field("membership_id", .uuid, .references("memberships", "id", onDelete: .setNull))
                .field("version", .int, .required)
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .create()
            try await db.index("idx_contacts_coalition", on: "contacts", columns: ["coalition_id"])
            try await db.schema("contact_roles")
                .id()
                .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
                .field("contact_id", .uuid, .required, .references("contacts", "id", onDelete: .cascade))
                .field("organisation_id", .uuid, .required, .references("partner_organisations", "id", onDelete: .cascade))
                .field("function", .string, .required)
                // The wijk this person is the fixed contact for; empty for none.
                .field("wijk", .string, .required)
                // ISO days; until is the day the next role began (null: still so).
                .field("from_day", .string, .required)
                .field("until_day", .string)
                .field("created_at", .datetime)
                .create()
            try await db.index("idx_contact_roles_contact", on: "contact_roles", columns: ["coalition_id", "contact_id"])
            try await M0023_CoalitionGeneration.addTriggers(to: Self.tables, on: db)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("contact_roles").delete()
        try await database.schema("contacts").delete()
    }
}
