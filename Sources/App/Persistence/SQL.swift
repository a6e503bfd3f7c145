import Fluent
import SQLKit

extension Database {
    /// The same database as SQLKit sees it. Hot read paths use it for aggregates and plain
    /// rows: FluentKit builds every model it returns by walking the model with Mirror, which
    /// perf showed as half the time of a page that reads 600 sessions.
    var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { fatalError("Bouwstenen runs on SQL databases only") }
        return sql
    }
}
