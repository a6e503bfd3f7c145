import Domain
import Fluent
import Foundation

/// One mail on its way out (see `Outbox`).
package final class OutboxRecord: Model, @unchecked Sendable {
    package static let schema = "outbox"

    package enum State: String, Codable, Sendable { case queued, sent, failed, expired }

    @ID(key: .id) package var id: UUID?
    @Field(key: "kind") package var kind: String
    @Field(key: "recipient") package var recipient: String
    @Field(key: "subject") package var subject: String
    @Field(key: "text_body") package var textBody: String
    @Field(key: "html_body") package var htmlBody: String
    @OptionalField(key: "unsubscribe_url") package var unsubscribeURL: String?
    /// The body carries a one-time link: it is never shown in the outbox page and is
    /// wiped once the mail is sent or given up.
    @Field(key: "holds_secret") package var holdsSecret: Bool
    @Field(key: "state") package var state: State
    @Field(key: "attempts") package var attempts: Int
    @Field(key: "next_attempt_at") package var nextAttemptAt: Date
    @OptionalField(key: "claimed_until") package var claimedUntil: Date?
    @OptionalField(key: "claim_token") package var claimToken: String?
    @OptionalField(key: "last_error") package var lastError: String?
    @Field(key: "created_at") package var createdAt: Date
    @OptionalField(key: "sent_at") package var sentAt: Date?
    /// A mail that is useless after this moment (a reset link of an hour) is not sent late.
    @OptionalField(key: "expires_at") package var expiresAt: Date?

    package init() {}

    package var properties: [any AnyProperty] {
        listed([$id, $kind, $recipient, $subject, $textBody, $htmlBody, $unsubscribeURL, $holdsSecret, $state, $attempts,
                $nextAttemptAt, $claimedUntil, $claimToken, $lastError, $createdAt, $sentAt, $expiresAt])
    }
}

/// A "wachtwoord vergeten" link: only the hash of its token, valid one hour, used once.
package final class PasswordResetRecord: Model, @unchecked Sendable {
    package static let schema = "password_resets"

    @ID(key: .id) package var id: UUID?
    @OptionalField(key: "user_id") package var userID: UUID?
    @Field(key: "token_hash") package var tokenHash: String
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "expires_at") package var expiresAt: Date
    @OptionalField(key: "used_at") package var usedAt: Date?

    package init() {}

    package init(userID: UUID?, tokenHash: String, now: Date, expiresAt: Date) {
        (self.userID, self.tokenHash, self.createdAt, self.expiresAt) = (userID, tokenHash, now, expiresAt)
    }

    package var properties: [any AnyProperty] { listed([$id, $userID, $tokenHash, $createdAt, $expiresAt, $usedAt]) }
}

/// A requested change of a person's e-mail address, until it is confirmed from the new one.
package final class EmailChangeRecord: Model, @unchecked Sendable {
    package static let schema = "email_changes"

    @ID(key: .id) package var id: UUID?
    @Field(key: "user_id") package var userID: UUID
    @Field(key: "new_email") package var newEmail: String
    @Field(key: "token_hash") package var tokenHash: String
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "expires_at") package var expiresAt: Date
    @OptionalField(key: "used_at") package var usedAt: Date?

    package init() {}

    package init(userID: UUID, newEmail: String, tokenHash: String, now: Date, expiresAt: Date) {
        (self.userID, self.newEmail, self.tokenHash, self.createdAt, self.expiresAt) = (userID, newEmail, tokenHash, now, expiresAt)
    }

    package var properties: [any AnyProperty] { listed([$id, $userID, $newEmail, $tokenHash, $createdAt, $expiresAt, $usedAt]) }
}

/// A person's reminder choices (see `ReminderPreferences`) and the secret in their
/// unsubscribe links. No row: every kind weekly, and a row is made with the first mail.
package final class ReminderPreferenceRecord: Model, @unchecked Sendable {
    package static let schema = "reminder_preferences"

    @ID(key: .id) package var id: UUID?
    @Field(key: "user_id") package var userID: UUID
    @Field(key: "choices") package var choices: String
    @Field(key: "unsubscribe_token") package var unsubscribeToken: String
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package init(userID: UUID, token: String) {
        (self.userID, self.choices, self.unsubscribeToken, self.version) = (userID, "", token, 1)
    }

    package var preferences: ReminderPreferences { ReminderPreferences(stored: choices) }

    package var properties: [any AnyProperty] { listed([$id, $userID, $choices, $unsubscribeToken, $version, $createdAt, $updatedAt]) }
}
