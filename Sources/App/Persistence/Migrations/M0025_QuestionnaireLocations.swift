import Fluent

/// A coordinator's questionnaire is for their own locations: its links are made for those
/// locations (or their activities) only, and only coordinators of all of them, and the
/// projectleider, may change it. Empty for a questionnaire of the whole coalition.
struct M0025_QuestionnaireLocations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("questionnaires").field("location_ids", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("questionnaires").deleteField("location_ids").update()
    }
}
