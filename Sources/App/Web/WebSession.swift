import Fluent
import Foundation
import Vapor

/// The session of the current request: who is logged in, the CSRF token, the flash.
/// Lives in the request's storage; created lazily, because a visitor who only
/// reads a public page needs no row in the database.
final class WebSession: @unchecked Sendable {
    var record: WebSessionRecord?
    /// Set when the response must carry a new cookie (new session or new id at login).
    fileprivate(set) var newToken: String?
    /// Set when the response must delete the cookie.
    fileprivate(set) var ended = false

    var user: UserRecord? { record?.user ?? nil }
    var csrfToken: String? { record?.csrfToken }
}

struct SessionSettings: Sendable {
    let cookieName: String
    let secure: Bool
    let idleTimeout: TimeInterval
}

extension Request {
    private struct WebSessionKey: StorageKey { typealias Value = WebSession }

    var webSession: WebSession {
        if let session = storage[WebSessionKey.self] { return session }
        let session = WebSession()
        storage[WebSessionKey.self] = session
        return session
    }

    var currentUser: UserRecord? { webSession.user }

    /// The session row, made now if the visitor has none (forms need a CSRF token).
    @discardableResult
    func ensureSession() async throws -> WebSessionRecord {
        if let record = webSession.record { return record }
        return try await startSession(userID: nil)
    }

    /// Starts a fresh session with a new id, ending the current one. Called at login
    /// so that a session id known before login is worthless after it.
    @discardableResult
    func startSession(userID: UUID?, user: UserRecord? = nil) async throws -> WebSessionRecord {
        if let old = webSession.record { try await old.delete(on: db) }
        let token = Tokens.random()
        let record = WebSessionRecord(tokenHash: Tokens.sha256(token), userID: userID, csrfToken: Tokens.random(), now: now)
        try await record.create(on: db)
        if let user { record.$user.value = .some(user) } else { record.$user.value = .some(nil) }
        webSession.record = record
        webSession.newToken = token
        webSession.ended = false
        return record
    }

    /// Logs out: the row is deleted, so the cookie is dead everywhere.
    func endSession() async throws {
        if let record = webSession.record { try await record.delete(on: db) }
        webSession.record = nil
        webSession.newToken = nil
        webSession.ended = true
    }

    /// Shows a short confirmation on the next page. Pass the transaction of the change it
    /// confirms, so that both are one commit (on SQLite: one fsync instead of two).
    func flash(_ message: String, on transaction: (any Database)? = nil) async throws {
        let record = try await ensureSession()
        record.flash = message
        try await record.update(on: transaction ?? db)
    }

    /// Reads the flash once.
    func takeFlash() async throws -> String? {
        guard let record = webSession.record, let message = record.flash else { return nil }
        record.flash = nil
        try await record.update(on: db)
        return message
    }
}

/// Loads the session from the cookie, and writes the cookie back when it changed.
struct WebSessionMiddleware: AsyncMiddleware {
    let settings: SessionSettings

    /// The session with its person, by token hash (fixed text: `Model.aliasedColumns`).
    private static let read = """
        SELECT \(WebSessionRecord.aliasedColumns), \(UserRecord.aliasedColumns) FROM "sessions" \
        LEFT JOIN "users" ON "sessions"."user_id" = "users"."id" WHERE "sessions"."token_hash" = 
        """

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let session = request.webSession
        let presented = request.cookies[settings.cookieName]?.string
        if let token = presented, Tokens.isPlausible(token) {
            // One query for the session and its person: every page asks for both.
            let row = try await request.db.sql.raw("\(unsafeRaw: Self.read)\(bind: Tokens.sha256(token)) LIMIT 1").first()
            if let row, let record = try row.record(WebSessionRecord.self) {
                record.$user.value = .some(try row.record(UserRecord.self))
                let now = request.now
                if now.timeIntervalSince(record.lastSeenAt) > settings.idleTimeout {
                    try await record.delete(on: request.db)
                } else {
                    // Touch at most once a minute: the idle timeout does not need more precision
                    // and every request writing would slow SQLite down.
                    if now.timeIntervalSince(record.lastSeenAt) > 60 {
                        record.lastSeenAt = now
                        try await record.update(on: request.db)
                    }
                    session.record = record
                }
            }
        }
        let response = try await next.respond(to: request)
        if let token = session.newToken {
            response.cookies[settings.cookieName] = cookie(token, maxAge: Int(settings.idleTimeout))
        } else if session.ended || (presented != nil && session.record == nil) {
            response.cookies[settings.cookieName] = cookie("", maxAge: 0)
        }
        return response
    }

    private func cookie(_ value: String, maxAge: Int) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, expires: maxAge == 0 ? Date(timeIntervalSince1970: 0) : nil, maxAge: maxAge,
            path: "/", isSecure: settings.secure, isHTTPOnly: true, sameSite: .lax)
    }
}

extension WebSession {
    /// The row was deleted elsewhere (password change); do not try to delete it again.
    func forget() {
        record = nil
    }
}
