import Domain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import App

/// The agreements of a meeting: written down with who and when, made an action of a
/// bouwblad or the jaarplan in the same step or later (once), seen by the partners of the
/// meeting, and found by no other coalition.
@Suite struct AgreementTests {
    static let base = OverlegAppTests.base

    /// A meeting with the organisation invited; its id.
    static func meeting(_ app: Application, _ browser: inout Browser, invited: UUID) async throws -> UUID {
        try await browser.get("\(base)/nieuw")
        #expect(try await browser.post("\(base)/nieuw", OverlegAppTests.meeting(day: app.clock.today, status: "gehouden", invited: invited, present: invited)).status == .seeOther)
        return try #require(try await MeetingRecord.query(on: app.db).sort(\.$createdAt, .descending).first()?.id)
    }

    @Test func anAgreementBecomesAnActieOfTheOpenCycleInOneStep() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            let bouwblad = try await pl.startMandatory()
            let (_, welzijn) = try await OverlegAppTests.organisation(app, "Welzijn Rivierstad", kind: "welzijn")
            let meeting = try await Self.meeting(app, &pl, invited: welzijn)
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            let bouwbladID = cycle.bouwbladID

            let form = try await pl.get("\(Self.base)/\(meeting)/afspraken/nieuw").body.string
            #expect(form.contains("Nee, alleen de afspraak vastleggen") && form.contains("value=\"bouwblad:\(bouwbladID.uuidString)\""))
            #expect(form.contains("value=\"jaarplan\""))
            let agreement = ["text": "Jongerenwerker komt elke maand langs", "owner": "Fatima", "organisation": welzijn.uuidString,
                             "deadline": "15-3-2027", "place": "bouwblad:\(bouwbladID.uuidString)"]
            #expect(try await pl.post("\(Self.base)/\(meeting)/afspraken/nieuw", agreement).status == .seeOther)

            let actie = try #require(try await ActieRecord.query(on: app.db).first())
            #expect(actie.text == "Jongerenwerker komt elke maand langs" && actie.ownerName == "Fatima (Welzijn Rivierstad)")
            #expect(actie.deadline == "2027-03-15" && actie.cycleID == cycle.id && actie.status == .gepland)
            let stored = try #require(try await AgreementRecord.query(on: app.db).first())
            #expect(stored.actieID == actie.id && stored.planActionID == nil && stored.organisationID == welzijn)
            // The bouwblad's history shows where the actie came from: a revision like any other.
            #expect(try await RevisionRecord.query(on: app.db).filter(\.$field == "actie").count() == 1)

            let html = try await pl.get(Self.base).body.string
            #expect(html.contains("Jongerenwerker komt elke maand langs") && html.contains("Wie: Fatima (Welzijn Rivierstad)"))
            #expect(html.contains("Wanneer: 15 maart 2027") && html.contains("\(bouwblad)#actie-\(actie.id!)"))
            #expect(!html.contains("Maak er een actie van"))
            // The actie is on the bouwblad.
            #expect(try await pl.get(bouwblad).body.string.contains("Jongerenwerker komt elke maand langs"))
        }
    }

    @Test func aLaterActionInTheJaarplanHappensOnce() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            let (_, welzijn) = try await OverlegAppTests.organisation(app, "Welzijn Rivierstad", kind: "welzijn")
            let meeting = try await Self.meeting(app, &pl, invited: welzijn)
            try await pl.get("\(Self.base)/\(meeting)/afspraken/nieuw")
            #expect(try await pl.post("\(Self.base)/\(meeting)/afspraken/nieuw", ["text": "Samen een ouderavond", "owner": "", "organisation": "", "deadline": "", "place": ""]).status == .seeOther)
            let agreement = try #require(try await AgreementRecord.query(on: app.db).first())
            #expect(!agreement.hasAction)
            var html = try await pl.get(Self.base).body.string
            #expect(html.contains("Samen een ouderavond") && html.contains("Maak er een actie van"))

            let address = "\(Self.base)/\(meeting)/afspraken/\(agreement.id!)/actie"
            // No choice, or a place that is not offered: refused, nothing made.
            try await pl.get(address)
            var response = try await pl.post(address, ["place": "", "version": "1"])
            #expect(response.status == .unprocessableEntity && response.body.string.contains("Kies waar de actie komt."))
            response = try await pl.post(address, ["place": "bouwblad:\(UUID().uuidString)", "version": "1"])
            #expect(response.status == .unprocessableEntity)
            #expect(try await PlanActionRecord.query(on: app.db).count() == 0)

            #expect(try await pl.post(address, ["place": "jaarplan", "version": "1"]).status == .seeOther)
            let action = try #require(try await PlanActionRecord.query(on: app.db).first())
            let year = SchoolYear(containing: app.clock.today)
            #expect(action.text == "Samen een ouderavond" && action.area == "Samenwerking" && action.schoolYear == year.key)
            #expect(try await AgreementRecord.find(agreement.id, on: app.db)?.planActionID == action.id)
            html = try await pl.get(Self.base).body.string
            #expect(html.contains("Actie in het jaarplan \(year.key)") && !html.contains("Maak er een actie van"))
            #expect(try await pl.get("/c/coalitie-rivierstad/jaarplan?jaar=\(year.key)").body.string.contains("Samen een ouderavond"))

            // Sent again (a second tab, a double click): no second action.
            #expect(try await pl.post(address, ["place": "jaarplan", "version": "1"]).status == .seeOther)
            #expect(try await PlanActionRecord.query(on: app.db).count() == 1)

            // Deleting the agreement leaves the action.
            #expect(try await pl.post("\(Self.base)/\(meeting)/afspraken/\(agreement.id!)/verwijderen", [:]).status == .seeOther)
            #expect(try await AgreementRecord.query(on: app.db).count() == 0)
            #expect(try await PlanActionRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func wrongInputKeepsWhatWasTyped() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            let (_, welzijn) = try await OverlegAppTests.organisation(app, "Welzijn Rivierstad", kind: "welzijn")
            let meeting = try await Self.meeting(app, &pl, invited: welzijn)
            try await pl.get("\(Self.base)/\(meeting)/afspraken/nieuw")
            var response = try await pl.post("\(Self.base)/\(meeting)/afspraken/nieuw", ["text": "", "owner": "Joost de buurtsportcoach", "organisation": "", "deadline": "", "place": ""])
            #expect(response.status == .unprocessableEntity && response.body.string.contains("Joost de buurtsportcoach"))
            response = try await pl.post("\(Self.base)/\(meeting)/afspraken/nieuw", ["text": "Iets", "owner": "", "organisation": UUID().uuidString, "deadline": "", "place": ""])
            #expect(response.status == .unprocessableEntity)
            response = try await pl.post("\(Self.base)/\(meeting)/afspraken/nieuw", ["text": String(repeating: "a", count: 1_001), "place": "jaarplan"])
            #expect(response.status == .unprocessableEntity)
            #expect(try await AgreementRecord.query(on: app.db).count() == 0)
            #expect(try await PlanActionRecord.query(on: app.db).count() == 0)
            // Deleting the meeting deletes its agreements.
            #expect(try await pl.post("\(Self.base)/\(meeting)/afspraken/nieuw", ["text": "Iets", "place": ""]).status == .seeOther)
            #expect(try await pl.post("\(Self.base)/\(meeting)/verwijderen", [:]).status == .seeOther)
            #expect(try await AgreementRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func partnersSeeTheirMeetingsAgreementsAndOthersFindNothing() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            let (coalition, sport) = try await OverlegAppTests.organisation(app, "Sportclub Rivierstad", kind: "sport")
            let (_, welzijn) = try await OverlegAppTests.organisation(app, "Welzijn Rivierstad", kind: "welzijn")
            let withSport = try await Self.meeting(app, &pl, invited: sport)
            let withWelzijn = try await Self.meeting(app, &pl, invited: welzijn)
            try await pl.get("\(Self.base)/\(withSport)/afspraken/nieuw")
            #expect(try await pl.post("\(Self.base)/\(withSport)/afspraken/nieuw", ["text": "Sportdag in juni", "place": ""]).status == .seeOther)
            #expect(try await pl.post("\(Self.base)/\(withWelzijn)/afspraken/nieuw", ["text": "Inloop op woensdag", "place": ""]).status == .seeOther)
            let agreement = try #require(try await AgreementRecord.query(on: app.db).filter(\.$meetingID == withSport).first())

            try await VragenlijstenAppTests.member(app, coalition, email: "partner@rivierstad.example", role: .partner, partner: sport)
            var partner = try await Fixture.login(app, email: "partner@rivierstad.example")
            let seen = try await partner.get(Self.base).body.string
            #expect(seen.contains("Sportdag in juni") && !seen.contains("Inloop op woensdag") && !seen.contains("Maak er een actie van"))
            #expect(try await partner.get("\(Self.base)/\(withSport)/afspraken/nieuw").status == .forbidden)
            #expect(try await partner.post("\(Self.base)/\(withSport)/afspraken/\(agreement.id!)/verwijderen", [:]).status == .forbidden)

            // Another coalition's projectleider: not found, whichever id is mixed in.
            _ = try await Fixture.coalition(app, name: "Coalitie Zuidstad", memberEmail: "pl@zuidstad.example", role: .projectleider)
            var outsider = try await Fixture.login(app, email: "pl@zuidstad.example")
            try await outsider.get("/c/coalitie-zuidstad/overleg")
            #expect(try await outsider.get("/c/coalitie-zuidstad/overleg/\(withSport)/afspraken/nieuw").status == .notFound)
            #expect(try await outsider.post("/c/coalitie-zuidstad/overleg/\(withSport)/afspraken/\(agreement.id!)/actie", ["place": "jaarplan", "version": "1"]).status == .notFound)
            #expect(try await outsider.post("/c/coalitie-zuidstad/overleg/\(withSport)/afspraken/\(agreement.id!)/verwijderen", [:]).status == .notFound)
            // The agreement of one meeting is not found under another.
            #expect(try await pl.get("\(Self.base)/\(withWelzijn)/afspraken/\(agreement.id!)/actie").status == .notFound)
            #expect(try await AgreementRecord.query(on: app.db).count() == 2)
            #expect(try await PlanActionRecord.query(on: app.db).count() == 0)
        }
    }
}

/// The network page: who met whom, for all but partners.
@Suite struct NetworkPageTests {
    @Test func showsWhoMetWhomAndWhoWasNotMet() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            var html = try await pl.get("/c/coalitie-rivierstad/netwerk").body.string
            #expect(html.contains("Er zijn nog geen organisaties."))
            let (coalition, gemeente) = try await OverlegAppTests.organisation(app, "Gemeente Rivierstad", kind: "gemeente")
            let (_, lectoraat) = try await OverlegAppTests.organisation(app, "Lectoraat Brede Ontwikkeling", kind: "onderzoek")
            _ = try await AgreementTests.meeting(app, &pl, invited: gemeente)
            html = try await pl.get("/c/coalitie-rivierstad/netwerk").body.string
            #expect(html.contains("<h3>Gemeente</h3>") && html.contains("<h3>Onderzoek</h3>"))
            #expect(html.contains("<th scope=\"row\">Gemeente Rivierstad</th><td>Hele gemeente</td><td>1</td><td>\(app.clock.today.label)</td>"))
            #expect(html.contains("Lectoraat Brede Ontwikkeling <span class=\"muted\">(geen overleg in het afgelopen jaar)</span>"))
            #expect(html.contains("<th scope=\"row\">Gemeente Rivierstad</th><td>1</td>"), "the matrix")
            _ = lectoraat

            try await VragenlijstenAppTests.member(app, coalition, email: "lezer@rivierstad.example", role: .lezer)
            var lezer = try await Fixture.login(app, email: "lezer@rivierstad.example")
            #expect(try await lezer.get("/c/coalitie-rivierstad/netwerk").status == .ok)
            try await VragenlijstenAppTests.member(app, coalition, email: "partner@rivierstad.example", role: .partner, partner: gemeente)
            var partner = try await Fixture.login(app, email: "partner@rivierstad.example")
            #expect(try await partner.get("/c/coalitie-rivierstad/netwerk").status == .forbidden)
            #expect(try await !partner.get("/c/coalitie-rivierstad/overleg").body.string.contains("/netwerk"))
        }
    }
}

/// Contact persons: added with where they work, an overstap keeps the history, the wijk
/// check follows, a stale overstap is a conflict, and roles and other coalitions are kept out.
@Suite struct ContactPersonTests {
    static let base = "/c/coalitie-rivierstad/netwerk/contactpersonen"

    @Test func anOverstapKeepsTheHistoryAndTheWijkItsContact() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            let (coalition, welzijn) = try await OverlegAppTests.organisation(app, "Welzijn Rivierstad", kind: "welzijn")
            let (_, jeugdteam) = try await OverlegAppTests.organisation(app, "Jeugdteam Noord", kind: "jeugdhulp")
            let partner = try #require(try await PartnerRecord.find(welzijn, on: app.db))
            partner.wijk = "Noord"
            try await partner.save(on: app.db)
            var html = try await pl.get("/c/coalitie-rivierstad/netwerk").body.string
            #expect(html.contains("Nog geen contactpersonen.") && html.contains("Geen vaste contactpersoon"))

            try await pl.get("\(Self.base)/nieuw")
            let form = ["name": "Fatima Bakker", "email": "f@welzijn.example", "phone": "06 12345678", "account": "", "organisation": welzijn.uuidString,
                        "function": "Jongerenwerker", "wijk": "Noord", "from": "2025-09-01"]
            var response = try await pl.post("\(Self.base)/nieuw", form.merging(["phone": "bel maar"]) { $1 })
            #expect(response.status == .unprocessableEntity && response.body.string.contains("Fatima Bakker") && response.body.string.contains("telefoonnummer"))
            #expect(try await ContactRecord.query(on: app.db).count() == 0)
            #expect(try await pl.post("\(Self.base)/nieuw", form).status == .seeOther)
            let contact = try #require(try await ContactRecord.query(on: app.db).first())
            html = try await pl.get("/c/coalitie-rivierstad/netwerk").body.string
            #expect(html.contains(">Fatima Bakker</a></th><td>Welzijn Rivierstad</td><td>Jongerenwerker</td><td>Noord</td>") && html.contains("Gehaald"))

            // She moves to the youth team, still Noord's contact; the welfare role ends that day.
            let page = try await pl.get("\(Self.base)/\(contact.id!)/overstap").body.string
            #expect(page.contains("Vanaf 1 september 2025"))
            let move = ["organisation": jeugdteam.uuidString, "function": "Jeugdprofessional", "wijk": "Noord", "from": "2026-01-01"]
            response = try await pl.post("\(Self.base)/\(contact.id!)/overstap", move.merging(["from": "2025-08-01", "version": "1"]) { $1 })
            #expect(response.status == .unprocessableEntity && response.body.string.contains("moet na 1 september 2025 liggen"))
            #expect(try await pl.post("\(Self.base)/\(contact.id!)/overstap", move.merging(["version": "1"]) { $1 }).status == .seeOther)
            let roles = try await ContactRoleRecord.query(on: app.db).sort(\.$fromDay).all()
            #expect(roles.map(\.organisationID) == [welzijn, jeugdteam] && roles.map(\.untilDay) == ["2026-01-01", nil])
            let edit = try await pl.get("\(Self.base)/\(contact.id!)").body.string
            #expect(edit.contains("1 september 2025 tot 1 januari 2026") && edit.contains("Jeugdprofessional") && edit.contains("Overstap vastleggen"))
            // A second overstap from the same old page: a conflict, nothing written.
            response = try await pl.post("\(Self.base)/\(contact.id!)/overstap", move.merging(["from": "2026-02-01", "version": "1"]) { $1 })
            #expect(response.status == .conflict)
            #expect(try await ContactRoleRecord.query(on: app.db).count() == 2)

            // Others: a partner is refused; another coalition finds nothing.
            try await VragenlijstenAppTests.member(app, coalition, email: "partner@rivierstad.example", role: .partner, partner: welzijn)
            var outsiderPartner = try await Fixture.login(app, email: "partner@rivierstad.example")
            #expect(try await outsiderPartner.get("\(Self.base)/\(contact.id!)").status == .forbidden)
            _ = try await Fixture.coalition(app, name: "Coalitie Zuidstad", memberEmail: "pl@zuidstad.example", role: .projectleider)
            var outsider = try await Fixture.login(app, email: "pl@zuidstad.example")
            try await outsider.get("/c/coalitie-zuidstad/netwerk")
            #expect(try await outsider.get("/c/coalitie-zuidstad/netwerk/contactpersonen/\(contact.id!)").status == .notFound)
            #expect(try await outsider.post("/c/coalitie-zuidstad/netwerk/contactpersonen/\(contact.id!)/verwijderen", [:]).status == .notFound)
            #expect(try await outsider.post("/c/coalitie-zuidstad/netwerk/contactpersonen/nieuw", form).status == .unprocessableEntity)

            // Deleting the person deletes the history.
            #expect(try await pl.post("\(Self.base)/\(contact.id!)/verwijderen", [:]).status == .seeOther)
            #expect(try await ContactRoleRecord.query(on: app.db).count() == 0)
        }
    }
}

/// The school year's meetings as a dated summary in step 3 of a bouwblad.
@Suite struct OverlegEvidenceTests {
    @Test func theSummaryGoesIntoStep3WithARevision() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            let bouwblad = try await pl.startMandatory()
            let (_, welzijn) = try await OverlegAppTests.organisation(app, "Welzijn Rivierstad", kind: "welzijn")
            let meeting = try await AgreementTests.meeting(app, &pl, invited: welzijn)
            try await pl.get("\(OverlegAppTests.base)/\(meeting)/afspraken/nieuw")
            #expect(try await pl.post("\(OverlegAppTests.base)/\(meeting)/afspraken/nieuw", ["text": "Sportdag in juni", "owner": "Joost", "place": ""]).status == .seeOther)
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            let year = SchoolYear(containing: app.clock.today)
            let page = try await pl.get(OverlegAppTests.base).body.string
            #expect(page.contains("Overzicht invoegen") && page.contains("value=\"\(cycle.bouwbladID.uuidString)\""))
            let response = try await pl.post("\(OverlegAppTests.base)/invoegen", ["kind": "overleg", "van": year.days.from.iso, "tot": year.days.to.iso,
                                                                            "bouwblad": cycle.bouwbladID.uuidString])
            #expect(response.status == .seeOther && response.headers.first(name: .location)?.hasPrefix(bouwblad) == true)
            let stored = try #require(try await CycleRecord.find(cycle.id, on: app.db)).bereikt
            #expect(stored.hasPrefix("Overleg in schooljaar \(year.key) (stand van \(app.clock.today.label))"))
            #expect(stored.contains("- Wijkoverleg: 1 keer gehouden (\(app.clock.today.label)), met Welzijn Rivierstad"))
            #expect(stored.contains("- Sportdag in juni (wie: Joost)"))
            #expect(try await RevisionRecord.query(on: app.db).filter(\.$field == "bereikt").count() == 1)
            // No bouwblad chosen: a Dutch problem page, nothing changed.
            let refused = try await pl.post("\(OverlegAppTests.base)/invoegen", ["kind": "overleg", "van": year.days.from.iso, "bouwblad": ""])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Kies een bouwblad"))
        }
    }
}

/// An indicator whose value comes from a cadence rule and the meetings held.
@Suite struct CadenceIndicatorAppTests {
    @Test func anIndicatorOfARuleFollowsTheMeetings() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            let (_, welzijn) = try await OverlegAppTests.organisation(app, "Welzijn Rivierstad", kind: "welzijn")
            try await pl.get("\(OverlegAppTests.base)/afspraken/nieuw")
            #expect(try await pl.post("\(OverlegAppTests.base)/afspraken/nieuw", ["minimum": "1", "kind": "", "rhythm": "kwartaal", "organisations[]": welzijn.uuidString]).status == .seeOther)
            let rule = try #require(try await CadenceRuleRecord.query(on: app.db).first())
            let form = try await pl.get("/c/coalitie-rivierstad/indicatoren/nieuw").body.string
            #expect(form.contains("Afspraak over overleg gehaald") && form.contains("value=\"\(rule.id!.uuidString)\""))
            let indicator = ["name": "Overleg met Welzijn", "area": "Samenwerking", "source": "overleg", "rule": rule.id!.uuidString, "question": "", "measure": "hoogste-twee",
                             "unit": "aantal", "direction": "hoger", "norm": "100", "signal": "", "rhythm": "schooljaar", "perLocation": "nee"]
            #expect(try await pl.post("/c/coalitie-rivierstad/indicatoren/nieuw", indicator.merging(["rule": ""]) { $1 }).status == .unprocessableEntity)
            #expect(try await pl.post("/c/coalitie-rivierstad/indicatoren/nieuw", indicator).status == .seeOther)
            let record = try #require(try await IndicatorRecord.query(on: app.db).first())
            #expect(record.cadenceRuleID == rule.id && record.rhythm == "kwartaal" && record.unit == "percentage")
            var page = try await pl.get("/c/coalitie-rivierstad/indicatoren/\(record.id!)").body.string
            #expect(page.contains("0 keer overleg gehouden, minstens 1 keer afgesproken"))
            _ = try await AgreementTests.meeting(app, &pl, invited: welzijn)
            page = try await pl.get("/c/coalitie-rivierstad/indicatoren/\(record.id!)").body.string
            #expect(page.contains("1 keer overleg gehouden, minstens 1 keer afgesproken: gehaald."))
        }
    }
}

/// Each member's own calendar feed: a partner's holds only the meetings of their
/// organisation; a lezer may make one; renewing ends the old address.
@Suite struct PersonalFeedTests {
    static func address(_ html: String) throws -> String {
        String(try #require(html.firstMatch(of: /id="eigen-agenda-link" type="text" value="http:\/\/[^\/]+(\/agenda\/[A-Za-z0-9_-]{43}\.ics)"/)?.1))
    }

    @Test func aPartnersOwnFeedHoldsOnlyTheirMeetings() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            let (coalition, sport) = try await OverlegAppTests.organisation(app, "Sportclub Rivierstad", kind: "sport")
            let (_, welzijn) = try await OverlegAppTests.organisation(app, "Welzijn Rivierstad", kind: "welzijn")
            try await pl.get("\(OverlegAppTests.base)/nieuw")
            #expect(try await pl.post("\(OverlegAppTests.base)/nieuw", OverlegAppTests.meeting(day: app.clock.today, invited: sport, extra: ["place": "Sporthal Zuid"])).status == .seeOther)
            #expect(try await pl.post("\(OverlegAppTests.base)/nieuw", OverlegAppTests.meeting(day: app.clock.today, invited: welzijn, extra: ["place": "Buurthuis Noord"])).status == .seeOther)

            try await VragenlijstenAppTests.member(app, coalition, email: "partner@rivierstad.example", role: .partner, partner: sport)
            var partner = try await Fixture.login(app, email: "partner@rivierstad.example")
            var html = try await partner.get(OverlegAppTests.base).body.string
            #expect(html.contains("Je hebt nog geen eigen agenda-link.") && !html.contains("id=\"feed-url\""))
            #expect(try await partner.post("\(OverlegAppTests.base)/mijn-agenda", [:]).status == .seeOther)
            html = try await partner.get(OverlegAppTests.base).body.string
            let address = try Self.address(html)
            var calendar = Browser(app)
            let feed = try await calendar.get(address).body.string
            #expect(feed.contains("LOCATION:Sporthal Zuid") && !feed.contains("Buurthuis Noord"))

            // The projectleider's own feed holds both; renewing ends the old address.
            try await pl.get(OverlegAppTests.base)
            #expect(try await pl.post("\(OverlegAppTests.base)/mijn-agenda", [:]).status == .seeOther)
            let own = try Self.address(try await pl.get(OverlegAppTests.base).body.string)
            let all = try await calendar.get(own).body.string
            #expect(all.contains("Sporthal Zuid") && all.contains("Buurthuis Noord") && own != address)
            #expect(try await partner.post("\(OverlegAppTests.base)/mijn-agenda", [:]).status == .seeOther)
            #expect(try await calendar.get(address).status == .notFound)
            #expect(try await PersonalFeedRecord.query(on: app.db).count() == 2)

            // Leaving the coalition ends the feed.
            let renewed = try Self.address(try await partner.get(OverlegAppTests.base).body.string)
            try await MembershipRecord.query(on: app.db).filter(\.$role == .partner).delete()
            #expect(try await calendar.get(renewed).status == .notFound)

            // A lezer may make one too.
            try await VragenlijstenAppTests.member(app, coalition, email: "lezer@rivierstad.example", role: .lezer)
            var lezer = try await Fixture.login(app, email: "lezer@rivierstad.example")
            try await lezer.get(OverlegAppTests.base)
            #expect(try await lezer.post("\(OverlegAppTests.base)/mijn-agenda", [:]).status == .seeOther)
            #expect(try await calendar.get(try Self.address(try await lezer.get(OverlegAppTests.base).body.string)).body.string.contains("Buurthuis Noord"))
        }
    }
}

/// The report's appendix on meetings and cadence: there when the coalition has either.
@Suite struct NetworkReportTests {
    @Test func theReportHasAnAppendixOfMeetingsAndRules() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            var html = try await pl.get("/c/coalitie-rivierstad/rapport/afdrukken").body.string
            #expect(!html.contains("bijlage-overleg"))
            let (_, welzijn) = try await OverlegAppTests.organisation(app, "Welzijn Rivierstad", kind: "welzijn")
            _ = try await AgreementTests.meeting(app, &pl, invited: welzijn)
            try await pl.get("\(OverlegAppTests.base)/afspraken/nieuw")
            #expect(try await pl.post("\(OverlegAppTests.base)/afspraken/nieuw", ["minimum": "1", "kind": "Wijkoverleg", "rhythm": "kwartaal"]).status == .seeOther)
            html = try await pl.get("/c/coalitie-rivierstad/rapport/afdrukken").body.string
            #expect(html.contains("<a href=\"#bijlage-overleg\">Bijlage: overleg en samenwerking</a>"))
            #expect(html.contains("<td>Wijkoverleg</td><td>1 keer</td><td>Welzijn Rivierstad</td>"))
            #expect(html.contains("<td>Minstens 1 keer wijkoverleg per kwartaal</td>") && html.contains("<td>Gehaald</td>"))
            let docx = try await pl.get("/c/coalitie-rivierstad/rapport/rapport.docx")
            #expect(docx.status == .ok)
        }
    }
}
