import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import App

@Suite struct RequestSafetyTests {
    @Test func postWithoutOrWithForeignCSRFTokenIsRefusedAndChangesNothing() async throws {
        try await withApp { app in
            // setup
            var owner = try await Fixture.firstUse(app)
            try await owner.get("/account")
            var other = Browser(app)
            try await other.get("/inloggen")
            let foreignToken = try #require(other.csrf)
            // act
            let missing = try await owner.post("/account/naam", ["name": "Gekaapt", "version": "1"], csrf: .some(nil))
            let foreign = try await owner.post("/account/naam", ["name": "Gekaapt", "version": "1"], csrf: foreignToken)
            // check
            #expect(missing.status == .forbidden)
            #expect(foreign.status == .forbidden)
            #expect(missing.body.string.contains("Dit formulier is verlopen of komt niet van Bouwstenen"))
            #expect(try await UserRecord.query(on: app.db).first()?.name == "Sanne de Vries")
        }
    }

    @Test func anotherCoalitionsPagesAnswer404() async throws {
        try await withApp { app in
            // setup: the first user is in Rivierstad; Zuidstad has somebody else.
            var browser = try await Fixture.firstUse(app)
            let (zuid, stranger) = try await Fixture.coalition(app, name: "Coalitie Zuidstad", memberEmail: "pl@zuidstad.example", role: .projectleider)
            let strangerMembership = try #require(try await MembershipRecord.query(on: app.db).filter(\.$user.$id == stranger.id!).first())
            // act + check
            #expect(try await browser.get("/c/\(zuid.slug)/").status == .notFound)
            #expect(try await browser.get("/c/\(zuid.slug)/leden").status == .notFound)
            #expect(try await browser.get("/c/bestaat-niet/").status == .notFound)
            // An id of Zuidstad used inside Rivierstad's address is not found either.
            try await browser.get("/c/coalitie-rivierstad/leden")
            let remove = try await browser.post("/c/coalitie-rivierstad/leden/\(strangerMembership.id!)/verwijderen", [:])
            #expect(remove.status == .notFound)
            #expect(remove.body.string.contains("Pagina niet gevonden"))
            #expect(try await MembershipRecord.find(strangerMembership.id, on: app.db) != nil)
        }
    }

    @Test func readersCannotManageMembers() async throws {
        try await withApp { app in
            _ = try await Fixture.firstUse(app)
            let coalition = try #require(try await CoalitionRecord.query(on: app.db).first())
            let reader = UserRecord(email: "lezer@rivierstad.example", name: "Lezer", passwordHash: try app.password.hash(Fixture.password))
            try await reader.create(on: app.db)
            try await MembershipRecord(coalitionID: coalition.id!, userID: reader.id!, role: .lezer).create(on: app.db)
            var browser = try await Fixture.login(app, email: "lezer@rivierstad.example")
            #expect(try await browser.get("/c/coalitie-rivierstad/leden").status == .ok)
            #expect(try await browser.get("/c/coalitie-rivierstad/leden/uitnodigen").status == .forbidden)
            try await browser.get("/c/coalitie-rivierstad/leden")
            let invite = try await browser.post("/c/coalitie-rivierstad/leden/uitnodigen", ["name": "X", "email": "x@x.example", "role": "projectleider"])
            #expect(invite.status == .forbidden)
            #expect(try await InvitationRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func tooLargeBodyAnswers413InDutchAndChangesNothing() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            try await browser.get("/account")
            let huge = String(repeating: "a", count: Limits.formBody + 10)
            let response = try await browser.post("/account/naam", ["name": huge, "version": "1"],
                                                  extraHeaders: ["Host": "bouwstenen.example", "Referer": "https://bouwstenen.example/account"])
            #expect(response.status == .payloadTooLarge)
            #expect(response.body.string.contains("Dit is te groot"))
            #expect(response.body.string.contains("<a href=\"/account\">Terug naar het formulier</a>"), "a way back to the form it came from")
            #expect(try await UserRecord.query(on: app.db).first()?.name == "Sanne de Vries")
            // Another site's page is never offered as the way back.
            let elsewhere = try await browser.post("/account/naam", ["name": huge, "version": "1"],
                                                   extraHeaders: ["Host": "bouwstenen.example", "Referer": "https://kwaad.example/account"])
            #expect(!elsewhere.body.string.contains("Terug naar het formulier"))
            // A long name under the limit is not a 413: the form says what is wrong and keeps it.
            let long = try await browser.post("/account/naam", ["name": String(repeating: "a", count: 300 * 1024), "version": "1"])
            #expect(long.status == .unprocessableEntity)
            #expect(long.body.string.contains("te lang"))
        }
    }

    @Test func securityHeadersOnPagesAndErrors() async throws {
        try await withApp { app in
            _ = try await Fixture.firstUse(app)
            for path in ["/inloggen", "/bestaat-niet"] {
                let response = try await app.testing().sendRequest(.GET, path)
                let csp = try #require(response.headers.first(name: "Content-Security-Policy"))
                #expect(csp.contains("default-src 'self'"))
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(!csp.contains("unsafe-inline"))
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
                #expect(response.headers.first(name: "Strict-Transport-Security") == nil, "no HSTS without https BASE_URL")
            }
        }
    }

    @Test func sessionCookieFlags() async throws {
        try await withApp { app in
            let response = try await app.testing().sendRequest(.GET, "/eerste-gebruik")
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("bouwstenen=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"), "plain http on a laptop")
        }
    }

    @Test func wrongContentTypeAndBrokenFormsAre4xx() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            try await browser.get("/account")
            let token = try #require(browser.csrf)
            var headers: HTTPHeaders = ["Content-Type": "application/json", "X-CSRF-Token": token]
            headers.add(name: "Cookie", value: "bouwstenen=\(browser.cookie!)")
            let json = try await app.testing().sendRequest(.POST, "/account/naam", headers: headers, body: ByteBuffer(string: "{\"name\":\"x\"}"))
            #expect(json.status == .unsupportedMediaType)
            let broken = try await browser.post("/account/naam", [:], rawBody: "csrf=\(token)&name=%ZZ&version=1")
            #expect((400..<500).contains(broken.status.code))
            #expect(try await UserRecord.query(on: app.db).first()?.name == "Sanne de Vries")
        }
    }
}

@Suite struct QueryInputTests {
    /// Found by reliability/test_bad_input.py: a NUL in the acties filter was a 500 on PostgreSQL.
    @Test func aNulInTheAddressIsA400AndAnUnknownOwnerMatchesNothing() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let nul = try await browser.get("/c/coalitie-rivierstad/acties?wie=voor%00na")
            #expect(nul.status == .badRequest)
            #expect(nul.body.string.contains("Het adres bevat een teken dat niet mag"))
            #expect(try await browser.get("/c/coalitie-rivierstad/acties?status=open%00").status == .badRequest)
            let unknown = try await browser.get("/c/coalitie-rivierstad/acties?wie=Niemand&status=alle")
            #expect(unknown.status == .ok)
        }
    }
}
