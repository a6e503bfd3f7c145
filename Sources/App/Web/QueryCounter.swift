import Logging
import NIOConcurrencyHelpers
import Vapor

/// Counts the SQL statements a request runs and sends the number back in `X-Query-Count`,
/// for the performance harness (`QUERY_COUNT=1`; off by default). Both database drivers
/// announce each statement on the request's logger ("Executing query", at debug level),
/// so a log handler that counts those lines sees every query, Fluent or SQLKit, without
/// wrapping the database (which would hide the SQLDatabase it really is).
struct QueryCounterMiddleware: AsyncMiddleware {
    static let header = "X-Query-Count"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let count = NIOLockedValueBox(0)
        var logger = request.logger
        logger.handler = CountingLogHandler(inner: logger.handler, count: count)
        request.logger = logger
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: Self.header, value: String(count.withLockedValue { $0 }))
        return response
    }
}

private struct CountingLogHandler: LogHandler {
    var inner: any LogHandler
    let count: NIOLockedValueBox<Int>

    /// Low enough to receive the query lines; other lines pass on only at the inner level.
    var logLevel: Logger.Level {
        get { min(.debug, inner.logLevel) }
        set { inner.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
             file: String, function: String, line: UInt) {
        if level == .debug, message.description == "Executing query" { count.withLockedValue { $0 += 1 } }
        if level >= inner.logLevel {
            inner.log(level: level, message: message, metadata: metadata, source: source, file: file, function: function, line: line)
        }
    }
}
