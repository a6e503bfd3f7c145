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
