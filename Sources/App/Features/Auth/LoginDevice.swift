import Fluent
import Vapor

/// The device cookie (OWASP's answer to account lockout): a random token that a browser
/// gets after logging in; with it, that browser's failed logins are counted apart.
enum LoginDevice {
    static let lifetime: TimeInterval = 180 * 24 * 3600

    static func cookieName(_ req: Request) -> String {
        req.application.appConfig.isHTTPS ? "__Host-bouwstenen-apparaat" : "bouwstenen-apparaat"
    }

    /// The hash of the request's device token, if it belongs to this user and is not too old.
    static func known(_ req: Request, userID: UUID?) async throws -> String? {
        guard let userID, let token = req.cookies[cookieName(req)]?.string, Tokens.isPlausible(token) else { return nil }
        let hash = Tokens.sha256(token)
        let found = try await LoginDeviceRecord.query(on: req.db).filter(\.$tokenHash == hash).filter(\.$userID == userID)
            .filter(\.$createdAt > req.now.addingTimeInterval(-lifetime)).first()
        return found == nil ? nil : hash
    }

    /// After a successful login on a browser without a valid token for this user.
    static func remember(_ req: Request, userID: UUID, response: Response) async throws {
        let token = Tokens.random()
        try await LoginDeviceRecord(userID: userID, tokenHash: Tokens.sha256(token), createdAt: req.now).create(on: req.db)
        response.cookies[cookieName(req)] = HTTPCookies.Value(
            string: token, maxAge: Int(lifetime), path: "/", isSecure: req.application.appConfig.isHTTPS,
            isHTTPOnly: true, sameSite: .lax)
    }
}
