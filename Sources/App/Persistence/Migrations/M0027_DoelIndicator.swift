import Fluent

/// A goal may be measured by an indicator: its achieved value then comes from the
/// indicator until its cycle is closed, when the value is kept in `achieved` with the day
/// (`frozen_on`). No foreign key: a removed indicator leaves the goal with its own value.
struct M0027_DoelIndicator: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite alters one thing at a time.
        try await database.schema("doelen").field("indicator_id", .uuid).update()
        try await database.schema("doelen").field("frozen_on", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("doelen").deleteField("frozen_on").update()
        try await database.schema("doelen").deleteField("indicator_id").update()
    }
}
