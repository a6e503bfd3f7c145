import Vapor

/// Pages for logged-in people: others go to the login page and come back afterwards.
struct RequireLoginMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.currentUser else { return try Self.redirectToLogin(request) }
        if request.route?.access == .beheerder && !user.isAdmin { throw Abort(.forbidden) }
        return try await next.respond(to: request)
    }

    /// A page goes to the login page; a form sent after the session ended gets a Dutch 401 page.
    static func redirectToLogin(_ request: Request) throws -> Response {
        guard request.method == .GET else { throw Abort(.unauthorized) }
        return .seeOther(Paths.login(returningTo: request.url.path))
    }
}
