import Fluent
import Foundation
import Testing
import VaporTesting

@testable import App

@Suite struct LoginTests {
    @Test func wrongPasswordAndUnknownEmailGetTheSameDutchAnswer() async throws {
        try await withApp { app in
            _ = try await Fixture.firstUse(app)
            var browser = Browser(app)
            try await browser.get("/inloggen")
            let wrong = try await browser.post("/inloggen", ["email": "pl@rivierstad.example", "password": "niet het goede wachtwoord"])
            let unknown = try await browser.post("/inloggen", ["email": "niemand@rivierstad.example", "password": "niet het goede wachtwoord"])
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            #expect(wrong.body.string.contains("Het e-mailadres of het wachtwoord klopt niet."))
            #expect(unknown.body.string.contains("Het e-mailadres of het wachtwoord klopt niet."))
            // Still not logged in.
            #expect(try await browser.get("/account").status == .seeOther)
        }
    }

    @Test func loginGivesANewSessionIDAndReturnsToThePageAskedFor() async throws {
        try await withApp { app in
            _ = try await Fixture.firstUse(app)
            var browser = Browser(app)
            let toLogin = try await browser.get("/account")
            #expect(toLogin.headers.first(name: .location) == "/inloggen?terug=/account")
            try await browser.get("/inloggen?terug=/account")
            let before = try #require(browser.cookie)
            let response = try await browser.post("/inloggen", ["email": "PL@Rivierstad.example ", "password": Fixture.password, "terug": "/account"])
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/account")
            #expect(browser.cookie != before, "session id changes at login")
            #expect(try await browser.get("/account").status == .ok)
            // The pre-login session is gone from the database.
            #expect(try await WebSessionRecord.query(on: app.db).filter(\.$tokenHash == Tokens.sha256(before)).count() == 0)
        }
    }

    /// A page carries the CSRF token under a fresh mask; only a mask of the token unmasks to it.
    @Test func theCSRFTokenIsMaskedPerPage() {
        let token = Tokens.random()
        let (a, b) = (Tokens.masked(token), Tokens.masked(token))
        #expect(a != b && !a.contains(token))
        #expect(Tokens.unmasked(a) == token && Tokens.unmasked(b) == token)
        #expect(Tokens.unmasked(token) != token, "the bare token is not a masked one")
        #expect(Tokens.unmasked("!!") == nil && Tokens.unmasked(String(repeating: "A", count: 500)) == nil)
    }

    /// Stored session and invitation hashes stay valid: the same hex as always (FIPS 180-2
    /// test vector), tokens URL-safe without padding.
    @Test func tokensKeepTheirShape() {
        #expect(Tokens.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        for _ in 0..<50 {
            let token = Tokens.random(), masked = Tokens.masked(token)
            #expect(Tokens.isPlausible(token) && Tokens.unmasked(masked) == token)
            #expect(!masked.contains("+") && !masked.contains("/") && !masked.contains("="))
        }
    }

    @Test func returnAddressMustBeLocal() {
        #expect(LoginController.safeBack("//evil.example/") == "/")
        #expect(LoginController.safeBack("https://evil.example/") == "/")
        #expect(LoginController.safeBack("/\\evil.example") == "/")
        #expect(LoginController.safeBack("/c/rivierstad/") == "/c/rivierstad/")
    }

    @Test func fiveFailuresLockTheAccountForAQuarter() async throws {
        try await withApp { app in
            _ = try await Fixture.firstUse(app)
            var browser = Browser(app)
            try await browser.get("/inloggen")
            for _ in 0..<5 {
                #expect(try await browser.post("/inloggen", ["email": "pl@rivierstad.example", "password": "fout fout fout"]).status == .unauthorized)
            }
            let locked = try await browser.post("/inloggen", ["email": "pl@rivierstad.example", "password": Fixture.password])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.string.contains("Wacht 15 minuten"))
            // After the window the right password works again.
            try await LoginFailureRecord.query(on: app.db).set(\.$failedAt, to: Date().addingTimeInterval(-16 * 60)).update()
            #expect(try await browser.post("/inloggen", ["email": "pl@rivierstad.example", "password": Fixture.password]).status == .seeOther)
        }
    }

    @Test func logoutEndsTheSessionOnTheServer() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let cookie = try #require(browser.cookie)
            try await browser.get("/account")
            let response = try await browser.post("/uitloggen", [:])
            #expect(response.status == .seeOther)
            // Replaying the old cookie does not work.
            var replay = Browser(app)
            replay.cookie = cookie
            #expect(try await replay.get("/account").status == .seeOther)
        }
    }

    @Test func idleSessionsExpire() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            try await WebSessionRecord.query(on: app.db).set(\.$lastSeenAt, to: Date().addingTimeInterval(-9 * 3600)).update()
            let response = try await browser.get("/account")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location)?.hasPrefix("/inloggen") == true)
        }
    }
}
