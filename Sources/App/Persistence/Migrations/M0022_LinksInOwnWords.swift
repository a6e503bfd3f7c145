import Fluent
import SQLKit

/// Links as coalitions describe them: the coalition's own word for the move (`kind`:
/// naastgelegen, trap op, verticaal, horizontaal; empty for links made before, which keep
/// the grid's word) and a target bouwsteen that may be left open.
///
/// PostgreSQL drops the NOT NULL in place. SQLite cannot change a column, so it rebuilds
/// the table: a new table, every row copied, the old one dropped, the new one renamed, in
/// one transaction. No table refers to `links`, so nothing else has to move with it.
struct M0022_LinksInOwnWords: AsyncMigration {
    static let copied = "id, coalition_id, bouwblad_id, cycle_id, target_bouwsteen_id, target_bouwblad_id, note, created_by, created_at"

    func prepare(on database: any Database) async throws {
        try await database.transaction { db in
            let sql = try db.sql
            if sql.dialect.name == "postgresql" {
                try await sql.raw("ALTER TABLE links ALTER COLUMN target_bouwsteen_id DROP NOT NULL").run()
                try await db.schema("links").field("kind", .string).update()
            } else {
                try await Self.rebuild(db, targetRequired: false, kind: true)
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.transaction { db in
            let sql = try db.sql
            // Links without a target cannot exist in the older shape.
            try await sql.raw("DELETE FROM links WHERE target_bouwsteen_id IS NULL").run()
            if sql.dialect.name == "postgresql" {
                try await db.schema("links").deleteField("kind").update()
                try await sql.raw("ALTER TABLE links ALTER COLUMN target_bouwsteen_id SET NOT NULL").run()
            } else {
                try await Self.rebuild(db, targetRequired: true, kind: false)
            }
        }
    }

    /// The SQLite way to change a column: same fields as M0014, with the target's NOT NULL
    /// and the `kind` column as asked.
    private static func rebuild(_ db: any Database, targetRequired: Bool, kind: Bool) async throws {
        let sql = try db.sql
        var table = db.schema("links_rebuilt")
            .id()
            .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
            .field("bouwblad_id", .uuid, .required, .references("bouwbladen", "id", onDelete: .cascade))
            .field("cycle_id", .uuid, .references("cycles", "id", onDelete: .setNull))
        table = targetRequired
            ? table.field("target_bouwsteen_id", .uuid, .required, .references("bouwstenen", "id"))
            : table.field("target_bouwsteen_id", .uuid, .references("bouwstenen", "id"))
        table = table
            .field("target_bouwblad_id", .uuid, .references("bouwbladen", "id", onDelete: .setNull))
            .field("note", .string, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime)
        if kind { table = table.field("kind", .string) }
        try await table.create()
        try await sql.raw("INSERT INTO links_rebuilt (\(unsafeRaw: copied)) SELECT \(unsafeRaw: copied) FROM links").run()
        try await sql.raw("DROP TABLE links").run()
        try await sql.raw("ALTER TABLE links_rebuilt RENAME TO links").run()
        try await db.index("idx_links_coalition", on: "links", columns: ["coalition_id"])
    }
}
