import Fluent

/// The agreements (afspraken) made at a meeting: what, who and when, and the action each
/// became in a bouwblad or the jaarplan. Deleting the meeting deletes its agreements; an
/// action that is deleted leaves the agreement without it.
struct M0030_CreateAgreements: AsyncMigration {
    static let tables = ["meeting_agreements"]

    func prepare(on database: any Database) async throws {
        try await database.transaction { db in
            try await db.schema("meeting_agreements")
                .id()
                .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
                .field("meeting_id", .uuid, .required, .references("meetings", "id", onDelete: .cascade))
                .field("text", .string, .required)
                .field("owner", .string, .required)
                .field("organisation_id", .uuid, .references("partner_organisations", "id", onDelete: .setNull))
                // When: an ISO date or words as typed (see `Wanneer`).
                .field("deadline", .string)
                .field("actie_id", .uuid, .references("acties", "id", onDelete: .setNull))
                .field("plan_action_id", .uuid, .references("plan_actions", "id", onDelete: .setNull))
                .field("version", .int, .required)
                .field("created_at", .datetime)
                .field("updated_at", .datetime)
                .create()
            try await db.index("idx_meeting_agreements_meeting", on: "meeting_agreements", columns: ["coalition_id", "meeting_id"])
            try await M0023_CoalitionGeneration.addTriggers(to: Self.tables, on: db)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("meeting_agreements").delete()
    }
}
