import Fluent
import Foundation
import SQLKit

/// Optimistic locking: a save names the version it was based on, and only succeeds
/// if nobody saved in between. One UPDATE … WHERE version = ? RETURNING, so two
/// simultaneous saves can never both win, on SQLite and PostgreSQL alike.
enum Versioned {
    static func update(
        _ table: String, id: UUID, coalitionID: UUID? = nil, expectedVersion: Int,
        set values: [(String, any Encodable & Sendable)], on db: any Database
    ) async throws -> Bool {
        var query = db.sql.update(table)
            .set("version", to: expectedVersion + 1)
            .set("updated_at", to: Date())
        for (column, value) in values { query = query.set(column, to: value) }
        query = query.where("id", SQLBinaryOperator.equal, id).where("version", SQLBinaryOperator.equal, expectedVersion)
        if let coalitionID { query = query.where("coalition_id", SQLBinaryOperator.equal, coalitionID) }
        return try await !query.returning("id").all().isEmpty
    }
}
