import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite struct PagesTests {
    struct Boom: Error {}

    @Test func unexpectedErrorsShowARequestIDAndNoInternals() async throws {
        try await withApp({ app in
            app.get("stuk") { _ -> String in throw Boom() }
        }) { app in
            _ = try await Fixture.firstUse(app)
            let response = try await app.testing().sendRequest(.GET, "/stuk")
            #expect(response.status == .internalServerError)
            let html = response.body.string
            #expect(html.contains("Er ging bij ons iets mis"))
            #expect(html.contains("Foutcode:"))
            #expect(!html.contains("Boom"), "no internals on the page")
        }
    }

    /// Two people doing the same thing at once (a double click on "vastzetten", two first
    /// saves of the report settings) meet at a unique index: that is a 409, not a 500.
    @Test func aUniqueIndexRefusalIsAConflict() async throws {
        try await withApp({ app in
            app.get("dubbel") { req async throws -> String in
                try await CoalitionRecord(slug: "dubbel", name: "Een", period: Period(startYear: 2025, endYear: 2028)).create(on: req.db)
                try await CoalitionRecord(slug: "dubbel", name: "Twee", period: Period(startYear: 2025, endYear: 2028)).create(on: req.db)
                return "niet bereikt"
            }
        }) { app in
            _ = try await Fixture.firstUse(app)
            let response = try await app.testing().sendRequest(.GET, "/dubbel")
            #expect(response.status == .conflict)
            #expect(response.body.string.contains("Iemand anders heeft dit intussen gewijzigd"))
        }
    }

    @Test func switcherListsTheOtherCoalitions() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            try await Fixture.coalition(app, name: "Coalitie Zuidstad", memberEmail: "pl@rivierstad.example", role: .partner)
            let html = try await browser.get("/c/coalitie-rivierstad/").body.string
            #expect(html.contains("Andere coalitie"))
            #expect(html.contains("href=\"/c/coalitie-zuidstad/\""))
            // With two coalitions, / offers the choice.
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("Coalitie Zuidstad"))
            #expect(home.body.string.contains("je bent partner"))
        }
    }

    @Test func theProjectleiderStartsOnTheDashboardOthersOnTheRaster() async throws {
        try await withApp { app in
            var leader = try await Fixture.firstUse(app)
            #expect(try await leader.get("/").headers.first(name: .location) == "/c/coalitie-rivierstad/dashboard")
            let coalition = try #require(try await CoalitionRecord.query(on: app.db).filter(\.$slug == "coalitie-rivierstad").first())
            let user = UserRecord(email: "coo@rivierstad.example", name: "Coördinator", passwordHash: try app.password.hash(Fixture.password))
            try await user.create(on: app.db)
            try await MembershipRecord(coalitionID: coalition.id!, userID: user.id!, role: .coordinator).create(on: app.db)
            var coordinator = try await Fixture.login(app, email: "coo@rivierstad.example")
            #expect(try await coordinator.get("/").headers.first(name: .location) == "/c/coalitie-rivierstad/")
        }
    }

    @Test func adminCreatesACoalitionAndOthersCannot() async throws {
        try await withApp { app in
            var admin = try await Fixture.firstUse(app)
            try await admin.get("/beheer/coalities")
            let invalid = try await admin.post("/beheer/coalities", ["coalitionName": "", "periodStart": "2025", "periodEnd": "2028"])
            #expect(invalid.status == .unprocessableEntity)
            let created = try await admin.post("/beheer/coalities", ["coalitionName": "Coalitie Rivierstad", "periodStart": "2025", "periodEnd": "2028"])
            #expect(created.status == .seeOther)
            #expect(created.headers.first(name: .location) == "/c/coalitie-rivierstad-2/", "slugs stay unique")
            try await Fixture.coalition(app, name: "Coalitie Noord", memberEmail: "gewoon@noord.example", role: .projectleider)
            var ordinary = try await Fixture.login(app, email: "gewoon@noord.example")
            #expect(try await ordinary.get("/beheer/coalities").status == .forbidden)
            #expect(try await CoalitionRecord.query(on: app.db).count() == 3)
        }
    }

    @Test func coordinatorInvitationCarriesItsLocations() async throws {
        try await withApp { app in
            var leader = try await Fixture.firstUse(app)
            let coalition = try #require(try await CoalitionRecord.query(on: app.db).first())
            let school = LocationRecord(coalitionID: coalition.id!, name: "De Regenboog", school: "OBS De Regenboog")
            try await school.create(on: app.db)
            let form = try await leader.get("/c/coalitie-rivierstad/leden/uitnodigen")
            #expect(form.body.string.contains("De Regenboog"))
            // A coordinator without a location is refused, and what was typed stays.
            let missing = try await leader.post("/c/coalitie-rivierstad/leden/uitnodigen", ["name": "Lotte", "email": "lotte@r.example", "role": "coordinator"])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("Kies minstens één schoollocatie"))
            #expect(missing.body.string.contains("value=\"lotte@r.example\""))
            let body = Browser.encode(["name": "Lotte", "email": "lotte@r.example", "role": "coordinator", "csrf": leader.csrf!]) + "&locations%5B%5D=\(school.id!.uuidString)"
            let created = try await leader.post("/c/coalitie-rivierstad/leden/uitnodigen", [:], rawBody: body)
            #expect(created.status == .created)
            let invitation = try #require(try await InvitationRecord.query(on: app.db).first())
            #expect(invitation.locations == [school.id!])
        }
    }

    @Test func everyPageHasTheLayoutLandmarks() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            for path in ["/c/coalitie-rivierstad/", "/c/coalitie-rivierstad/leden", "/c/coalitie-rivierstad/leden/uitnodigen", "/account", "/beheer/coalities"] {
                let html = try await browser.get(path).body.string
                #expect(html.contains("<html lang=\"nl\">"), "\(path)")
                #expect(html.contains("href=\"#inhoud\""), "\(path): skip link")
                #expect(html.contains("<main id=\"inhoud\""), "\(path)")
                #expect(html.contains("aria-label=\"Hoofdmenu\""), "\(path)")
                #expect(!html.contains("style=\""), "\(path): no inline style (CSP)")
                #expect(!html.contains("<script"), "\(path): no script needed")
            }
        }
    }
}
