import Domain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import App

/// Meetings and cadence rules through HTTP: a rule turns from at risk to met when a
/// meeting is held, wrong input comes back as typed, a stale save is a conflict, roles and
/// another coalition.
@Suite struct OverlegAppTests {
    static let base = "/c/coalitie-rivierstad/overleg"

    static func organisation(_ app: Application, _ name: String, kind: String = "overig") async throws -> (coalition: CoalitionRecord, id: UUID) {
        let coalition = try #require(try await CoalitionRecord.query(on: app.db).filter(\.$slug == "coalitie-rivierstad").first())
        let partner = PartnerRecord(coalitionID: coalition.id!, name: name, kind: kind)
        try await partner.create(on: app.db)
        return (coalition, partner.id!)
    }

    static func meeting(day: IsoDate, status: String = "gepland", invited: UUID? = nil, present: UUID? = nil, extra: [String: String] = [:]) -> [String: String] {
        var form = ["kind": "wijkoverleg", "otherKind": "", "date": day.iso, "start": "15:30", "end": "17:00", "place": "Het Anker",
                    "status": status, "agenda": "1. Rooster\n2. Rondvraag", "report": ""]
        if let invited { form["invited[]"] = invited.uuidString }
        if let present { form["present[]"] = present.uuidString }
        return form.merging(extra) { $1 }
    }

    @Test func aHeldMeetingTurnsTheRuleFromAtRiskToMet() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            let (_, gemeente) = try await Self.organisation(app, "Gemeente Rivierstad")
            var html = try await pl.get(Self.base).body.string
            #expect(html.contains("Nog geen afspraken over hoe vaak jullie overleggen.") && html.contains("Geen overleg in dit schooljaar."))
            try await pl.get("\(Self.base)/afspraken/nieuw")
            let rule = ["minimum": "1", "kind": "Wijkoverleg", "rhythm": "kwartaal", "organisations[]": gemeente.uuidString]
            #expect(try await pl.post("\(Self.base)/afspraken/nieuw", rule).status == .seeOther)
            html = try await pl.get(Self.base).body.string
            #expect(html.contains("Minstens 1 keer wijkoverleg per kwartaal, met Gemeente Rivierstad"))
            #expect(html.contains("Loopt risico") && html.contains("0 van de 1 gehouden"))

            // Planned today: still at risk, one planned.
            let today = app.clock.today
            try await pl.get("\(Self.base)/nieuw")
            #expect(try await pl.post("\(Self.base)/nieuw", Self.meeting(day: today, invited: gemeente)).status == .seeOther)
            html = try await pl.get(Self.base).body.string
            #expect(html.contains("Loopt risico") && html.contains("0 van de 1 gehouden, 1 gepland"))
            #expect(html.contains("Uitgenodigd: Gemeente Rivierstad") && html.contains("15:30–17:00"))

            // Held, with the municipality there: met.
            let record = try #require(try await MeetingRecord.query(on: app.db).first())
            try await pl.get("\(Self.base)/\(record.id!)")
            let held = Self.meeting(day: today, status: "gehouden", invited: gemeente, present: gemeente, extra: ["report": "Vaste contactpersoon per wijk afgesproken.", "version": "1"])
            #expect(try await pl.post("\(Self.base)/\(record.id!)", held).status == .seeOther)
            html = try await pl.get(Self.base).body.string
            #expect(html.contains("Gehaald") && html.contains("1 van de 1 gehouden") && !html.contains("Loopt risico"))
            #expect(html.contains("Vaste contactpersoon per wijk afgesproken."))
            // A meeting of another kind would not have counted.
            let stored = try #require(try await MeetingRecord.find(record.id!, on: app.db))
            #expect(stored.status == .gehouden && stored.version == 2 && stored.presentIDs == gemeente.uuidString)
        }
    }

    @Test func aWrongFormKeepsWhatWasTypedAndStoresNothing() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            try await pl.get("\(Self.base)/nieuw")
            var response = try await pl.post("\(Self.base)/nieuw", Self.meeting(day: app.clock.today, extra: ["date": "2026-02-31", "place": "Bibliotheek Oost"]))
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Bibliotheek Oost") && response.body.string.contains("bestaande datum"))
            response = try await pl.post("\(Self.base)/nieuw", Self.meeting(day: app.clock.today, extra: ["start": "17:00", "end": "15:00"]))
            #expect(response.status == .unprocessableEntity && response.body.string.contains("De eindtijd moet na de begintijd liggen."))
            response = try await pl.post("\(Self.base)/nieuw", Self.meeting(day: app.clock.today, invited: UUID()))
            #expect(response.status == .unprocessableEntity)
            response = try await pl.post("\(Self.base)/nieuw", Self.meeting(day: app.clock.today, extra: ["kind": "Koffie"]))
            #expect(response.status == .unprocessableEntity)
            // The coalition's own kind is fine.
            response = try await pl.post("\(Self.base)/nieuw", Self.meeting(day: app.clock.today, extra: ["kind": "", "otherKind": "Netwerkcirkel Oost"]))
            #expect(response.status == .seeOther)
            #expect(try await MeetingRecord.query(on: app.db).all().map(\.kind) == ["Netwerkcirkel Oost"])
            try await pl.get("\(Self.base)/afspraken/nieuw")
            response = try await pl.post("\(Self.base)/afspraken/nieuw", ["minimum": "nul", "kind": "", "rhythm": "maand"])
            #expect(response.status == .unprocessableEntity && response.body.string.contains("nul"))
            // A kind the coalition used may be named in a rule.
            response = try await pl.post("\(Self.base)/afspraken/nieuw", ["minimum": "2", "kind": "Netwerkcirkel Oost", "rhythm": "halfjaar"])
            #expect(response.status == .seeOther)
            #expect(try await CadenceRuleRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func aSeriesMakesEveryMeetingOrNone() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            try await pl.get("\(Self.base)/nieuw")
            let first = try #require(IsoDate("2026-01-06"))  // the first Tuesday of January
            var response = try await pl.post("\(Self.base)/nieuw", Self.meeting(day: first, extra: ["repeats": "kwartaal", "until": "", "place": "Buurthuis"]))
            #expect(response.status == .unprocessableEntity && response.body.string.contains("Vul de laatste datum in."))
            #expect(response.body.string.contains("Buurthuis"))
            #expect(try await MeetingRecord.query(on: app.db).count() == 0)
            response = try await pl.post("\(Self.base)/nieuw", Self.meeting(day: first, extra: ["repeats": "kwartaal", "until": "2026-12-31"]))
            #expect(response.status == .seeOther)
            let days = try await MeetingRecord.query(on: app.db).sort(\.$day).all().map(\.day)
            #expect(days == ["2026-01-06", "2026-04-07", "2026-07-07", "2026-10-06"])
            // Editing one changes only that one; the form offers no repeat there.
            let one = try #require(try await MeetingRecord.query(on: app.db).filter(\.$day == "2026-04-07").first())
            #expect(try await !pl.get("\(Self.base)/\(one.id!)").body.string.contains("Herhalen"))
        }
    }

    @Test func aStaleSaveIsAConflictThatKeepsTheText() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            try await pl.get("\(Self.base)/nieuw")
            #expect(try await pl.post("\(Self.base)/nieuw", Self.meeting(day: app.clock.today)).status == .seeOther)
            let record = try #require(try await MeetingRecord.query(on: app.db).first())
            try await pl.get("\(Self.base)/\(record.id!)")
            let first = Self.meeting(day: app.clock.today, extra: ["report": "Eerste versie", "version": "1"])
            #expect(try await pl.post("\(Self.base)/\(record.id!)", first).status == .seeOther)
            let second = Self.meeting(day: app.clock.today, extra: ["report": "Mijn eigen verslag", "version": "1"])
            let response = try await pl.post("\(Self.base)/\(record.id!)", second)
            #expect(response.status == .conflict && response.body.string.contains("Mijn eigen verslag"))
            #expect(try await MeetingRecord.find(record.id!, on: app.db)?.report == "Eerste versie")
        }
    }

    @Test func rolesPartnersAndAnotherCoalition() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            let (coalition, sport) = try await Self.organisation(app, "Sportclub Rivierstad", kind: "sport")
            let (_, welzijn) = try await Self.organisation(app, "Welzijn Rivierstad", kind: "welzijn")
            try await pl.get("\(Self.base)/nieuw")
            #expect(try await pl.post("\(Self.base)/nieuw", Self.meeting(day: app.clock.today, invited: sport, extra: ["agenda": "Over sport"])).status == .seeOther)
            #expect(try await pl.post("\(Self.base)/nieuw", Self.meeting(day: app.clock.today, invited: welzijn, extra: ["agenda": "Over welzijn"])).status == .seeOther)
            let meeting = try #require(try await MeetingRecord.query(on: app.db).first())

            try await VragenlijstenAppTests.member(app, coalition, email: "lezer@rivierstad.example", role: .lezer)
            var lezer = try await Fixture.login(app, email: "lezer@rivierstad.example")
            let read = try await lezer.get(Self.base).body.string
            #expect(read.contains("Over sport") && read.contains("Over welzijn") && !read.contains("Overleg plannen"))
            #expect(try await lezer.get("\(Self.base)/nieuw").status == .forbidden)
            #expect(try await lezer.get("\(Self.base)/\(meeting.id!)").status == .forbidden)
            #expect(try await lezer.post("\(Self.base)/\(meeting.id!)/verwijderen", [:]).status == .forbidden)

            // A partner sees the meeting their organisation was invited to, not the other.
            try await VragenlijstenAppTests.member(app, coalition, email: "partner@rivierstad.example", role: .partner, partner: sport)
            var partner = try await Fixture.login(app, email: "partner@rivierstad.example")
            let seen = try await partner.get(Self.base).body.string
            #expect(seen.contains("Over sport") && !seen.contains("Over welzijn"))
            #expect(try await partner.get("\(Self.base)/nieuw").status == .forbidden)

            // Another coalition's projectleider finds nothing by these ids.
            let (other, _) = try await Fixture.coalition(app, name: "Coalitie Zuidstad", memberEmail: "pl@zuidstad.example", role: .projectleider)
            var outsider = try await Fixture.login(app, email: "pl@zuidstad.example")
            #expect(try await outsider.get("/c/coalitie-zuidstad/overleg/\(meeting.id!)").status == .notFound)
            try await outsider.get("/c/coalitie-zuidstad/overleg")
            #expect(try await outsider.post("/c/coalitie-zuidstad/overleg/\(meeting.id!)/verwijderen", [:]).status == .notFound)
            #expect(try await !outsider.get("/c/coalitie-zuidstad/overleg").body.string.contains("Over sport"))
            let store = OverlegStore(coalitionID: other.id!, on: app.db)
            #expect(try await store.meeting(meeting.id!) == nil)
            #expect(try await store.meetings(in: SchoolYear(containing: app.clock.today).days).isEmpty)
            #expect(try await !store.update(meeting.id!, from: meeting.version, MeetingInput(kind: "Overgenomen", day: app.clock.today), now: Date()))
            #expect(try await MeetingRecord.query(on: app.db).count() == 2)
        }
    }
}

/// The calendar feed at its secret address: made and renewed by the projectleider only, read
/// without a session, and the old address ends when it is renewed.
@Suite struct CalendarFeedTests {
    static let base = OverlegAppTests.base

    @Test func theFeedListsTheMeetingsAndARenewedAddressEndsTheOld() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            try await pl.get("\(Self.base)/nieuw")
            let form = OverlegAppTests.meeting(day: app.clock.today, extra: ["kind": "", "otherKind": "Netwerkcirkel Oost, Noord; Zuid", "place": "Buurthuis"])
            #expect(try await pl.post("\(Self.base)/nieuw", form).status == .seeOther)
            var html = try await pl.get(Self.base).body.string
            #expect(html.contains("Er is nog geen agenda-link.") && html.contains("Agenda-link maken"))
            #expect(try await pl.post("\(Self.base)/agenda", [:]).status == .seeOther)
            html = try await pl.get(Self.base).body.string
            let address = try #require(html.firstMatch(of: /id="feed-url" type="text" value="http:\/\/[^\/]+(\/agenda\/[A-Za-z0-9_-]{43}\.ics)"/)?.1)

            // A calendar program has no session.
            var calendar = Browser(app)
            let feed = try await calendar.get(String(address))
            #expect(feed.status == .ok && feed.headers.contentType?.description.hasPrefix("text/calendar") == true)
            let text = feed.body.string
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.contains("SUMMARY:Netwerkcirkel Oost\\, Noord\\; Zuid\r\n"))
            #expect(text.contains("DTSTART;TZID=Europe/Amsterdam:\(app.clock.today.iso.replacingOccurrences(of: "-", with: ""))T153000"))
            #expect(text.contains("LOCATION:Buurthuis") && text.contains("X-WR-CALNAME:Overleg Coalitie Rivierstad"))

            // Renewed: the old address is gone, the new one works.
            html = try await pl.get(Self.base).body.string
            #expect(html.contains("Nieuwe agenda-link maken"))
            #expect(try await pl.post("\(Self.base)/agenda", [:]).status == .seeOther)
            #expect(try await calendar.get(String(address)).status == .notFound)
            html = try await pl.get(Self.base).body.string
            let renewed = try #require(html.firstMatch(of: /id="feed-url" type="text" value="http:\/\/[^\/]+(\/agenda\/[A-Za-z0-9_-]{43}\.ics)"/)?.1)
            #expect(renewed != address)
            #expect(try await calendar.get(String(renewed)).status == .ok)
            #expect(try await CalendarFeedRecord.query(on: app.db).count() == 1)
            // Unknown or malformed addresses find nothing.
            #expect(try await calendar.get("/agenda/" + String(repeating: "A", count: 43) + ".ics").status == .notFound)
            #expect(try await calendar.get("/agenda/kort.ics").status == .notFound)
            #expect(try await calendar.get("/agenda/" + String(renewed.dropFirst(8).dropLast(4))).status == .notFound)
        }
    }

    @Test func onlyTheProjectleiderMakesTheAddressCoordinatorsSeeIt() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            let (coalition, _) = try await OverlegAppTests.organisation(app, "Gemeente Rivierstad")
            try await pl.get(Self.base)
            #expect(try await pl.post("\(Self.base)/agenda", [:]).status == .seeOther)
            try await VragenlijstenAppTests.member(app, coalition, email: "coo@rivierstad.example", role: .coordinator)
            var coordinator = try await Fixture.login(app, email: "coo@rivierstad.example")
            let html = try await coordinator.get(Self.base).body.string
            #expect(html.contains("id=\"feed-url\"") && !html.contains("agenda-link maken"))
            #expect(try await coordinator.post("\(Self.base)/agenda", [:]).status == .forbidden)
            try await VragenlijstenAppTests.member(app, coalition, email: "lezer@rivierstad.example", role: .lezer)
            var lezer = try await Fixture.login(app, email: "lezer@rivierstad.example")
            #expect(try await !lezer.get(Self.base).body.string.contains("feed-url"))
            #expect(try await lezer.post("\(Self.base)/agenda", [:]).status == .forbidden)
        }
    }
}
