import Fluent
import FluentSQLiteDriver
import PostgresNIO
import SQLKit
import Vapor

extension Database {
    /// A transaction that changes data. SQLite refuses a transaction that read before it
    /// writes when another connection committed in between (`SQLITE_BUSY_SNAPSHOT`, or
    /// `SQLITE_BUSY` without waiting); PostgreSQL can pick a deadlock victim. Both mean
    /// "nothing happened, try again", so the whole transaction is run again a few times
    /// before the request gets a 503. The body must start from what it reads inside, not
    /// from records it changed in an earlier attempt.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await transaction(body)
            } catch where TransientWriteFailure.matches(error) && attempt < 6 {
                attempt += 1
                // 2, 4, 8 … ms with jitter, so the competing writers do not collide again.
                let base = UInt64(1 << attempt) * 1_000_000
                try await Task.sleep(nanoseconds: base + UInt64.random(in: 0...base))
            }
        }
    }

    /// A write transaction that may find it must not go on (a versioned row changed in
    /// between): when `body` answers false, everything it wrote is rolled back, and so is
    /// the answer.
    func writeTransactionIf(_ body: @escaping @Sendable (any Database) async throws -> Bool) async throws -> Bool {
        do {
            try await writeTransaction { db in if try await !body(db) { throw RefusedWrite() } }
            return true
        } catch is RefusedWrite {
            return false
        }
    }

    /// The first statement of a transaction that guards a rule of the coalition (the last
    /// projectleider, one frozen version per change): a write to the coalition's row. It
    /// makes the transactions of one coalition take turns on PostgreSQL (a row lock) and on
    /// SQLite (the write lock, taken before anything is read), so what the transaction then
    /// reads cannot change before it commits.
    func lockCoalition(_ coalitionID: UUID) async throws {
        try await sql.update("coalitions").set(SQLIdentifier("version"), to: SQLIdentifier("version"))
            .where("id", .equal, coalitionID).run()
    }

    /// For a rule over a whole table that has no row to lock yet (the first account of the
    /// installation): other writers of the table wait until this transaction ends.
    func lockTable(_ table: String) async throws {
        if try sql.dialect.name == "postgresql" {
            try await sql.raw("LOCK TABLE \(ident: table) IN SHARE ROW EXCLUSIVE MODE").run()
        } else {
            // SQLite has one write lock for the whole file; a write that changes nothing takes it.
            try await sql.raw("UPDATE \(ident: table) SET id = id WHERE 1 = 0").run()
        }
    }

}

/// A write that met another one and was undone whole: safe to run again.
enum TransientWriteFailure {
    static func matches(_ error: any Error) -> Bool {
        if let sqlite = error as? SQLiteError {
            switch sqlite.reason {
            case .busy, .busyInSnapshot, .busyTimeout, .busyInRecovery, .locked, .lockedBySharedCache: return true
            default: return false
            }
        }
        if let psql = error as? PSQLError, psql.code == .server {
            // 40001 serialization failure, 40P01 deadlock detected.
            let state = psql.serverInfo?[.sqlState] ?? ""
            return state == "40001" || state == "40P01"
        }
        return false
    }
}

/// Rolls back a `writeTransactionIf` whose body answered false.
private struct RefusedWrite: Error {}
