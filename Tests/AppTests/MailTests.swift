import Fluent
import Foundation
import Testing
import VaporTesting

@testable import App
@testable import Domain

/// The outbox and the reset links, without an SMTP server (e2e/test_mail.py sends through a
/// real one): claims and their lease, retries, expiry, and what a reset request writes.
@Suite struct MailTests {
    /// A clock the test moves forward.
    final class Moving: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_772_445_600)
        var clock: WallClock { WallClock { [unowned self] in self.now } }
    }

    static func mail(_ to: String, secret: Bool = false, expires: Date? = nil) -> Mail {
        Mail(kind: .test, to: to, subject: "Onderwerp", text: "Tekst", html: "<p>Tekst</p>", holdsSecret: secret, expiresAt: expires)
    }

    @Test func aClaimHoldsUntilItsLeaseRunsOutThenAnotherSenderTakesOver() async throws {
        try await withApp { app in
            let now = Date(timeIntervalSince1970: 1_772_445_600)
            for i in 0..<3 { try await Outbox.queue(Self.mail("a\(i)@school.nl"), on: app.db, now: now) }
            let first = try await Outbox.claim(on: app.db, now: now, lease: 60)
            #expect(first.map(\.recipient) == ["a0@school.nl", "a1@school.nl", "a2@school.nl"])
            #expect(try await Outbox.claim(on: app.db, now: now.addingTimeInterval(30), lease: 60).isEmpty, "claimed mails are not claimed twice")
            // The first sender crashed: after the lease another one takes the mails.
            let second = try await Outbox.claim(on: app.db, now: now.addingTimeInterval(61), lease: 60)
            #expect(second.count == 3)
            // The crashed sender's late answer changes nothing: its claim token is gone.
            try await Outbox.sent(first[0], on: app.db, now: now.addingTimeInterval(62))
            #expect(try await Outbox.depth(on: app.db) == 3)
            try await Outbox.sent(second[0], on: app.db, now: now.addingTimeInterval(62))
            #expect(try await Outbox.depth(on: app.db) == 2)
        }
    }

    @Test func aTemporaryFailureWaitsLongerEachTimeThenGivesUp() async throws {
        try await withApp { app in
            var now = Date(timeIntervalSince1970: 1_772_445_600)
            try await Outbox.queue(Self.mail("b@school.nl", secret: true), on: app.db, now: now)
            var waits: [TimeInterval] = []
            for _ in 0..<Outbox.maxAttempts {
                let claimed = try #require(try await Outbox.claim(on: app.db, now: now, lease: 60).first)
                try await Outbox.failed(claimed, reason: "SMTP DATA: 451 later", permanent: false, retryBase: 10, on: app.db, now: now)
                let row = try #require(try await OutboxRecord.query(on: app.db).first())
                if row.state == .failed { break }
                waits.append(row.nextAttemptAt.timeIntervalSince(now))
                #expect(try await Outbox.claim(on: app.db, now: now, lease: 60).isEmpty, "not again before its time")
                now = row.nextAttemptAt
            }
            #expect(waits == [10, 20, 40, 80, 160, 320, 640])
            let row = try #require(try await OutboxRecord.query(on: app.db).first())
            #expect(row.state == .failed && row.attempts == Outbox.maxAttempts && row.lastError == "SMTP DATA: 451 later")
            #expect(row.textBody.isEmpty && row.htmlBody.isEmpty, "a one-time link does not stay once given up")
        }
    }

    @Test func aPermanentRefusalGivesUpAtOnceAndSentWipesOnlySecrets() async throws {
        try await withApp { app in
            let now = Date(timeIntervalSince1970: 1_772_445_600)
            try await Outbox.queue(Self.mail("c@school.nl"), on: app.db, now: now)
            try await Outbox.queue(Self.mail("d@school.nl", secret: true), on: app.db, now: now)
            try await Outbox.queue(Self.mail("e@school.nl"), on: app.db, now: now)
            let claimed = try await Outbox.claim(on: app.db, now: now, lease: 60)
            try await Outbox.failed(claimed[0], reason: "SMTP RCPT TO: 550 no such user", permanent: true, retryBase: 10, on: app.db, now: now)
            try await Outbox.sent(claimed[1], on: app.db, now: now)
            try await Outbox.sent(claimed[2], on: app.db, now: now)
            let rows = Dictionary(uniqueKeysWithValues: try await OutboxRecord.query(on: app.db).all().map { ($0.recipient, $0) })
            #expect(rows["c@school.nl"]?.state == .failed && rows["c@school.nl"]?.attempts == 1)
            #expect(rows["d@school.nl"]?.state == .sent && rows["d@school.nl"]?.textBody == "")
            #expect(rows["e@school.nl"]?.state == .sent && rows["e@school.nl"]?.textBody == "Tekst", "an ordinary mail stays readable for the admin")
        }
    }

    @Test func aMailWhoseMomentPassedIsNotSentLate() async throws {
        try await withApp { app in
            let now = Date(timeIntervalSince1970: 1_772_445_600)
            try await Outbox.queue(Self.mail("f@school.nl", secret: true, expires: now.addingTimeInterval(3600)), on: app.db, now: now)
            try await Outbox.expire(on: app.db, now: now.addingTimeInterval(3599))
            #expect(try await Outbox.depth(on: app.db) == 1)
            try await Outbox.expire(on: app.db, now: now.addingTimeInterval(3601))
            let row = try #require(try await OutboxRecord.query(on: app.db).first())
            #expect(row.state == .expired && row.textBody.isEmpty)
            #expect(try await Outbox.claim(on: app.db, now: now.addingTimeInterval(3602), lease: 60).isEmpty)
        }
    }

    @Test func anInvitationIsQueuedWithItsLinkAndARefusedOneIsNot() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            let slug = try #require(try await CoalitionRecord.query(on: app.db).first()).slug
            try await pl.get("/c/\(slug)/leden/uitnodigen")
            let fields = ["name": "Ali Demir", "email": "ali@school.nl", "role": "lezer"]
            let made = try await pl.post("/c/\(slug)/leden/uitnodigen", fields)
            #expect(made.status == .created)
            try await pl.get("/c/\(slug)/leden/uitnodigen")
            #expect(try await pl.post("/c/\(slug)/leden/uitnodigen", fields).status == .unprocessableEntity)
            let mails = try await OutboxRecord.query(on: app.db).all()
            #expect(mails.count == 1, "the second invitation was refused, and so was its mail")
            let mail = try #require(mails.first)
            #expect(mail.recipient == "ali@school.nl" && mail.holdsSecret && mail.kind == "invitation")
            let link = try #require(made.body.string.firstMatch(of: /\/uitnodiging\/[A-Za-z0-9_-]{43}/)).output
            #expect(mail.textBody.contains(String(link)) && mail.htmlBody.contains(String(link)))
            #expect(mail.subject.contains("Rivierstad"))
        }
    }

    @Test func aResetRequestWritesTheSameForAnyAddressButMailsOnlyAnAccount() async throws {
        try await withApp(config: AccountTests.withMail) { app in
            _ = try await Fixture.firstUse(app)
            var anyone = Browser(app)
            try await anyone.get("/wachtwoord-vergeten")
            let known = try await anyone.post("/wachtwoord-vergeten", ["email": "PL@rivierstad.example"])
            let unknown = try await anyone.post("/wachtwoord-vergeten", ["email": "niemand@rivierstad.example"])
            #expect(known.status == .ok && unknown.status == .ok)
            let resets = try await PasswordResetRecord.query(on: app.db).all()
            #expect(resets.count == 2 && resets.filter { $0.userID != nil }.count == 1)
            let mails = try await OutboxRecord.query(on: app.db).all()
            #expect(mails.map(\.recipient) == ["pl@rivierstad.example"] && mails[0].kind == "wachtwoord")
            #expect(!mails[0].textBody.contains(resets[0].tokenHash) && !mails[0].textBody.contains(resets[1].tokenHash), "the database keeps only the hash")
            let bad = try await anyone.post("/wachtwoord-vergeten", ["email": "geen adres"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("geen adres"), "what was typed stays")
        }
    }

    @Test func aResetLinkExpiresAfterAnHour() async throws {
        let time = Moving()
        try await withApp(config: { $0.clock = time.clock; AccountTests.withMail(&$0) }) { app in
            _ = try await Fixture.firstUse(app)
            var anyone = Browser(app)
            try await anyone.get("/wachtwoord-vergeten")
            #expect(try await anyone.post("/wachtwoord-vergeten", ["email": "pl@rivierstad.example"]).status == .ok)
            let text = try #require(try await OutboxRecord.query(on: app.db).first()).textBody
            let path = String(try #require(text.firstMatch(of: /\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}/)).output)
            time.now += 3599
            #expect(try await anyone.get(path).status == .ok)
            time.now += 2
            let late = try await anyone.get(path)
            #expect(late.status == .notFound && late.body.string.contains("Deze link werkt niet meer"))
            #expect(try await anyone.post(path, ["password": "een nieuwe lange zin hier", "passwordRepeat": "een nieuwe lange zin hier"]).status == .notFound)
        }
    }

    @Test func manyRequestsFromOneClientAreRefusedWithoutSayingAnythingAboutAccounts() async throws {
        try await withApp(config: AccountTests.withMail) { app in
            _ = try await Fixture.firstUse(app)
            var anyone = Browser(app)
            try await anyone.get("/wachtwoord-vergeten")
            var statuses: [HTTPStatus] = []
            for i in 0..<(PasswordResetController.perClient + 1) {
                statuses.append(try await anyone.post("/wachtwoord-vergeten", ["email": "iemand\(i)@school.nl"]).status)
            }
            #expect(statuses.dropLast().allSatisfy { $0 == .ok } && statuses.last == .tooManyRequests, "\(statuses.map(\.code))")
        }
    }

    @Test func aMailHasATextAndAnHTMLPartAndOneClickUnsubscribe() throws {
        let text = MailText.render(.init(
            from: "noreply@school.nl", to: "ali@school.nl", subject: "Één week", text: String(repeating: "lange regel met é ", count: 20) + "\n.punt",
            html: "<p>hoi</p>", date: Date(timeIntervalSince1970: 1_772_445_600), messageID: "abc@school.nl",
            unsubscribeURL: "https://bouwstenen.example/afmelden/x"))
        #expect(text.contains("Subject: =?utf-8?B?"))
        #expect(text.contains("Date: Mon, 02 Mar 2026 10:00:00 +0000"))
        #expect(text.contains("List-Unsubscribe: <https://bouwstenen.example/afmelden/x>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click"))
        #expect(text.contains("Content-Type: multipart/alternative;") && text.contains("text/plain; charset=utf-8") && text.contains("text/html; charset=utf-8"))
        #expect(text.split(separator: "\r\n", omittingEmptySubsequences: false).allSatisfy { $0.utf8.count <= 998 })
        let body = text.components(separatedBy: "\r\n\r\n").dropFirst().joined()
        #expect(body.split(separator: "\r\n").filter { !$0.hasPrefix("--") && !$0.hasPrefix("Content-") }.allSatisfy { $0.utf8.count <= 76 })
        #expect(text.contains("=C3=A9"), "é as quoted-printable")
    }

    @Test func halfASMTPConfigurationStopsTheStartWithAClearMessage() throws {
        #expect(try AppConfig.smtp(from: [:]) == nil)
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.smtp(from: ["MAIL_FROM": "a@b.nl"]) }
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.smtp(from: ["SMTP_HOST": "smtp.school.nl"]) }
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.smtp(from: ["SMTP_HOST": "smtp.school.nl", "MAIL_FROM": "a@b.nl", "SMTP_USERNAME": "x"]) }
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.smtp(from: ["SMTP_HOST": "smtp.school.nl", "MAIL_FROM": "a@b.nl", "SMTP_SECURITY": "none"]) }
        let settings = try #require(try AppConfig.smtp(from: ["SMTP_HOST": "smtp.school.nl", "MAIL_FROM": "noreply@school.nl", "SMTP_SECURITY": "tls"]))
        #expect(settings.port == 465 && settings.security == .tls && settings.username == nil)
    }
}
