import Fluent

/// The organisations of the coalition get the wijk or kern where they work, for the network
/// picture and for the rule that every wijk has a fixed contact.
struct M0031_OrganisationWijk: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("partner_organisations").field("wijk", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("partner_organisations").deleteField("wijk").update()
    }
}
