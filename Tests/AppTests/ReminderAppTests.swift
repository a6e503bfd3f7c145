import Fluent
import Foundation
import Testing
import VaporTesting

@testable import App
@testable import Domain
@testable import Fixtures

/// "Wat moet ik nu doen?" above the raster and the digest mail, on the demo coalition on a Monday.
@Suite struct ReminderAppTests {
    static let monday = Date(timeIntervalSince1970: 1_772_445_600)  // 2026-03-02 10:00 UTC

    static func demo(_ app: Application) async throws {
        let loading = Date()
        _ = try await DemoCommand.load(on: app.db, clock: app.clock, hash: { try app.password.hash($0) })
        try await pinTimestamps(app.db, since: loading, to: monday)
    }

    static func login(_ app: Application, _ email: String) async throws -> Browser {
        var browser = Browser(app)
        try await browser.get("/inloggen")
        #expect(try await browser.post("/inloggen", ["email": email, "password": DemoCommand.password]).status == .seeOther)
        return browser
    }

    @Test func theDigestSaysWhatTheStartPageSaysOncePerDay() async throws {
        try await withApp(config: { $0.clock = .fixed(Self.monday) }) { app in
            try await Self.demo(app)
            #expect(try await ReminderDigest.runIfDue(app) != nil, "10:00 in winter is 11:00 in the Netherlands: after 07:00")
            #expect(try await ReminderDigest.runIfDue(app) == nil, "a day is made once")
            let mails = try await OutboxRecord.query(on: app.db).filter(\.$kind == "herinnering").all()
            let digest = try #require(mails.first { $0.recipient == "projectleider@rivierstad.example" })
            #expect(digest.unsubscribeURL?.contains("/afmelden/") == true && !digest.holdsSecret)
            var pl = try await Self.login(app, "projectleider@rivierstad.example")
            let raster = try await pl.get("/c/coalitie-rivierstad/").body.string
            let panel = try #require(raster.firstMatch(of: /<section class="next-steps"[\s\S]*?<\/section>/)).output
            let links = panel.matches(of: /href="(\/c\/[^"]+)"/).map { String($0.1).replacingOccurrences(of: "&amp;", with: "&") }
            let texts = panel.matches(of: /class="todo-list__text">([^<]+)/).map { Self.unescaped(String($0.1)) }
            #expect(links.count >= 4 && !texts.isEmpty, "the demo's projectleider has something to do")
            for href in links { #expect(digest.textBody.contains(href), "\(href) is in the mail too") }
            for text in texts { #expect(digest.textBody.contains(text), "\(text) is in the mail too") }
            let groups = panel.matches(of: /<h3>([^<]+)<\/h3>/).map { Self.unescaped(String($0.1)) }
            for title in groups { #expect(digest.textBody.contains(title) && digest.htmlBody.contains(XMLTextProbe.escape(title))) }
            // Only those who write the jaarplan's evaluation are asked to; a partner is not.
            #expect(raster.contains("Evaluatie van het jaarplan"))
            var partner = try await Self.login(app, "partner@rivierstad.example")
            #expect(try await !partner.get("/c/coalitie-rivierstad/").body.string.contains("Evaluatie van het jaarplan"))
            // Only a person who gets a mail gets a row (with the secret of their unsubscribe link).
            let rows = try await ReminderPreferenceRecord.query(on: app.db).all().map(\.userID)
            let recipients = try await UserRecord.query(on: app.db).filter(\.$email ~~ mails.map(\.recipient)).all().compactMap(\.id)
            #expect(Set(rows) == Set(recipients))
            // Nothing about pupils or incidents beyond a count.
            let incidentTexts = try await ActivitySessionRecord.query(on: app.db).filter(\.$incident == true).all().map(\.incidentText).filter { !$0.isEmpty }
            for text in incidentTexts { #expect(!digest.textBody.contains(text) && !digest.htmlBody.contains(text)) }
        }
    }

    static func unescaped(_ html: String) -> String {
        html.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    enum XMLTextProbe {
        static func escape(_ text: String) -> String { text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&apos;") }
    }

    @Test func unsubscribingNeedsNoLoginAndOpeningTheLinkChangesNothing() async throws {
        try await withApp(config: { $0.clock = .fixed(Self.monday) }) { app in
            try await Self.demo(app)
            try await ReminderDigest.runIfDue(app)
            let digest = try #require(try await OutboxRecord.query(on: app.db).filter(\.$recipient == "projectleider@rivierstad.example").first())
            let url = try #require(digest.unsubscribeURL)
            let path = String(url[try #require(url.range(of: "/afmelden/")).lowerBound...])
            var mailProgram = Browser(app)
            #expect(try await mailProgram.get(path).status == .ok)
            let user = try #require(try await UserRecord.query(on: app.db).filter(\.$email == "projectleider@rivierstad.example").first())
            #expect(try await RemindersController.preferences(of: user.requireID(), on: app.db).choices == "", "a GET changes nothing")
            // RFC 8058: a POST with this body, no cookie, no CSRF token.
            var oneClick = Browser(app)
            let done = try await oneClick.post(path, ["List-Unsubscribe": "One-Click"], csrf: .some(nil))
            #expect(done.status == .ok && done.body.string.contains("Je bent afgemeld"))
            let preferences = try await RemindersController.preferences(of: user.requireID(), on: app.db).preferences
            let sent = (url.split(separator: "=").last ?? "").split(separator: ",").compactMap { ReminderKind(rawValue: String($0)) }
            #expect(!sent.isEmpty && sent.allSatisfy { preferences[$0] == .none })
            #expect(ReminderKind.allCases.filter { !sent.contains($0) }.allSatisfy { preferences[$0] == .weekly }, "other kinds stay")
            #expect(try await oneClick.post("/afmelden/" + String(repeating: "x", count: 43), [:], csrf: .some(nil)).status == .notFound)
        }
    }

    @Test func choicesAreSavedWithTheirVersionAndNothingElseIsAccepted() async throws {
        try await withApp(config: { $0.clock = .fixed(Self.monday) }) { app in
            try await Self.demo(app)
            var pl = try await Self.login(app, "projectleider@rivierstad.example")
            let page = try await pl.get("/account/herinneringen")
            #expect(try await ReminderPreferenceRecord.query(on: app.db).count() == 0, "looking makes nothing")
            #expect(page.status == .ok && page.body.string.contains("id=\"acties-wekelijks\" name=\"acties\" value=\"wekelijks\" checked"), "weekly is the standard")
            var fields = Dictionary(uniqueKeysWithValues: ReminderKind.allCases.map { ($0.rawValue, "nooit") })
            fields["acties"] = "dagelijks"
            fields["version"] = "0"
            #expect(try await pl.post("/account/herinneringen", fields).status == .seeOther)
            #expect(try await pl.post("/account/herinneringen", fields).status == .conflict, "an old tab does not overwrite")
            fields["version"] = "1"
            #expect(try await pl.post("/account/herinneringen", fields).status == .seeOther)
            #expect(try await pl.post("/account/herinneringen", fields).status == .conflict, "nor does one that saved once")
            fields["version"] = "2"
            fields["acties"] = "elk uur"
            #expect(try await pl.post("/account/herinneringen", fields).status == .badRequest)
            let user = try #require(try await UserRecord.query(on: app.db).filter(\.$email == "projectleider@rivierstad.example").first())
            let saved = try await RemindersController.preferences(of: user.requireID(), on: app.db).preferences
            #expect(saved[.acties] == .daily && saved[.vogs] == .none)
            // Everything off but acties: the digest holds acties only, or there is none.
            try await ReminderDigest.runIfDue(app)
            if let digest = try await OutboxRecord.query(on: app.db).filter(\.$recipient == "projectleider@rivierstad.example").first() {
                #expect(digest.unsubscribeURL?.hasSuffix("?soort=acties") == true)
            }
        }
    }
}
