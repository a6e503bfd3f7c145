import Domain
import Fluent
import Vapor

/// While nobody has an account, every page leads to the first-use page.
struct FirstUseMiddleware: AsyncMiddleware {
    /// Once an account exists it stays, so the answer is cached after the first yes.
    final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var _hasAccounts = false
        var hasAccounts: Bool {
            get { lock.withLock { _hasAccounts } }
            set { lock.withLock { _hasAccounts = newValue } }
        }
    }

    let state: State
    /// Addresses that work before the first account exists; the static files too.
    static let exempt = [Paths.firstUse, Paths.health, Paths.live, Paths.privacy, Paths.metrics].map(\.path) + ["/css/", "/js/", "/favicon"]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if !state.hasAccounts {
            if try await UserRecord.query(on: request.db).count() > 0 {
                state.hasAccounts = true
            } else if !Self.exempt.contains(where: { request.url.path.hasPrefix($0) }) {
                return .seeOther(Paths.firstUse.path)
            }
        }
        return try await next.respond(to: request)
    }
}
