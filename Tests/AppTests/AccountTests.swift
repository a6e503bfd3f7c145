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
}
