import Fluent
import Foundation

/// A browser session, stored in the database so that several app instances share it.
/// The cookie holds a random token; the table holds only its SHA-256.
package final class WebSessionRecord: Model, @unchecked Sendable {
    package static let schema = "sessions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "token_hash") package var tokenHash: String
    @OptionalParent(key: "user_id") package var user: UserRecord?
    @Field(key: "csrf_token") package var csrfToken: String
    /// A one-time message for the next page (Post/Redirect/Get).
    @OptionalField(key: "flash") package var flash: String?
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "last_seen_at") package var lastSeenAt: Date

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $tokenHash, $user, $csrfToken, $flash, $createdAt, $lastSeenAt]) }

    package init(tokenHash: String, userID: UUID?, csrfToken: String, now: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.csrfToken = csrfToken
        self.createdAt = now
        self.lastSeenAt = now
    }
}

/// A failed login, kept for 15 minutes to slow down password guessing.
package final class LoginFailureRecord: Model, @unchecked Sendable {
    package static let schema = "login_failures"

    @ID(key: .id) package var id: UUID?
    /// "email:…" or "ip:…".
    @Field(key: "key") package var key: String
    @Field(key: "failed_at") package var failedAt: Date

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $key, $failedAt]) }

    package init(key: String, failedAt: Date) {
        self.key = key
        self.failedAt = failedAt
    }
}

/// A browser that logged in as this person before; the cookie holds the token, the row its hash.
package final class LoginDeviceRecord: Model, @unchecked Sendable {
    package static let schema = "login_devices"

    @ID(key: .id) package var id: UUID?
    @Field(key: "user_id") package var userID: UUID
    @Field(key: "token_hash") package var tokenHash: String
    @Field(key: "created_at") package var createdAt: Date

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $userID, $tokenHash, $createdAt]) }

    package init(userID: UUID, tokenHash: String, createdAt: Date) {
        self.userID = userID
        self.tokenHash = tokenHash
        self.createdAt = createdAt
    }
}
