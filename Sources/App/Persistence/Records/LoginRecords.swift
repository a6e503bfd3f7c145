import Fluent
import Foundation

/// A browser session, stored in the database so that several app instances share it.
/// The cookie holds a random token; the table holds only its SHA-256.
final class WebSessionRecord: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @OptionalParent(key: "user_id") var user: UserRecord?
    @Field(key: "csrf_token") var csrfToken: String
    /// A one-time message for the next page (Post/Redirect/Get).
    @OptionalField(key: "flash") var flash: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date

    init() {}

    var properties: [any AnyProperty] { listed([$id, $tokenHash, $user, $csrfToken, $flash, $createdAt, $lastSeenAt]) }

    init(tokenHash: String, userID: UUID?, csrfToken: String, now: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.csrfToken = csrfToken
        self.createdAt = now
        self.lastSeenAt = now
    }
}

/// A failed login, kept for 15 minutes to slow down password guessing.
final class LoginFailureRecord: Model, @unchecked Sendable {
    static let schema = "login_failures"

    @ID(key: .id) var id: UUID?
    /// "email:…" or "ip:…".
    @Field(key: "key") var key: String
    @Field(key: "failed_at") var failedAt: Date

    init() {}

    var properties: [any AnyProperty] { listed([$id, $key, $failedAt]) }

    init(key: String, failedAt: Date) {
        self.key = key
        self.failedAt = failedAt
    }
}

/// A browser that logged in as this person before; the cookie holds the token, the row its hash.
final class LoginDeviceRecord: Model, @unchecked Sendable {
    static let schema = "login_devices"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var properties: [any AnyProperty] { listed([$id, $userID, $tokenHash, $createdAt]) }

    init(userID: UUID, tokenHash: String, createdAt: Date) {
        self.userID = userID
        self.tokenHash = tokenHash
        self.createdAt = createdAt
    }
}
