import Fluent
import Foundation
import Testing
import VaporTesting

@testable import App

@Suite struct AccountTests {
    @Test func passwordChangeEndsEveryOtherSession() async throws {
        try await withApp { app in
            // setup: logged in twice
            var laptop = try await Fixture.firstUse(app)
            var phone = try await Fixture.login(app, email: "pl@rivierstad.example")
            let laptopCookie = try #require(laptop.cookie)
            try await laptop.get("/account")
            // act
            let wrongOld = try await laptop.post("/account/wachtwoord", ["currentPassword": "fout", "password": "nieuwe lange zin hier", "passwordRepeat": "nieuwe lange zin hier"])
            #expect(wrongOld.status == .unprocessableEntity)
            #expect(wrongOld.body.string.contains("Dit wachtwoord klopt niet."))
            let changed = try await laptop.post("/account/wachtwoord", ["currentPassword": Fixture.password, "password": "nieuwe lange zin hier", "passwordRepeat": "nieuwe lange zin hier"])
            // check
            #expect(changed.status == .seeOther)
            #expect(laptop.cookie != laptopCookie, "this browser gets a new session id")
            #expect(try await laptop.get("/account").status == .ok)
            #expect(try await phone.get("/account").status == .seeOther, "the other session has ended")
            var old = Browser(app)
            old.cookie = laptopCookie
            #expect(try await old.get("/account").status == .seeOther)
        }
    }

    @Test func nameChangeUsesTheVersion() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            try await browser.get("/account")
            #expect(try await browser.post("/account/naam", ["name": "Sanne Bakker", "version": "1"]).status == .seeOther)
            #expect(try await browser.post("/account/naam", ["name": "Oude tab", "version": "1"]).status == .conflict)
            let empty = try await browser.post("/account/naam", ["name": "  ", "version": "2"])
            #expect(empty.status == .unprocessableEntity)
            #expect(try await UserRecord.query(on: app.db).first()?.name == "Sanne Bakker")
        }
    }

    /// Mail is configured (no worker runs in tests: the outbox is what is checked).
    static func withMail(_ config: inout AppConfig) {
        config.smtp = SMTPSettings(host: "127.0.0.1", port: 2525, security: .none, from: "noreply@rivierstad.example")
    }

    @Test func aNewEmailAddressCountsOnlyOnceConfirmedFromThatAddress() async throws {
        try await withApp(config: Self.withMail) { app in
            var laptop = try await Fixture.firstUse(app)
            try await laptop.get("/account")
            let wrong = try await laptop.post("/account/emailadres", ["newEmail": "sanne@nieuw.example", "emailPassword": "fout"])
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("value=\"sanne@nieuw.example\""), "what was typed stays")
            let same = try await laptop.post("/account/emailadres", ["newEmail": "PL@rivierstad.example", "emailPassword": Fixture.password])
            #expect(same.status == .unprocessableEntity && same.body.string.contains("Dit is al je e-mailadres"))
            #expect(try await laptop.post("/account/emailadres", ["newEmail": "sanne@nieuw.example", "emailPassword": Fixture.password]).status == .seeOther)
            #expect(try await UserRecord.query(on: app.db).first()?.email == "pl@rivierstad.example", "nothing changes before the confirmation")
            let mails = try await OutboxRecord.query(on: app.db).sort(\.$recipient).all()
            #expect(mails.map(\.recipient) == ["pl@rivierstad.example", "sanne@nieuw.example"])
            #expect(!mails[0].textBody.contains("/emailadres-bevestigen/"), "the old address gets a notice, not the link")
            let path = String(try #require(mails[1].textBody.firstMatch(of: /\/emailadres-bevestigen\/[A-Za-z0-9_-]{43}/)).output)
            // From the new mailbox, on another device, without logging in.
            var phone = Browser(app)
            let page = try await phone.get(path)
            #expect(page.status == .ok && page.body.string.contains("sanne@nieuw.example"))
            #expect(try await UserRecord.query(on: app.db).first()?.email == "pl@rivierstad.example", "opening the link changes nothing")
            #expect(try await phone.post(path, [:]).status == .seeOther)
            #expect(try await UserRecord.query(on: app.db).first()?.email == "sanne@nieuw.example")
            #expect(try await phone.get(path).status == .notFound, "the link works once")
            _ = try await Fixture.login(app, email: "sanne@nieuw.example")
        }
    }

    @Test func anAddressTakenInTheMeantimeIsSaidOnlyAtConfirmation() async throws {
        try await withApp(config: Self.withMail) { app in
            var pl = try await Fixture.firstUse(app)
            try await pl.get("/account")
            #expect(try await pl.post("/account/emailadres", ["newEmail": "ander@rivierstad.example", "emailPassword": Fixture.password]).status == .seeOther)
            try await UserRecord(email: "ander@rivierstad.example", name: "Ander", passwordHash: try app.password.hash(Fixture.password)).create(on: app.db)
            let text = try #require(try await OutboxRecord.query(on: app.db).filter(\.$recipient == "ander@rivierstad.example").first()).textBody
            let path = String(try #require(text.firstMatch(of: /\/emailadres-bevestigen\/[A-Za-z0-9_-]{43}/)).output)
            var other = Browser(app)
            try await other.get(path)
            let refused = try await other.post(path, [:])
            #expect(refused.status == .conflict && refused.body.string.contains("Er is al een ander account"))
            #expect(try await UserRecord.query(on: app.db).filter(\.$email == "pl@rivierstad.example").count() == 1)
        }
    }

    @Test func theAccountPageListsSessionsAndEndsThem() async throws {
        try await withApp { app in
            var laptop = try await Fixture.firstUse(app)
            var phone = try await Fixture.login(app, email: "pl@rivierstad.example")
            var tablet = try await Fixture.login(app, email: "pl@rivierstad.example")
            let page = try await laptop.get("/account")
            let ends = page.body.string.matches(of: /action="(\/account\/sessies\/[0-9A-F-]{36}\/uitloggen)"/).map { String($0.1) }
            #expect(ends.count == 2 && page.body.string.contains("Dit apparaat"))
            // Someone else cannot end these sessions, not even knowing their ids.
            try await Fixture.coalition(app, name: "Coalitie Elders", memberEmail: "lezer@rivierstad.example", role: .lezer)
            var stranger = try await Fixture.login(app, email: "lezer@rivierstad.example")
            try await stranger.get("/account")
            #expect(try await stranger.post(ends[0], [:]).status == .notFound)
            #expect(try await laptop.post(ends[0], [:]).status == .seeOther)
            let alive = [try await phone.get("/account").status, try await tablet.get("/account").status]
            #expect(alive.sorted { $0.code < $1.code } == [.ok, .seeOther], "exactly the chosen session ended")
            try await laptop.get("/account")
            #expect(try await laptop.post("/account/sessies/andere-uitloggen", [:]).status == .seeOther)
            let afterwards = [try await phone.get("/account").status, try await tablet.get("/account").status]
            #expect(afterwards == [.seeOther, .seeOther])
            #expect(try await laptop.get("/account").status == .ok, "this session stays")
        }
    }

    @Test func withoutAMailServerThePageSaysWhyTheAddressCannotChange() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            let page = try await pl.get("/account").body.string
            #expect(page.contains("verstuurt geen mail") && !page.contains("name=\"newEmail\""))
            var anyone = Browser(app)
            let forgot = try await anyone.get("/wachtwoord-vergeten").body.string
            #expect(forgot.contains("verstuurt geen mail") && !forgot.contains("name=\"email\""))
        }
    }
}
