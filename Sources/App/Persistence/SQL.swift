import Fluent
import SQLKit

extension Database {
    /// The same database as SQLKit sees it. Hot read paths use it for aggregates and plain
    /// rows: FluentKit builds every model it returns by walking the model with Mirror, which
    /// perf showed as half the time of a page that reads 600 sessions.
    /// Throws (a 500 through the error pages, never a crash) if a database that is not SQL
    /// were ever configured; `AppConfig` allows only SQLite and PostgreSQL.
    var sql: any SQLDatabase {
        get throws {
            guard let sql = self as? any SQLDatabase else { throw NotSQL() }
            return sql
        }
    }
}

struct NotSQL: Error, CustomStringConvertible {
    var description: String { "Bouwstenen runs on SQL databases only" }
}

/// Fixed SQL text for the reads every request makes (the session, the tenant): SQLKit
/// builds the same text anew from an expression tree on every query, and on a page whose
/// other reads come from the `ReadCache` that serializing was an eighth of the CPU.
/// The columns have the names Fluent's own joins give them, and the records are filled the
/// way Fluent fills them.
extension Model {
    /// `"table"."column" AS "table_column"` for every field, in the record's listed order.
    static var aliasedColumns: String {
        Self().properties.compactMap { $0 as? any AnyQueryableProperty }.map { property in
            let column = property.path.map(\.description).joined(separator: "_")
            return "\"\(schema)\".\"\(column)\" AS \"\(schema)_\(column)\""
        }.joined(separator: ", ")
    }
}

extension SQLRow {
    /// The record whose `aliasedColumns` this row holds; nil when a left join found none.
    func record<M: Model>(_ type: M.Type) throws -> M? {
        guard try !decodeNil(column: "\(M.schema)_id") else { return nil }
        let model = M()
        try model.output(from: PrefixedRow(row: self, prefix: "\(M.schema)_"))
        return model
    }
}

private struct PrefixedRow: DatabaseOutput {
    let row: any SQLRow
    let prefix: String

    var description: String { String(describing: row) }
    func schema(_ schema: String) -> any DatabaseOutput { PrefixedRow(row: row, prefix: "\(schema)_") }
    func contains(_ key: FieldKey) -> Bool { row.contains(column: prefix + key.description) }
    func decodeNil(_ key: FieldKey) throws -> Bool { try row.decodeNil(column: prefix + key.description) }
    func decode<T: Decodable>(_ key: FieldKey, as type: T.Type) throws -> T { try row.decode(column: prefix + key.description, as: T.self) }
}
