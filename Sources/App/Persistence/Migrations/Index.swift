import Fluent
import SQLKit

extension Database {
    /// Fluent's schema builder has no indexes; SQLKit's works on SQLite and PostgreSQL alike.
    /// Dropping the table drops its indexes, so reverts need nothing extra.
    func index(_ name: String, on table: String, columns: [String]) async throws {
        guard let sql = self as? any SQLDatabase else { return }
        var builder = sql.create(index: name).on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }
}
