import Fluent
import SQLKit

/// Every coalition gets a `generation`: a number that goes up, in the same transaction, with
/// every change to a row the coalition owns, made by the app, a command or a script. Pages
/// read it with the tenant and keep what they read of the coalition until it moves
/// (`ReadCache`). A trigger does the counting, so no code path can forget it and another
/// app instance on the same PostgreSQL sees it too.
///
/// SQLite has row triggers only (an update by primary key, cheap). PostgreSQL gets statement
/// triggers with transition tables: a batch of 200 inserted rows raises the number once.
/// People's names live outside coalitions; renaming someone raises the number of each of
/// their coalitions.
struct M0023_CoalitionGeneration: AsyncMigration {
    /// Every table with a `coalition_id`. A new such table adds its triggers in its own
    /// migration (`triggers(on:postgres:)`); a test fails for a table without them.
    static let tables = [
        "acties", "activities", "activity_sessions", "activity_settings", "activity_staff", "bouwblad_contributors",
        "bouwbladen", "cycles", "doelen", "invitations", "links", "locations", "membership_locations", "memberships",
        "partner_organisations", "partner_staff", "report_choices", "report_settings", "report_versions", "revisions",
    ]

    func prepare(on database: any Database) async throws {
        try await database.transaction { db in
            try await db.schema("coalitions").field("generation", .int, .required, .sql(.default(0))).update()
            let sql = try db.sql
            let postgres = sql.dialect.name == "postgresql"
            if postgres {
                for statement in Self.postgresFunctions { try await sql.raw(SQLQueryString(statement)).run() }
            }
            for table in Self.tables {
                for statement in Self.triggers(on: table, postgres: postgres) { try await sql.raw(SQLQueryString(statement)).run() }
            }
            try await sql.raw(SQLQueryString(postgres
                ? "CREATE TRIGGER users_generation AFTER UPDATE OF name, email ON users FOR EACH ROW EXECUTE FUNCTION coalitions_of_user_changed()"
                : "CREATE TRIGGER users_generation AFTER UPDATE OF name, email ON users BEGIN \(Self.bump("IN (SELECT coalition_id FROM memberships WHERE user_id = NEW.id)")); END"
            )).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.transaction { db in
            let sql = try db.sql
            let postgres = sql.dialect.name == "postgresql"
            for table in Self.tables {
                for event in ["insert", "update", "delete"] {
                    try await sql.raw(SQLQueryString("DROP TRIGGER IF EXISTS \(table)_generation_\(event)\(postgres ? " ON \(table)" : "")")).run()
                }
            }
            try await sql.raw(SQLQueryString("DROP TRIGGER IF EXISTS users_generation\(postgres ? " ON users" : "")")).run()
            if postgres {
                for function in ["coalitions_changed", "coalitions_updated", "coalitions_of_user_changed"] {
                    try await sql.raw(SQLQueryString("DROP FUNCTION IF EXISTS \(function)()")).run()
                }
            }
            try await db.schema("coalitions").deleteField("generation").update()
        }
    }

    static func bump(_ coalitions: String) -> String {
        "UPDATE coalitions SET generation = generation + 1 WHERE id \(coalitions)"
    }

    /// Gives new tables of a coalition their triggers, in the migration that makes them.
    static func addTriggers(to tables: [String], on db: any Database) async throws {
        let sql = try db.sql
        let postgres = sql.dialect.name == "postgresql"
        for table in tables {
            for statement in triggers(on: table, postgres: postgres) { try await sql.raw(SQLQueryString(statement)).run() }
        }
    }

    /// The three triggers of one table. The names are fixed text, never input.
    static func triggers(on table: String, postgres: Bool) -> [String] {
        if postgres {
            return [
                "CREATE TRIGGER \(table)_generation_insert AFTER INSERT ON \(table) REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION coalitions_changed()",
                "CREATE TRIGGER \(table)_generation_update AFTER UPDATE ON \(table) REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION coalitions_updated()",
                "CREATE TRIGGER \(table)_generation_delete AFTER DELETE ON \(table) REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION coalitions_changed()",
            ]
        }
        return [
            "CREATE TRIGGER \(table)_generation_insert AFTER INSERT ON \(table) BEGIN \(bump("= NEW.coalition_id")); END",
            "CREATE TRIGGER \(table)_generation_update AFTER UPDATE ON \(table) BEGIN \(bump("IN (OLD.coalition_id, NEW.coalition_id)")); END",
            "CREATE TRIGGER \(table)_generation_delete AFTER DELETE ON \(table) BEGIN \(bump("= OLD.coalition_id")); END",
        ]
    }

    static let postgresFunctions = [
        """
        CREATE OR REPLACE FUNCTION coalitions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN \(bump("IN (SELECT coalition_id FROM changed)")); RETURN NULL; END $$
        """,
        """
        CREATE OR REPLACE FUNCTION coalitions_updated() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN \(bump("IN (SELECT coalition_id FROM before UNION SELECT coalition_id FROM changed)")); RETURN NULL; END $$
        """,
        """
        CREATE OR REPLACE FUNCTION coalitions_of_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN \(bump("IN (SELECT coalition_id FROM memberships WHERE user_id = NEW.id)")); RETURN NULL; END $$
        """,
    ]
}
