import Domain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import App

/// The activiteitenboek through HTTP: rules, roles and tenant isolation.
@Suite struct ActiviteitenTests {
    static let base = "/c/coalitie-rivierstad"

    /// A location, a partner with one staff member without VOG, and an activity with them.
    struct Book { let location: UUID; let partner: UUID; let staff: UUID; let activity: UUID }

    static func book(_ app: Application, _ browser: inout Browser) async throws -> Book {
        try await browser.get("\(base)/locaties/nieuw")
        #expect(try await browser.post("\(base)/locaties/nieuw", ["name": "De Regenboog", "school": "OBS De Regenboog", "yearGroups": "1-8"]).status == .seeOther)
        try await browser.get("\(base)/partners/nieuw")
        #expect(try await browser.post("\(base)/partners/nieuw", ["name": "Sportclub", "kind": "sport"]).status == .seeOther)
        let location = try #require(try await LocationRecord.query(on: app.db).first()).id!
        let partner = try #require(try await PartnerRecord.query(on: app.db).first()).id!
        try await browser.get("\(base)/partners/\(partner)")
        #expect(try await browser.post("\(base)/partners/\(partner)/medewerkers", ["name": "Kees", "role": "trainer", "vogDate": ""]).status == .seeOther)
        let staff = try #require(try await StaffRecord.query(on: app.db).first()).id!
        try await browser.get("\(base)/activiteiten/nieuw")
        let response = try await browser.post("\(base)/activiteiten/nieuw", [:], rawBody: activityBody(browser, location: location, partner: partner, staff: [staff]))
        #expect(response.status == .seeOther)
        let activity = try #require(try await ActivityRecord.query(on: app.db).first()).id!
        return Book(location: location, partner: partner, staff: staff, activity: activity)
    }

    /// Weekdays and staff are checkboxes (`name[]`), so the body is written by hand.
    static func activityBody(_ browser: Browser, location: UUID, partner: UUID?, staff: [UUID], name: String = "Voetbal", extra: String = "") -> String {
        var fields = Browser.encode([
            "csrf": browser.csrf ?? "", "name": name, "domain": "sport", "location": location.uuidString, "partner": partner?.uuidString ?? "",
            "start": "15:00", "end": "16:00", "from": "2026-03-02", "to": "2026-03-31", "yearGroups": "5-8", "inSchool": "ja", "vierOgen": "ja", "contact": "ja",
        ])
        fields += "&weekdays%5B%5D=1&weekdays%5B%5D=3"
        for id in staff { fields += "&staff%5B%5D=\(id.uuidString)" }
        return fields + extra
    }

    @Test func vogBlocksTheStartAndSessionsAreGeneratedWeekly() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let book = try await Self.book(app, &browser)
            let path = "\(Self.base)/activiteiten/\(book.activity)"
            var html = try await browser.get(path).body.string
            #expect(html.contains("Voetbal"))
            #expect(html.contains("Geen VOG bekend"))
            // Missing VOG: the activity cannot start, and the status stays.
            var response = try await browser.post("\(path)/status", ["status": "loopt", "version": "1"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Kees heeft geen geldige VOG"))
            #expect(try await ActivityRecord.find(book.activity, on: app.db)?.status == .concept)
            // With a VOG of last year it can.
            try await browser.get("\(Self.base)/partners/\(book.partner)/medewerkers/\(book.staff)")
            #expect(try await browser.post("\(Self.base)/partners/\(book.partner)/medewerkers/\(book.staff)", ["name": "Kees", "role": "trainer", "vogDate": WallClock.system.today.adding(days: -300).iso, "version": "1"]).status == .seeOther)
            try await browser.get(path)
            #expect(try await browser.post("\(path)/status", ["status": "loopt", "version": "1"]).status == .seeOther)
            #expect(try await ActivityRecord.find(book.activity, on: app.db)?.status == .loopt)
            // A VOG date in the future is refused.
            try await browser.get("\(Self.base)/partners/\(book.partner)")
            response = try await browser.post("\(Self.base)/partners/\(book.partner)/medewerkers", ["name": "Tom", "vogDate": WallClock.system.today.adding(days: 10).iso])
            #expect(response.status == .unprocessableEntity)
            #expect(try await StaffRecord.query(on: app.db).count() == 1)
            // Mondays and Wednesdays in March 2026: 9 sessions; generating twice adds nothing.
            #expect(try await browser.post("\(path)/sessies/genereren", [:]).status == .seeOther)
            #expect(try await browser.post("\(path)/sessies/genereren", [:]).status == .seeOther)
            #expect(try await ActivitySessionRecord.query(on: app.db).count() == 9)
            // Vooraf-check: every question needs an answer; a "nee" stays open.
            html = try await browser.get("\(path)/vooraf-check").body.string
            response = try await browser.post("\(path)/vooraf-check", ["doel": "ja", "version": "2"])
            #expect(response.status == .unprocessableEntity)
            var check = ["evaluatie": "Nabespreking na elke sessie", "version": "2"]
            for q in VoorafCheck.questions { check[q.key] = "ja" }
            check["interesses"] = "nee"
            #expect(try await browser.post("\(path)/vooraf-check", check).status == .seeOther)
            html = try await browser.get(path).body.string
            #expect(html.contains("Nee: Er is rekening gehouden met de interesses van de leerlingen."))
            #expect(try await browser.post("\(path)/vooraf-check", check).status == .conflict)
        }
    }

    @Test func sessionObservationsAreCheckedAndIncidentsReachTheProjectleider() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let book = try await Self.book(app, &browser)
            let path = "\(Self.base)/activiteiten/\(book.activity)"
            try await browser.get(path)
            #expect(try await browser.post("\(path)/sessies", ["date": "2026-03-02"]).status == .seeOther)
            let session = try #require(try await ActivitySessionRecord.query(on: app.db).first())
            try await browser.get("\(path)/sessies/\(session.id!)")
            // More pupils observed than present: refused, what was typed stays, nothing saved.
            var response = try await browser.post("\(path)/sessies/\(session.id!)", [
                "date": "2026-03-02", "pupils": "10", "wentWell": "Goede sfeer", "incident": "nee", "version": "1",
                "betrokkenheid-mode": "aantallen", "betrokkenheid-n4": "8", "betrokkenheid-n6": "5",
            ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("meer leerlingen dan er aanwezig waren (10)"))
            #expect(response.body.string.contains(">Goede sfeer</textarea>"))
            #expect(try await ActivitySessionRecord.find(session.id, on: app.db)?.wentWell == "")
            // A group score of 6 does not exist.
            response = try await browser.post("\(path)/sessies/\(session.id!)", [
                "date": "2026-03-02", "pupils": "10", "incident": "nee", "version": "1", "welbevinden-mode": "groep", "welbevinden-score": "6",
            ])
            #expect(response.status == .unprocessableEntity)
            // Every message names its field; a field where one picks says "Kies".
            #expect(response.body.string.contains("Kies een score."), "a select's message")
            response = try await browser.post("\(path)/sessies/\(session.id!)", ["date": "2026-03-02", "pupils": "9999", "incident": "nee", "version": "1"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Vul bij het aantal leerlingen een getal in van 0 tot en met"), "a number's message")
            response = try await browser.post("\(path)/sessies/\(session.id!)", [
                "date": "2026-03-02", "pupils": "10", "wentWell": "Goede sfeer", "improve": "Beter starten", "version": "1",
                "incident": "ja", "incidentText": "Een leerling viel en bezeerde een knie.",
                "betrokkenheid-mode": "aantallen", "betrokkenheid-n4": "6", "betrokkenheid-n6": "4", "welbevinden-mode": "groep", "welbevinden-score": "4+",
            ])
            #expect(response.status == .seeOther)
            let saved = try #require(try await ActivitySessionRecord.find(session.id, on: app.db))
            #expect(saved.pupils == 10 && saved.incident && saved.welbevinden == "g:4+")
            #expect(saved.observation(.betrokkenheid)?.average == 3.4)
            // The projectleider sees the open incident and handles it.
            var html = try await browser.get("\(Self.base)/activiteiten/incidenten").body.string
            #expect(html.contains("Een leerling viel en bezeerde een knie."))
            #expect(!html.contains("Er zijn geen open incidenten."))
            #expect(try await browser.post("\(Self.base)/activiteiten/incidenten/\(session.id!)/afgehandeld", [:]).status == .seeOther)
            html = try await browser.get("\(Self.base)/activiteiten/incidenten").body.string
            #expect(html.contains("Er zijn geen open incidenten."))
            // The chart shows the month with its numbers in a table.
            html = try await browser.get(path).body.string
            #expect(html.contains("<svg"))
            #expect(html.contains("<td>3,4</td><td>4,5</td><td>1 van 1</td>"))
            // The sessions export: BOM, semicolons, no incident description.
            let csv = try await browser.get("\(Self.base)/activiteiten/export/sessies.csv")
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            #expect(csv.body.string.hasPrefix("\u{FEFF}activiteit;locatie;domein;datum"))
            #expect(csv.body.string.contains("Voetbal;De Regenboog;sport;2026-03-02;ja;10;Goede sfeer;Beter starten;ja, afgehandeld;3,4;4,5"))
            #expect(!csv.body.string.contains("knie"))
        }
    }

    @Test func rolesAreCheckedOnTheServer() async throws {
        try await withApp { app in
            var leader = try await Fixture.firstUse(app)
            let book = try await Self.book(app, &leader)
            let coalition = try #require(try await CoalitionRecord.query(on: app.db).first())
            // A second location and partner, with an activity there.
            try await leader.get("\(Self.base)/locaties/nieuw")
            #expect(try await leader.post("\(Self.base)/locaties/nieuw", ["name": "Het Anker"]).status == .seeOther)
            try await leader.get("\(Self.base)/partners/nieuw")
            #expect(try await leader.post("\(Self.base)/partners/nieuw", ["name": "Bibliotheek", "kind": "cultuur"]).status == .seeOther)
            let anker = try #require(try await LocationRecord.query(on: app.db).filter(\.$name == "Het Anker").first()).id!
            let bieb = try #require(try await PartnerRecord.query(on: app.db).filter(\.$name == "Bibliotheek").first()).id!
            try await leader.get("\(Self.base)/activiteiten/nieuw")
            #expect(try await leader.post("\(Self.base)/activiteiten/nieuw", [:], rawBody: Self.activityBody(leader, location: anker, partner: bieb, staff: [], name: "Voorlezen")).status == .seeOther)
            let other = try #require(try await ActivityRecord.query(on: app.db).filter(\.$name == "Voorlezen").first()).id!

            func member(_ email: String, _ role: Role, partner: UUID? = nil, locations: [UUID] = []) async throws -> Browser {
                let user = UserRecord(email: email, name: email, passwordHash: try app.password.hash(Fixture.password))
                try await user.create(on: app.db)
                let m = MembershipRecord(coalitionID: coalition.id!, userID: user.id!, role: role, partnerID: partner)
                try await m.create(on: app.db)
                for l in locations { try await MembershipLocationRecord(coalitionID: coalition.id!, membershipID: m.id!, locationID: l).create(on: app.db) }
                return try await Fixture.login(app, email: email)
            }
            // Lezer: reads, changes nothing.
            var lezer = try await member("lezer@rivierstad.example", .lezer)
            #expect(try await lezer.get("\(Self.base)/activiteiten").status == .ok)
            #expect(try await lezer.get("\(Self.base)/activiteiten/\(book.activity)").status == .ok)
            #expect(try await lezer.get("\(Self.base)/activiteiten/nieuw").status == .forbidden)
            #expect(try await lezer.post("\(Self.base)/activiteiten/\(book.activity)/status", ["status": "afgerond", "version": "1"]).status == .forbidden)
            #expect(try await lezer.post("\(Self.base)/activiteiten/\(book.activity)/sessies/genereren", [:]).status == .forbidden)
            #expect(try await lezer.post("\(Self.base)/locaties/nieuw", ["name": "X"]).status == .forbidden)
            #expect(try await lezer.get("\(Self.base)/activiteiten/incidenten").status == .forbidden)
            // Partner: only their organisation's activities; records sessions there, edits nothing else.
            var partner = try await member("partner@rivierstad.example", .partner, partner: book.partner)
            let list = try await partner.get("\(Self.base)/activiteiten").body.string
            #expect(list.contains("Voetbal") && !list.contains("Voorlezen"))
            #expect(try await partner.get("\(Self.base)/activiteiten/\(other)").status == .notFound)
            #expect(try await partner.get("\(Self.base)/partners/\(bieb)").status == .notFound)
            #expect(try await partner.get("\(Self.base)/activiteiten/\(book.activity)/bewerken").status == .forbidden)
            try await partner.get("\(Self.base)/activiteiten/\(book.activity)")
            #expect(try await partner.post("\(Self.base)/activiteiten/\(book.activity)/sessies", ["date": "2026-03-02"]).status == .seeOther)
            #expect(try await partner.post("\(Self.base)/activiteiten/\(other)/sessies", ["date": "2026-03-02"]).status == .notFound)
            #expect(!(try await partner.get("\(Self.base)/activiteiten/export/activiteiten.csv").body.string.contains("Voorlezen")))
            // The partner keeps their own staff list.
            try await partner.get("\(Self.base)/partners/\(book.partner)")
            #expect(try await partner.post("\(Self.base)/partners/\(book.partner)/medewerkers", ["name": "Anouk"]).status == .seeOther)
            // Coordinator of De Regenboog: edits there, not at Het Anker, and cannot create there.
            var coordinator = try await member("coordinator@rivierstad.example", .coordinator, locations: [book.location])
            #expect(try await coordinator.get("\(Self.base)/activiteiten/\(book.activity)/bewerken").status == .ok)
            #expect(try await coordinator.get("\(Self.base)/activiteiten/\(other)/bewerken").status == .forbidden)
            try await coordinator.get("\(Self.base)/activiteiten/nieuw")
            let response = try await coordinator.post("\(Self.base)/activiteiten/nieuw", [:], rawBody: Self.activityBody(coordinator, location: anker, partner: nil, staff: [], name: "Stiekem"))
            #expect(response.status == .unprocessableEntity)
            #expect(try await ActivityRecord.query(on: app.db).filter(\.$name == "Stiekem").count() == 0)
            #expect(try await coordinator.post("\(Self.base)/partners/\(bieb)/medewerkers", ["name": "X"]).status == .forbidden)
            // Staff of another partner cannot be put in an activity.
            try await leader.get("\(Self.base)/activiteiten/nieuw")
            let wrong = try await leader.post("\(Self.base)/activiteiten/nieuw", [:], rawBody: Self.activityBody(leader, location: anker, partner: bieb, staff: [book.staff], name: "Fout"))
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("Kies alleen begeleiders die bij de gekozen partner werken."))
        }
    }

    @Test func anotherCoalitionsIdsAreNotFound() async throws {
        try await withApp { app in
            var leader = try await Fixture.firstUse(app)
            let book = try await Self.book(app, &leader)
            let (other, _) = try await Fixture.coalition(app, name: "Coalitie Elders", memberEmail: "pl@elders.example", role: .projectleider)
            var outsider = try await Fixture.login(app, email: "pl@elders.example")
            let elders = "/c/\(other.slug)"
            #expect(try await outsider.get("\(elders)/activiteiten").status == .ok)
            #expect(try await outsider.get("\(elders)/activiteiten/\(book.activity)").status == .notFound)
            #expect(try await outsider.get("\(elders)/partners/\(book.partner)").status == .notFound)
            #expect(try await outsider.get("\(elders)/locaties/\(book.location)").status == .notFound)
            #expect(try await outsider.post("\(elders)/activiteiten/\(book.activity)/sessies/genereren", [:]).status == .notFound)
            #expect(try await outsider.post("\(elders)/partners/\(book.partner)/medewerkers", ["name": "X"]).status == .notFound)
            // And the outsider's own activity cannot use the other coalition's location.
            try await outsider.get("\(elders)/activiteiten/nieuw")
            #expect(try await outsider.post("\(elders)/activiteiten/nieuw", [:], rawBody: Self.activityBody(outsider, location: book.location, partner: nil, staff: [])).status == .unprocessableEntity)
            #expect(try await outsider.get("\(Self.base)/activiteiten").status == .notFound)
            #expect(try await ActivityRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func coverageShowsGapsInWords() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let book = try await Self.book(app, &browser)
            let period = "?van=2026-03-01&tot=2026-03-31"
            // A concept activity does not count yet.
            var html = try await browser.get("\(Self.base)/activiteiten/dekking\(period)").body.string
            #expect(html.contains("4 vakjes onder de afspraak."))
            let activity = try #require(try await ActivityRecord.find(book.activity, on: app.db))
            activity.status = .gepland
            try await activity.save(on: app.db)
            html = try await browser.get("\(Self.base)/activiteiten/dekking\(period)").body.string
            #expect(html.contains("3 vakjes onder de afspraak."))
            #expect(html.contains("De Regenboog: cultuur"))
            #expect(!html.contains("De Regenboog: sport"))
            // The filter's day, month and year boxes ask the same, and show what was asked.
            let boxes = try await browser.get("\(Self.base)/activiteiten/dekking?van-dag=1&van-maand=3&van-jaar=2026&tot-dag=31&tot-maand=3&tot-jaar=2026").body.string
            #expect(boxes.contains("3 vakjes onder de afspraak."))
            #expect(boxes.contains("name=\"tot-dag\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" value=\"31\""))
            // Outside the period nothing counts.
            html = try await browser.get("\(Self.base)/activiteiten/dekking?van=2026-05-01&tot=2026-06-30").body.string
            #expect(html.contains("4 vakjes onder de afspraak."))
            // A stricter rule makes the sport cell a gap too.
            try await browser.get("\(Self.base)/activiteiten/instellingen")
            #expect(try await browser.post("\(Self.base)/activiteiten/instellingen", ["vogYears": "3", "minimum": "2", "domains": "natuur\nsport", "version": "0"]).status == .seeOther)
            html = try await browser.get("\(Self.base)/activiteiten/dekking\(period)").body.string
            #expect(html.contains("5 vakjes onder de afspraak."))
            #expect(html.contains("<th scope=\"col\">natuur</th>"))
            // The overview goes into step 3 of a bouwblad, dated, with a revision.
            let bouwblad = try await browser.startMandatory()
            let id = try #require(bouwblad.split(separator: "/").last.map(String.init))
            html = try await browser.get("\(Self.base)/activiteiten/dekking\(period)").body.string
            #expect(html.contains("Overzicht invoegen"))
            #expect(try await browser.post("\(Self.base)/activiteiten/bewijs", ["bouwblad": id, "kind": "dekking", "van": "2026-03-01", "tot": "2026-03-31"]).status == .seeOther)
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            #expect(cycle.bereikt.hasPrefix("Dekking van het aanbod, 1 maart 2026 – 31 maart 2026 (stand van"))
            #expect(cycle.bereikt.contains("- De Regenboog: cultuur 0, sport 1, cognitief 0, ontdekken 0, natuur 0"))
            #expect(try await RevisionRecord.query(on: app.db).filter(\.$field == "bereikt").count() == 1)
            #expect(try await browser.post("\(Self.base)/activiteiten/bewijs", ["bouwblad": id, "kind": "observaties"]).status == .seeOther)
            let again = try #require(try await CycleRecord.query(on: app.db).first())
            #expect(again.bereikt.contains("\n\nObservaties met de Leuvense schalen"))
        }
    }

    @Test func csvImportPreviewsAndStoresOnlyAfterConfirmation() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            _ = try await Self.book(app, &browser)
            try await browser.get("\(Self.base)/activiteiten/importeren")
            let csv = "activiteit;domein;locatie;aanbieder;dag;tijd;groepen;periode\n"
                + "Schaakclub;cognitief;De Regenboog;;woensdag;13:00-14:00;5-8;1-9-2025 t/m 31-1-2026\n"
                + "Dansen;sport;Onbekende school;Sportclub;vrijdag;15:00-16:00;3-4;1-9-2025 t/m 31-1-2026\n"
            let boundary = "----bouwstenen-test"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(browser.csrf!)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"boek.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
            var headers: HTTPHeaders = ["Content-Type": "multipart/form-data; boundary=\(boundary)"]
            headers.add(name: "Cookie", value: "bouwstenen=\(browser.cookie!)")
            let preview = try await app.testing().sendRequest(.POST, "\(Self.base)/activiteiten/importeren", headers: headers, body: ByteBuffer(string: body))
            #expect(preview.status == .ok)
            let html = preview.body.string
            #expect(html.contains("1 rijen kunnen worden ingelezen, 1 rijen hebben een fout"))
            #expect(html.contains("De locatie ‘Onbekende school’ bestaat niet."))
            #expect(try await ActivityRecord.query(on: app.db).count() == 1)
            // Confirming creates only the good row, as a concept.
            #expect(try await browser.post("\(Self.base)/activiteiten/importeren/bevestigen", ["csv": Data(csv.utf8).base64EncodedString()]).status == .seeOther)
            #expect(try await ActivityRecord.query(on: app.db).count() == 2)
            let imported = try #require(try await ActivityRecord.query(on: app.db).filter(\.$name == "Schaakclub").first())
            #expect(imported.status == .concept && imported.weekdays == "3" && imported.startTime == "13:00" && imported.startsOn == "2025-09-01")
            // No file: a Dutch message, nothing stored.
            let empty = try await browser.post("\(Self.base)/activiteiten/importeren/bevestigen", ["csv": Data("activiteit;domein\n".utf8).base64EncodedString()])
            #expect(empty.status == .unprocessableEntity)
            #expect(try await ActivityRecord.query(on: app.db).count() == 2)
        }
    }
}
