import Fluent
import PostgresNIO
import Vapor

/// Turns every error into a Dutch page with the right status. A 500 shows no internals,
/// only the request id that the log line also carries.
struct ErrorPagesMiddleware: AsyncMiddleware {
    struct Page: Encodable {
        let layout: Layout
        let status: Int
        let heading: String
        let message: String
        let requestID: String?
        /// After a refused form: the page it was sent from (the Referer's path on this site).
        let formHref: String?
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return render(error, for: request)
        }
    }

    /// The path of the page the form was on, from the Referer, only when it is a page of this
    /// site (same host): a link back to it, never to anywhere else.
    static func formPage(_ request: Request) -> String? {
        guard let referer = request.headers.first(name: .referer), referer.count <= 1_000,
              let url = URLComponents(string: referer), let host = url.host,
              host == (request.headers.first(name: .host).map { $0.split(separator: ":").first.map(String.init) ?? $0 } ?? ""),
              url.path.hasPrefix("/"), !url.path.hasPrefix("//") else { return nil }
        return url.path
    }

    func render(_ error: any Error, for request: Request) -> Response {
        let (status, reason, headers) = classify(error)
        if status.code >= 500 && !(error is UserProblem) {
            request.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))", "status": "\(status.code)"])
        } else {
            request.logger.debug("request refused", metadata: ["status": "\(status.code)"])
        }
        let problem = error as? UserProblem
        let heading = problem?.title ?? ErrorPage.title(for: status)
        let page = Page(
            layout: request.layoutWithoutDatabase(heading), status: Int(status.code), heading: heading,
            message: problem?.message ?? ErrorPage.message(for: status, reason: reason),
            requestID: status.code >= 500 ? request.id : nil,
            formHref: request.method == .POST && [400, 403, 409, 413, 415, 422].contains(status.code) ? Self.formPage(request) : nil)
        let response: Response
        if let html = try? request.application.pageTemplates.render("error", page) {
            response = Response(status: status, body: .init(string: html))
            response.headers.contentType = .html
        } else {
            response = Response(status: status, body: .init(string: "\(heading)\n\(page.message)\n"))
            response.headers.contentType = .plainText
        }
        for (name, value) in headers where name.lowercased() != "content-type" && name.lowercased() != "content-length" {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private func classify(_ error: any Error) -> (HTTPStatus, String?, HTTPHeaders) {
        if let abort = error as? any AbortError {
            return (abort.status, abort.reason, abort.headers)
        }
        if error is DecodingError { return (.badRequest, nil, [:]) }
        // A unique index or foreign key refused the write: someone else changed the same
        // thing first. The transaction rolled back; the user tries again on fresh data.
        if let database = error as? any DatabaseError, database.isConstraintFailure { return (.conflict, nil, [:]) }
        if Self.isDatabaseUnavailable(error) { return (.serviceUnavailable, nil, ["Retry-After": "5"]) }
        // Still meeting other writers after the retries in writeTransaction: nothing was
        // saved, and a moment later it will work.
        if TransientWriteFailure.matches(error) { return (.serviceUnavailable, ErrorPage.busyReason, ["Retry-After": "2"]) }
        return (.internalServerError, nil, [:])
    }

    /// Connection problems with the database are a 503 (try again), not a 500 (our bug).
    static func isDatabaseUnavailable(_ error: any Error) -> Bool {
        if error is ConnectionPoolTimeoutError || error is ConnectionPoolError { return true }
        if let psql = error as? PSQLError {
            switch psql.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed: return true
            case .server:
                // Class 08: connection exception; class 57: the server is shutting down or starting up.
                let state = psql.serverInfo?[.sqlState] ?? ""
                return state.hasPrefix("08") || state.hasPrefix("57")
            default: return false
            }
        }
        let name = String(reflecting: type(of: error))
        return name.contains("NIOConnectionError") || name.contains("ChannelError") || name.contains("IOError")
    }
}
