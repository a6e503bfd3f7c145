import Domain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import App

/// Typed forms: the body is decoded into the form's struct, a refused form shows what was
/// typed with each error linked to its field (one name for both), and a body that does not
/// fit the form is a 400, never a 500.
@Suite struct TypedFormTests {
    static let base = "/c/coalitie-rivierstad"

    @Test func aRefusedFormKeepsWhatWasTypedAndLinksTheErrorToItsField() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            try await browser.get("\(Self.base)/partners/nieuw")
            let response = try await browser.post("\(Self.base)/partners/nieuw", ["name": "Sportclub Zuid", "contactName": "Anna de Vries", "kind": ""])
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("value=\"Sportclub Zuid\""))
            #expect(html.contains("value=\"Anna de Vries\""))
            #expect(html.contains("href=\"#f-kind\""), "the summary links to the field")
            #expect(html.contains("id=\"f-kind\""), "the field has the id the summary links to")
            #expect(try await PartnerRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func anEditWithoutItsVersionIsRefusedAfterTheFieldsAreChecked() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            try await browser.get("\(Self.base)/partners/nieuw")
            #expect(try await browser.post("\(Self.base)/partners/nieuw", ["name": "Sportclub", "kind": "sport"]).status == .seeOther)
            let partner = try #require(try await PartnerRecord.query(on: app.db).first())
            let path = "\(Self.base)/partners/\(try partner.requireID())/bewerken"
            try await browser.get(path)
            // Bad fields first: the person sees what to fix.
            #expect(try await browser.post(path, ["name": "", "kind": "sport"]).status == .unprocessableEntity)
            // Good fields, no version (or a version no save can reach): 400, nothing changed.
            #expect(try await browser.post(path, ["name": "Sportclub Noord", "kind": "sport"]).status == .badRequest)
            #expect(try await browser.post(path, ["name": "Sportclub Noord", "kind": "sport", "version": "99999999999"]).status == .badRequest)
            #expect(try await PartnerRecord.find(partner.requireID(), on: app.db)?.name == "Sportclub")
            #expect(try await browser.post(path, ["name": "Sportclub Noord", "kind": "sport", "version": String(partner.version)]).status == .seeOther)
            #expect(try await PartnerRecord.find(partner.requireID(), on: app.db)?.name == "Sportclub Noord")
        }
    }

    @Test func aBodyThatDoesNotFitTheFormIsA400() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            try await browser.get("\(Self.base)/partners/nieuw")
            let csrf = try #require(browser.csrf)
            // A list where the form has one value, and one value where it has a list.
            let asList = "csrf=\(csrf)&name%5B%5D=a&name%5B%5D=b&kind=sport"
            #expect(try await browser.post("\(Self.base)/partners/nieuw", [:], rawBody: asList).status == .badRequest)
            try await browser.get("\(Self.base)/locaties/nieuw")
            let single = "csrf=\(try #require(browser.csrf))&name=De%20Regenboog&coordinators=x"
            let status = try await browser.post("\(Self.base)/locaties/nieuw", [:], rawBody: single).status
            #expect(status == .badRequest || status == .seeOther, "never a 500")
            #expect(try await PartnerRecord.query(on: app.db).count() == 0)
        }
    }
}
