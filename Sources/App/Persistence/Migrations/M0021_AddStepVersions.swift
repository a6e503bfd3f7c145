import Fluent

/// Each step of a cycle gets its own version, the one concurrency token of that step: a
/// save names the version of the step it started from (before, a hash of its text did),
/// and saves of two different steps no longer meet. Existing steps start at 1.
struct M0021_AddStepVersions: AsyncMigration {
    static let columns = ["startvraag_version", "doelen_version", "bereikt_version", "bijgesteld_version"]

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite alters one thing at a time.
        for column in Self.columns {
            try await database.schema("cycles").field(.string(column), .int, .required, .sql(.default(1))).update()
        }
    }

    func revert(on database: any Database) async throws {
        for column in Self.columns.reversed() {
            try await database.schema("cycles").deleteField(.string(column)).update()
        }
    }
}
