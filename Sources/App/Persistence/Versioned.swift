import Fluent
import Foundation
import SQLKit

/// Optimistic locking: a save names the version it was based on, and only succeeds
/// if nobody saved in between. One UPDATE … WHERE version = ? RETURNING, so two
/// simultaneous saves can never both win, on SQLite and PostgreSQL alike.
enum Versioned {
    /// Versions start at 0 or 1 and grow by one per save; a billion saves of one record
    /// will not happen. The bound keeps `version + 1` far from Int.max, whatever a request sends.
    static let maxVersion = 1_000_000_000

    /// The version a form was based on, or nil when it is missing, not a whole number or
    /// out of range (the caller answers 400).
    static func parse(_ raw: String?) -> Int? {
        guard let raw, raw.utf8.count <= 10, let value = Int(raw), (0...maxVersion).contains(value) else { return nil }
        return value
    }

    /// A row of a coalition; stores call this through `TenantStore.update`, so the
    /// coalition is always named.
    static func update(
        _ table: String, id: UUID, coalitionID: UUID, expectedVersion: Int,
        set values: [(String, any Encodable & Sendable)], on db: any Database, now: Date
    ) async throws -> Bool {
        try await run(table, id: id, coalitionID: coalitionID, expectedVersion: expectedVersion, set: values, on: db, now: now)
    }

    /// A person's own account, which belongs to no coalition (the account page changes only
    /// the logged-in person's row).
    static func updateAccount(
        _ userID: UUID, expectedVersion: Int, set values: [(String, any Encodable & Sendable)], on db: any Database, now: Date
    ) async throws -> Bool {
        try await run(UserRecord.schema, id: userID, coalitionID: nil, expectedVersion: expectedVersion, set: values, on: db, now: now)
    }

    /// A row of a person rather than of a coalition (their reminder choices).
    static func updatePersonal(
        _ table: String, id: UUID, expectedVersion: Int, set values: [(String, any Encodable & Sendable)], on db: any Database, now: Date
    ) async throws -> Bool {
        try await run(table, id: id, coalitionID: nil, expectedVersion: expectedVersion, set: values, on: db, now: now)
    }

    /// One part of a row that has its own version, such as a step of a cycle: the check and
    /// the increment are on `versionColumn`, so parts of one row do not conflict with each
    /// other; the row's own version goes up too (closing a cycle sees that a step changed).
    static func update(
        part versionColumn: String, of table: String, id: UUID, coalitionID: UUID, expectedVersion: Int,
        set values: [(String, any Encodable & Sendable)], on db: any Database, now: Date
    ) async throws -> Bool {
        guard (0...maxVersion).contains(expectedVersion) else { return false }
        var query = try db.sql.update(table)
            .set(versionColumn, to: expectedVersion + 1)
            .set(SQLColumn("version"), to: SQLBinaryExpression(left: SQLColumn("version"), op: SQLBinaryOperator.add, right: SQLLiteral.numeric("1")))
            .set("updated_at", to: now)
        for (column, value) in values { query = query.set(column, to: value) }
        query = query.where("id", SQLBinaryOperator.equal, id).where(versionColumn, SQLBinaryOperator.equal, expectedVersion)
            .where("coalition_id", SQLBinaryOperator.equal, coalitionID)
        return try await !query.returning("id").all().isEmpty
    }

    private static func run(
        _ table: String, id: UUID, coalitionID: UUID?, expectedVersion: Int,
        set values: [(String, any Encodable & Sendable)], on db: any Database, now: Date
    ) async throws -> Bool {
        // A version no save can have reached is a conflict, never an overflow.
        guard (0...maxVersion).contains(expectedVersion) else { return false }
        var query = try db.sql.update(table)
            .set("version", to: expectedVersion + 1)
            .set("updated_at", to: now)
        for (column, value) in values { query = query.set(column, to: value) }
        query = query.where("id", SQLBinaryOperator.equal, id).where("version", SQLBinaryOperator.equal, expectedVersion)
        if let coalitionID { query = query.where("coalition_id", SQLBinaryOperator.equal, coalitionID) }
        return try await !query.returning("id").all().isEmpty
    }
}
