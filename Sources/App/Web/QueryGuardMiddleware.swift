import Vapor

/// Refuses addresses whose query holds a NUL character. No filter or link ever needs one,
/// and PostgreSQL refuses it inside text (SQLite does not), so without this guard a
/// crafted link could turn a harmless search into a server error on PostgreSQL only.
struct QueryGuardMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let query = request.url.query, query.range(of: "%00", options: .caseInsensitive) != nil || query.contains("\0") {
            throw UserProblem(status: .badRequest, title: "Dit adres klopt niet",
                              message: "Het adres bevat een teken dat niet mag. Ga terug en probeer het opnieuw.")
        }
        return try await next.respond(to: request)
    }
}
