import Fluent
import Foundation
import Prometheus
import Vapor

/// Sends the outbox through the configured SMTP server, in the background of `serve`.
/// Four times a second it looks for due mails (one indexed read); it claims a batch, sends
/// it over one connection and marks each mail as the server answered, and after a full
/// batch goes on at once. A crash after a claim leaves the claim to run
/// out (`lease`), after which this or another instance sends the mail. A crash between the
/// server's "250" and the mark is the one moment a mail can go out twice; its Message-ID
/// stays the same, so mail programs show it once.
final class MailWorker: LifecycleHandler, @unchecked Sendable {
    static let lease: TimeInterval = 120
    static let pollInterval: UInt64 = 250_000_000
    static let batch = 20
    /// Rounds between the once-a-minute chores: expiring old mail, the day's digests.
    static let choreRounds = 240

    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        guard app.appConfig.smtp != nil else { return }
        task = Task { await Self.run(app) }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
        await task?.value
    }

    private static func run(_ app: Application) async {
        var round = 0
        while !Task.isCancelled {
            var claimed = 0
            do {
                if round % choreRounds == 0 {
                    try await Outbox.expire(on: app.db, now: app.clock.now)
                    if let made = try await ReminderDigest.runIfDue(app) {
                        app.logger.info("reminder digests queued", metadata: ["mails": "\(made)"])
                    }
                }
                round += 1
                claimed = try await deliverDue(app)
            } catch {
                app.logger.warning("mail worker: \(String(reflecting: error))")
            }
            if claimed < batch { try? await Task.sleep(nanoseconds: pollInterval) }
        }
    }

    /// One round: claims what is due and sends it. Returns how many it claimed.
    @discardableResult
    static func deliverDue(_ app: Application) async throws -> Int {
        guard let smtp = app.appConfig.smtp else { return 0 }
        let db = app.db
        let now = app.appConfig.clock.now
        guard try await Outbox.hasDue(on: db, now: now) else { return 0 }
        let batch = try await db.writeTransaction { db in try await Outbox.claim(on: db, now: now, lease: lease, limit: Self.batch) }
        guard !batch.isEmpty else { return 0 }
        let retryBase = app.appConfig.mailRetryBase
        let metrics = app.mailMetrics
        let connection: SMTPConnection
        do {
            connection = try await SMTPConnection.open(smtp)
        } catch {
            for mail in batch { try await failed(mail, error, retryBase: retryBase, app: app) }
            return batch.count
        }
        for (index, mail) in batch.enumerated() {
            do {
                try await connection.send(from: smtp.from, to: [mail.recipient], message: message(mail, from: smtp.from, app: app))
                try await Outbox.sent(mail, on: db, now: app.appConfig.clock.now)
                metrics?.sent.increment()
            } catch {
                try await failed(mail, error, retryBase: retryBase, app: app)
                // A refusal of this one mail leaves the connection usable; anything else
                // (the connection broke) sends the rest back to the queue as they were.
                guard (error as? SMTPError)?.reply != nil, (try? await connection.command("RSET", "RSET")) != nil else {
                    for rest in batch[(index + 1)...] { try await failed(rest, error, retryBase: retryBase, app: app) }
                    break
                }
            }
        }
        await connection.close()
        return batch.count
    }

    private static func failed(_ mail: OutboxRecord, _ error: any Error, retryBase: TimeInterval, app: Application) async throws {
        let smtpError = error as? SMTPError
        let reason = smtpError?.description ?? String(describing: error)
        app.mailMetrics?.failures.increment()
        app.logger.warning("mail not sent", metadata: ["outbox": "\(mail.id?.uuidString ?? "")", "reason": "\(reason)"])
        try await Outbox.failed(mail, reason: reason, permanent: smtpError.map { !$0.isTemporary } ?? false,
                                retryBase: retryBase, on: app.db, now: app.appConfig.clock.now)
    }

    static func message(_ mail: OutboxRecord, from: String, app: Application) throws -> String {
        let host = app.appConfig.baseURL?.host ?? "bouwstenen.local"
        return MailText.render(.init(
            from: from, to: mail.recipient, subject: mail.subject, text: mail.textBody, html: mail.htmlBody.isEmpty ? nil : mail.htmlBody,
            date: app.appConfig.clock.now, messageID: "\(try mail.requireID().uuidString.lowercased())@\(host)",
            unsubscribeURL: mail.unsubscribeURL))
    }
}

/// What `/metrics` says about mail.
struct MailMetrics: Sendable {
    let sent: Counter
    let failures: Counter
    let depth: Gauge

    init(registry: PrometheusCollectorRegistry) {
        sent = registry.makeCounter(descriptor: .init(metricName: "mail_sent", unitName: "total", helpText: "Mails the SMTP server accepted"))
        failures = registry.makeCounter(descriptor: .init(metricName: "mail_send_failures", unitName: "total",
                                                          helpText: "Send attempts that failed (each retry counts)"))
        depth = registry.makeGauge(descriptor: .init(metricName: "mail_outbox_depth", helpText: "Mails waiting in the outbox"))
    }
}

extension Application {
    private struct MailMetricsKey: StorageKey { typealias Value = MailMetrics }

    var mailMetrics: MailMetrics? {
        get { storage[MailMetricsKey.self] }
        set { storage[MailMetricsKey.self] = newValue }
    }
}
