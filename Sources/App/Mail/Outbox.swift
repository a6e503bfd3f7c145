import Fluent
import Foundation
import SQLKit

/// A mail the app wants to send, in words a person reads (see `Mails`).
struct Mail: Sendable {
    enum Kind: String, Sendable { case invitation, passwordReset = "wachtwoord", emailChange = "emailadres", reminder = "herinnering", test }

    var kind: Kind
    var to: String
    var subject: String
    var text: String
    var html: String
    var unsubscribeURL: String?
    /// The mail carries a one-time link (an invitation, a reset).
    var holdsSecret = false
    /// Not worth sending after this moment.
    var expiresAt: Date?
}

/// The table between a change and the SMTP server. `queue` runs inside the transaction of
/// the change, so the mail exists exactly when the change does. `MailWorker` claims due
/// mails with a lease (a claim token and a time): a crashed sender's claim runs out and
/// another takes over; on PostgreSQL `FOR UPDATE SKIP LOCKED` keeps two instances from
/// claiming the same row at the same moment, on SQLite the single writer does.
enum Outbox {
    static let maxAttempts = 8

    static func queue(_ mail: Mail, on db: any Database, now: Date) async throws {
        let record = OutboxRecord()
        record.kind = mail.kind.rawValue
        record.recipient = mail.to
        record.subject = mail.subject
        record.textBody = mail.text
        record.htmlBody = mail.html
        record.unsubscribeURL = mail.unsubscribeURL
        record.holdsSecret = mail.holdsSecret
        record.state = .queued
        record.attempts = 0
        record.nextAttemptAt = now
        record.createdAt = now
        record.expiresAt = mail.expiresAt
        try await record.create(on: db)
    }

    /// True when a mail waits whose time has come: a cheap read, so an idle worker does
    /// not take the write lock every second.
    static func hasDue(on db: any Database, now: Date) async throws -> Bool {
        try await OutboxRecord.query(on: db).filter(\.$state == .queued).filter(\.$nextAttemptAt <= now).first() != nil
    }

    /// Claims up to `limit` due mails for `lease` seconds; the claimed rows, oldest first.
    static func claim(on db: any Database, now: Date, lease: TimeInterval, limit: Int = 20) async throws -> [OutboxRecord] {
        let sql = try db.sql
        let token = UUID().uuidString
        let locking = sql.dialect.name == "postgresql" ? "FOR UPDATE SKIP LOCKED" : ""
        try await sql.raw("""
            UPDATE outbox SET claim_token = \(bind: token), claimed_until = \(bind: now.addingTimeInterval(lease))
            WHERE id IN (SELECT id FROM outbox WHERE state = 'queued' AND next_attempt_at <= \(bind: now)
                AND (claimed_until IS NULL OR claimed_until < \(bind: now))
                ORDER BY next_attempt_at LIMIT \(unsafeRaw: String(limit)) \(unsafeRaw: locking))
            """).run()
        return try await OutboxRecord.query(on: db).filter(\.$claimToken == token).filter(\.$state == .queued).sort(\.$createdAt).all()
    }

    /// The server took the mail. Only the holder of the claim may say so.
    static func sent(_ mail: OutboxRecord, on db: any Database, now: Date) async throws {
        try await finish(mail, on: db, set: [("state", OutboxRecord.State.sent.rawValue)], sentAt: now)
    }

    /// The server refused or could not be reached: again later with a growing wait
    /// (`retryBase` × 2ⁿ, at most four hours), or given up after `maxAttempts` or on a
    /// permanent refusal.
    static func failed(_ mail: OutboxRecord, reason: String, permanent: Bool, retryBase: TimeInterval,
                       on db: any Database, now: Date) async throws {
        let attempts = mail.attempts + 1
        let reason = String(reason.prefix(500))
        if permanent || attempts >= maxAttempts {
            try await finish(mail, on: db, set: [("state", OutboxRecord.State.failed.rawValue), ("last_error", reason)], attempts: attempts)
            return
        }
        let wait = min(retryBase * pow(2, Double(attempts - 1)), 4 * 3600)
        try await (try db.sql).update(OutboxRecord.schema)
            .set("attempts", to: attempts).set("last_error", to: reason)
            .set("next_attempt_at", to: now.addingTimeInterval(wait))
            .set("claimed_until", to: SQLLiteral.null).set("claim_token", to: SQLLiteral.null)
            .where("id", .equal, try mail.requireID()).where("claim_token", .equal, mail.claimToken ?? "").run()
    }

    /// Mails whose moment has passed (a reset link of an hour) are not sent late.
    static func expire(on db: any Database, now: Date) async throws {
        try await (try db.sql).update(OutboxRecord.schema)
            .set("state", to: OutboxRecord.State.expired.rawValue).set("text_body", to: "").set("html_body", to: "")
            .where("state", .equal, OutboxRecord.State.queued.rawValue).where("expires_at", .lessThan, now).run()
    }

    /// Mails waiting to go out (the outbox depth of `/metrics`).
    static func depth(on db: any Database) async throws -> Int {
        try await OutboxRecord.query(on: db).filter(\.$state == .queued).count()
    }

    private static func finish(_ mail: OutboxRecord, on db: any Database, set values: [(String, String)],
                               sentAt: Date? = nil, attempts: Int? = nil) async throws {
        var update = try db.sql.update(OutboxRecord.schema)
        for (column, value) in values { update = update.set(SQLIdentifier(column), to: value) }
        if let sentAt { update = update.set("sent_at", to: sentAt) }
        update = update.set("attempts", to: attempts ?? mail.attempts + 1)
            .set("claimed_until", to: SQLLiteral.null).set("claim_token", to: SQLLiteral.null)
        // A one-time link does not stay in the database once it is out (or given up).
        if mail.holdsSecret { update = update.set("text_body", to: "").set("html_body", to: "") }
        try await update.where("id", .equal, try mail.requireID()).where("claim_token", .equal, mail.claimToken ?? "").run()
    }
}
