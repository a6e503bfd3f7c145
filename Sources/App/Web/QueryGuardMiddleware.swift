import Vapor

/// Refuses addresses whose query holds a NUL character. No filter or link ever needs one,
/// and PostgreSQL refuses it inside text (SQLite does not), so without this guard a
/// crafted link could turn a harmless search into a server error on PostgreSQL only.
struct QueryGuardMiddleware: AsyncMiddleware {
    static let maxQueryBytes = 4_096

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let query = request.url.query {
            if query.range(of: "%00", options: .caseInsensitive) != nil || query.contains("\0") {
                throw UserProblem(status: .badRequest, title: "Dit adres klopt niet",
                                  message: "Het adres bevat een teken dat niet mag. Ga terug en probeer het opnieuw.")
            }
            // Filters and return addresses are short; the same parser as for forms reads the
            // query, with the same cost per repeated key.
            if query.utf8.count > Self.maxQueryBytes || BodyShape.checkURLEncoded(Array(query.utf8)) != nil {
                throw UserProblem(status: .badRequest, title: "Dit adres is te lang",
                                  message: "Het adres heeft te veel of te lange onderdelen. Ga terug en probeer het opnieuw.")
            }
        }
        return try await next.respond(to: request)
    }
}
