import Fluent

/// Soft delete for bouwbladen and cycles (the prullenbak). One column per statement:
/// SQLite alters one thing at a time.
struct M0016_AddTrash: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for table in ["bouwbladen", "cycles"] {
            try await database.schema(table).field("deleted_at", .datetime).update()
            try await database.schema(table).field("deleted_by", .uuid).update()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["bouwbladen", "cycles"] {
            try await database.schema(table).deleteField("deleted_by").update()
            try await database.schema(table).deleteField("deleted_at").update()
        }
    }
}
