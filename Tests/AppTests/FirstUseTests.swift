import Fluent
import Testing
import VaporTesting

@testable import App

@Suite struct FirstUseTests {
    @Test func everyPageLeadsToFirstUseWhileNobodyExists() async throws {
        try await withApp { app in
            for path in ["/", "/inloggen", "/c/iets/", "/account"] {
                let response = try await app.testing().sendRequest(.GET, path)
                #expect(response.status == .seeOther, "\(path)")
                #expect(response.headers.first(name: .location) == "/eerste-gebruik", "\(path)")
            }
            // Operations endpoints stay reachable.
            #expect(try await app.testing().sendRequest(.GET, "/healthz").status == .ok)
        }
    }

    @Test func invalidInputKeepsWhatWasTypedAndStoresNothing() async throws {
        try await withApp { app in
            // setup
            var browser = Browser(app)
            try await browser.get("/eerste-gebruik")
            // act
            let response = try await browser.post("/eerste-gebruik", [
                "coalitionName": "Coalitie <Noord>", "periodStart": "2028", "periodEnd": "2025",
                "name": "Anna", "email": "anna-at-school", "password": "password123", "passwordRepeat": "password123",
            ])
            // check
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("value=\"Coalitie &lt;Noord&gt;\""))
            #expect(html.contains("Het einde kan niet vóór het begin liggen."))
            #expect(html.contains("Vul een e-mailadres in zoals naam@school.nl."))
            #expect(html.contains("href=\"#f-email\""))
            #expect(html.contains("aria-invalid=\"true\""))
            #expect(!html.contains("password123"), "a password is never sent back")
            #expect(try await UserRecord.query(on: app.db).count() == 0)
            #expect(try await CoalitionRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func commonPasswordIsRefused() async throws {
        try await withApp { app in
            var browser = Browser(app)
            try await browser.get("/eerste-gebruik")
            let response = try await browser.post("/eerste-gebruik", [
                "coalitionName": "Coalitie Noord", "periodStart": "2025", "periodEnd": "2028",
                "name": "Anna", "email": "anna@noord.example", "password": "Welkom2026!!!!!!", "passwordRepeat": "Welkom2026!!!!!!",
            ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("heel vaak gebruikt"))
        }
    }

    @Test func createsCoalitionAccountAndSessionThenCloses() async throws {
        try await withApp { app in
            // act
            var browser = try await Fixture.firstUse(app)
            // check
            let user = try #require(try await UserRecord.query(on: app.db).first())
            #expect(user.email == "pl@rivierstad.example")
            #expect(user.isAdmin)
            #expect(user.passwordHash.hasPrefix("$2"), "stored as a bcrypt hash")
            let coalition = try #require(try await CoalitionRecord.query(on: app.db).first())
            #expect(coalition.slug == "coalitie-rivierstad")
            let membership = try #require(try await MembershipRecord.query(on: app.db).first())
            #expect(membership.role == .projectleider)
            let home = try await browser.get("/c/coalitie-rivierstad/")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("coalitie en je account zijn klaar"))
            // The page is closed now: GET goes to login, POST is refused.
            var stranger = Browser(app)
            let again = try await stranger.get("/eerste-gebruik")
            #expect(again.status == .seeOther)
            try await stranger.get("/inloggen")
            let refused = try await stranger.post("/eerste-gebruik", [
                "coalitionName": "Overname", "periodStart": "2025", "periodEnd": "2028",
                "name": "X", "email": "x@x.example", "password": Fixture.password, "passwordRepeat": Fixture.password,
            ])
            #expect(refused.status == .forbidden)
            #expect(try await UserRecord.query(on: app.db).count() == 1)
        }
    }
}
