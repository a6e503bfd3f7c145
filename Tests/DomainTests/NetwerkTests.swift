import Foundation
import Testing

@testable import Domain

private func day(_ s: String) -> IsoDate { IsoDate(s)! }

@Suite struct MeetingSeriesTests {
    @Test func theFirstTuesdayOfEveryQuarter() throws {
        let series = try #require(MeetingSeries(from: day("2026-01-01"), until: day("2026-12-31"), pattern: .monthly(months: 3, ordinal: .eerste, weekday: .dinsdag)))
        #expect(series.dates == [day("2026-01-06"), day("2026-04-07"), day("2026-07-07"), day("2026-10-06")])
        #expect(series.dates.allSatisfy { $0.weekday == .dinsdag })
        #expect(series.label == "Elke eerste dinsdag van het kwartaal (januari, april, juli, oktober)")
    }

    @Test func theLastFridayAndAFirstDayThatIsNotInTheSeries() throws {
        // From the 20th: January's last Friday (the 30th) is still in; the first Monday of January (the 5th) is not.
        let last = try #require(MeetingSeries(from: day("2026-01-20"), until: day("2026-03-31"), pattern: .monthly(months: 1, ordinal: .laatste, weekday: .vrijdag)))
        #expect(last.dates == [day("2026-01-30"), day("2026-02-27"), day("2026-03-27")])
        let first = try #require(MeetingSeries(from: day("2026-01-20"), until: day("2026-03-31"), pattern: .monthly(months: 1, ordinal: .eerste, weekday: .maandag)))
        #expect(first.dates == [day("2026-02-02"), day("2026-03-02")])
        #expect(first.label == "Elke eerste maandag van de maand")
    }

    @Test func aFourthWeekdayInAShortFebruaryAndALeapYear() {
        #expect(MeetingSeries.day(.vierde, .zondag, of: Month(year: 2026, month: 2)!) == day("2026-02-22"))
        #expect(MeetingSeries.day(.laatste, .zondag, of: Month(year: 2026, month: 2)!) == day("2026-02-22"))
        #expect(MeetingSeries.day(.laatste, .donderdag, of: Month(year: 2028, month: 2)!) == day("2028-02-24"))
        #expect(MeetingSeries.day(.laatste, .dinsdag, of: Month(year: 2028, month: 2)!) == day("2028-02-29"))
    }

    @Test func everyTwoWeeksOnTheFirstDaysWeekday() throws {
        let series = try #require(MeetingSeries(from: day("2026-03-04"), until: day("2026-04-01"), pattern: .weekly(weeks: 2)))
        #expect(series.dates == [day("2026-03-04"), day("2026-03-18"), day("2026-04-01")])
        #expect(series.label == "Elke 2 weken op woensdag")
        #expect(series.dates(in: DateRange(from: day("2026-03-10"), to: day("2026-03-31"))!) == [day("2026-03-18")])
    }

    @Test func aRepeatKeepsTheWeekdayOfTheMonth() throws {
        // 6 January 2026 is the first Tuesday: every quarter on the first Tuesday.
        let quarterly = try #require(MeetingSeries(repeating: day("2026-01-06"), .kwartaal, until: day("2026-12-31")))
        #expect(quarterly.dates == [day("2026-01-06"), day("2026-04-07"), day("2026-07-07"), day("2026-10-06")])
        // 29 January 2026 is the fifth Thursday: it repeats on the last Thursday.
        let last = try #require(MeetingSeries(repeating: day("2026-01-29"), .maand, until: day("2026-03-31")))
        #expect(last.dates == [day("2026-01-29"), day("2026-02-26"), day("2026-03-26")])
        #expect(MeetingSeries(repeating: day("2026-01-29"), .nee, until: day("2026-03-31")) == nil)
        #expect(try #require(MeetingSeries(repeating: day("2026-03-04"), .tweeWeken, until: day("2026-03-31"))).dates.count == 2)
    }

    @Test func theFormsRepeatNeedsAnEndWithinFiveYears() {
        var errors = FieldErrors()
        #expect(MeetingForm.days(MeetingForm(repeats: "nee"), first: day("2026-01-06"), into: &errors) == [day("2026-01-06")])
        #expect(MeetingForm.days(MeetingForm(), first: day("2026-01-06"), into: &errors) == [day("2026-01-06")], "no choice is no repeat")
        #expect(errors.isEmpty)
        #expect(MeetingForm.days(MeetingForm(repeats: "kwartaal"), first: day("2026-01-06"), into: &errors) == nil)
        #expect(errors[MeetingForm.CodingKeys.until] == .required)
        errors = FieldErrors()
        #expect(MeetingForm.days(MeetingForm(repeats: "kwartaal", until: "2025-12-31"), first: day("2026-01-06"), into: &errors) == nil)
        #expect(errors[MeetingForm.CodingKeys.until] == .periodEndBeforeStart)
        errors = FieldErrors()
        #expect(MeetingForm.days(MeetingForm(repeats: "week", until: "2032-01-01"), first: day("2026-01-06"), into: &errors) == nil)
        #expect(errors[MeetingForm.CodingKeys.until] == .tooFarAhead(years: 5))
        errors = FieldErrors()
        #expect(MeetingForm.days(MeetingForm(repeats: "elke-dag", until: "2026-02-01"), first: day("2026-01-06"), into: &errors) == nil)
        #expect(errors[MeetingForm.CodingKeys.repeats] == .unknownChoice)
    }

    @Test func seriesAreBounded() {
        #expect(MeetingSeries(from: day("2026-03-04"), until: day("2026-03-03"), pattern: .weekly(weeks: 1)) == nil)
        #expect(MeetingSeries(from: day("2026-01-01"), until: day("2032-01-01"), pattern: .weekly(weeks: 1)) == nil, "more than five years")
        #expect(MeetingSeries(from: day("2026-01-01"), until: day("2026-12-31"), pattern: .weekly(weeks: 0)) == nil)
        #expect(MeetingSeries(from: day("2026-01-01"), until: day("2026-12-31"), pattern: .monthly(months: 5, ordinal: .eerste, weekday: .maandag)) == nil)
        let weekly = MeetingSeries(from: day("2026-01-01"), until: day("2030-12-31"), pattern: .weekly(weeks: 1))!
        #expect(weekly.dates.count == MeetingSeries.maxOccurrences)
        // Near the last year a date can hold, the months stop instead of repeating.
        let late = MeetingSeries(from: day("2099-01-01"), until: day("2100-12-31"), pattern: .monthly(months: 12, ordinal: .eerste, weekday: .maandag))!
        #expect(late.dates == [day("2099-01-05"), day("2100-01-04")])
    }
}

@Suite struct CadenceTests {
    let noord = UUID(), zuid = UUID(), school = UUID()

    func meeting(_ d: String, _ orgs: Set<UUID>, kind: String = "wijkoverleg", held: Bool = true) -> CadenceMeeting {
        CadenceMeeting(day: day(d), kind: kind, organisations: orgs, held: held)
    }

    @Test func aQuarterIsAtRiskWhileItRunsMetWhenHeldMissedWhenOver() throws {
        let rule = try #require(CadenceRule(minimum: 1, kind: "wijkoverleg", organisations: [], eachOrganisation: false, rhythm: .kwartaal))
        let quarter = IndicatorPeriod(.kwartaal, containing: day("2026-03-01")) // February–April
        let planned = [meeting("2026-04-07", [noord], held: false)]
        let running = rule.check(quarter, meetings: planned, today: day("2026-03-01"))
        #expect(running.status == .risico && running.parts[0].planned == 1 && running.parts[0].held == 0)
        #expect(rule.check(quarter, meetings: planned, today: day("2026-05-01")).status == .gemist, "a plan that did not happen does not count")
        let held = [meeting("2026-04-07", [noord])]
        #expect(rule.check(quarter, meetings: held, today: day("2026-04-08")).status == .gehaald)
    }

    @Test func periodBoundariesFollowTheSchoolYear() throws {
        let rule = try #require(CadenceRule(minimum: 1, kind: nil, organisations: [], eachOrganisation: false, rhythm: .kwartaal))
        // 31 January is the last day of the November–January quarter, 1 February the first of the next.
        let meetings = [meeting("2026-01-31", [school], kind: "netwerkoverleg")]
        let novJan = IndicatorPeriod(.kwartaal, containing: day("2026-01-31")), febApr = novJan.next
        #expect(rule.check(novJan, meetings: meetings, today: day("2026-06-01")).status == .gehaald)
        #expect(rule.check(febApr, meetings: meetings, today: day("2026-06-01")).status == .gemist)
        let year = try #require(CadenceRule(minimum: 2, kind: nil, organisations: [], eachOrganisation: false, rhythm: .schooljaar))
        let twoYears = [meeting("2025-07-31", [school], kind: "bestuurlijk overleg"), meeting("2025-08-01", [school], kind: "bestuurlijk overleg")]
        #expect(year.check(IndicatorPeriod(.schooljaar, containing: day("2025-08-01")), meetings: twoYears, today: day("2026-08-01")).status == .gemist)
    }

    @Test func kindAndOrganisationsNarrowWhatCounts() throws {
        let rule = try #require(CadenceRule(minimum: 2, kind: "wijkoverleg", organisations: [noord], eachOrganisation: false, rhythm: .halfjaar))
        let half = IndicatorPeriod(.halfjaar, containing: day("2026-03-01"))
        let meetings = [meeting("2026-02-10", [noord, school]), meeting("2026-03-10", [noord], kind: "netwerkoverleg"), meeting("2026-04-10", [zuid])]
        let check = rule.check(half, meetings: meetings, today: day("2026-05-01"))
        #expect(check.parts[0].held == 1 && check.status == .risico && check.parts[0].organisation == nil)
    }

    @Test func everyWijkOnItsOwnTheWorstCounts() throws {
        let rule = try #require(CadenceRule(minimum: 1, kind: "wijkoverleg", organisations: [noord, zuid], eachOrganisation: true, rhythm: .kwartaal))
        let quarter = IndicatorPeriod(.kwartaal, containing: day("2026-03-01"))
        let meetings = [meeting("2026-02-10", [noord])]
        let check = rule.check(quarter, meetings: meetings, today: day("2026-05-01"))
        #expect(check.parts.count == 2)
        #expect(check.parts.first { $0.organisation == noord }?.status == .gehaald)
        #expect(check.parts.first { $0.organisation == zuid }?.status == .gemist)
        #expect(check.status == .gemist && check.shareMet == 50)
    }

    @Test func rulesAreBounded() {
        #expect(CadenceRule(minimum: 0, kind: nil, organisations: [], eachOrganisation: false, rhythm: .kwartaal) == nil)
        #expect(CadenceRule(minimum: 53, kind: nil, organisations: [], eachOrganisation: false, rhythm: .kwartaal) == nil)
        #expect(CadenceRule(minimum: 1, kind: nil, organisations: [], eachOrganisation: false, rhythm: .maand) == nil)
        #expect(CadenceRule(minimum: 1, kind: nil, organisations: [], eachOrganisation: true, rhythm: .kwartaal)?.eachOrganisation == false)
    }
}

@Suite struct ICalendarTests {
    @Test func aFeedWithATimedAndAWholeDayEvent() throws {
        let events = [
            CalendarEvent(uid: "a@bouwstenen", day: day("2026-04-07"), start: ClockTime("15:30"), end: ClockTime("17:00"),
                          summary: "Wijkoverleg Noord; met de gemeente, school", location: "Het Anker", description: "Agenda:\n1. Rooster", sequence: 3),
            CalendarEvent(uid: "b@bouwstenen", day: day("2026-12-31"), start: nil, end: nil, summary: "Kwaliteitskring", cancelled: true),
        ]
        let feed = ICalendar.feed(name: "Coalitie Rivierstad", events: events, stamp: Date(timeIntervalSince1970: 1_796_558_400 + 61))
        let lines = feed.components(separatedBy: "\r\n")
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.dropLast().last == "END:VCALENDAR" && lines.last == "")
        #expect(lines.contains("DTSTART;TZID=Europe/Amsterdam:20260407T153000"))
        #expect(lines.contains("DTEND;TZID=Europe/Amsterdam:20260407T170000"))
        #expect(lines.contains("SUMMARY:Wijkoverleg Noord\\; met de gemeente\\, school"))
        #expect(lines.contains("DESCRIPTION:Agenda:\\n1. Rooster"))
        #expect(lines.contains("SEQUENCE:3"))
        #expect(lines.contains("DTSTART;VALUE=DATE:20261231") && lines.contains("DTEND;VALUE=DATE:20270101"))
        #expect(lines.contains("STATUS:CANCELLED"))
        #expect(lines.contains("DTSTAMP:20261206T120101Z"))
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2)
    }

    @Test func longLinesFoldWithoutSplittingACharacter() {
        let summary = String(repeating: "ë", count: 60)
        let folded = ICalendar.fold("SUMMARY:" + summary)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count > 1)
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(parts.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == "SUMMARY:" + summary)
    }

    @Test func controlCharactersAreDropped() {
        #expect(ICalendar.text("a\u{0}b\u{7}c\r\nd") == "abc\\nd")
    }
}

@Suite struct AgreementInputTests {
    let welzijn = UUID()

    @Test func aPlaceIsTheJaarplanOrABouwbladOnTheList() {
        let bouwblad = UUID()
        #expect(ActionPlace("jaarplan") == .jaarplan && ActionPlace(" bouwblad:\(bouwblad.uuidString) ") == .bouwblad(bouwblad))
        #expect(ActionPlace(ActionPlace.bouwblad(bouwblad).raw) == .bouwblad(bouwblad))
        #expect(ActionPlace("bouwblad:nee") == nil && ActionPlace("prullenbak") == nil && ActionPlace("") == nil)
        var errors = FieldErrors()
        let form = AgreementForm(place: "bouwblad:\(UUID().uuidString)")
        #expect(AgreementInput.place(form, places: [.jaarplan, .bouwblad(bouwblad)], required: false, into: &errors) == nil)
        #expect(errors["place"] == .unknownChoice)
        errors = FieldErrors()
        #expect(AgreementInput.place(AgreementForm(place: ""), places: [.jaarplan], required: false, into: &errors) == nil && errors.isEmpty)
        #expect(AgreementInput.place(AgreementForm(place: ""), places: [.jaarplan], required: true, into: &errors) == nil && errors["place"] == .required)
    }

    @Test func validatesTextOwnerOrganisationAndWhen() {
        var errors = FieldErrors()
        let input = AgreementInput.validate(AgreementForm(text: "  Elke maand langs \n", owner: " Fatima ", organisation: welzijn.uuidString, deadline: "15-3-2027"),
                                            organisations: [welzijn], into: &errors)
        #expect(errors.isEmpty)
        #expect(input == AgreementInput(text: "Elke maand langs", owner: "Fatima", organisation: welzijn, deadline: Wanneer(stored: "2027-03-15")))
        #expect(input?.ownerLabel(organisationName: "Welzijn Rivierstad") == "Fatima (Welzijn Rivierstad)")
        #expect(AgreementInput(text: "x").ownerLabel(organisationName: "Welzijn") == "Welzijn" && AgreementInput(text: "x").ownerLabel(organisationName: nil) == "")

        #expect(AgreementInput.validate(AgreementForm(text: "", organisation: ""), organisations: [], into: &errors) == nil && errors["text"] == .required)
        errors = FieldErrors()
        #expect(AgreementInput.validate(AgreementForm(text: "x", organisation: UUID().uuidString), organisations: [welzijn], into: &errors) == nil)
        #expect(errors["organisation"] == .unknownChoice)
        errors = FieldErrors()
        #expect(AgreementInput.validate(AgreementForm(text: "x", owner: String(repeating: "o", count: 121)), organisations: [], into: &errors) == nil)
        #expect(errors["owner"] != nil)
    }
}

@Suite struct NetworkPictureTests {
    let a = NetworkPicture.Organisation(id: UUID(), name: "Gemeente", kind: "gemeente")
    let b = NetworkPicture.Organisation(id: UUID(), name: "Bibliotheek", kind: "cultuur")
    let c = NetworkPicture.Organisation(id: UUID(), name: "Jeugdteam", kind: "jeugdhulp", wijk: "Noord")
    let today = IsoDate("2026-03-02")!

    func meeting(_ day: String, _ who: [NetworkPicture.Organisation], held: Bool = true) -> CadenceMeeting {
        CadenceMeeting(day: IsoDate(day)!, kind: "Netwerkoverleg", organisations: Set(who.map(\.id)), held: held)
    }

    @Test func countsHeldMeetingsOfTheLastYearPerOrganisationAndPair() {
        let picture = NetworkPicture(organisations: [a, b, c], meetings: [
            meeting("2026-02-10", [a, b]), meeting("2025-11-01", [a]), meeting("2025-06-01", [c]),
            meeting("2026-02-20", [a, b, c], held: false),  // planned: does not count
            meeting("2025-03-01", [b]),  // more than a year ago
            meeting("2026-03-03", [c]),  // tomorrow
        ], today: today)
        #expect(picture.rows.map(\.organisation.name) == ["Bibliotheek", "Gemeente", "Jeugdteam"])
        #expect(picture.rows.map(\.meetings) == [1, 2, 1])
        #expect(picture.rows.map(\.lastMet) == [IsoDate("2026-02-10"), IsoDate("2026-02-10"), IsoDate("2025-06-01")])
        // Half a year: the youth team was last met in June.
        #expect(picture.quiet.map(\.organisation.name) == ["Jeugdteam"])
        #expect(picture.met.map(\.name) == ["Bibliotheek", "Gemeente", "Jeugdteam"])
        #expect(picture.together == [[1, 1, 0], [1, 2, 0], [0, 0, 1]])
        #expect(picture.from == IsoDate("2025-03-02"))
    }

    @Test func anOrganisationNeverMetIsQuietAndOutOfTheMatrix() {
        let picture = NetworkPicture(organisations: [a, b], meetings: [meeting("2026-01-15", [a])], today: today)
        #expect(picture.quiet.map(\.organisation.name) == ["Bibliotheek"] && picture.quiet.first?.lastMet == nil)
        #expect(picture.met == [a] && picture.together == [[1]])
        #expect(NetworkPicture(organisations: [], meetings: [], today: today).rows.isEmpty)
    }
}

@Suite struct ContactTests {
    let welzijn = UUID(), member = UUID()
    let today = IsoDate("2026-03-02")!

    @Test func aPersonWithAPhoneEmailAndAccount() {
        var errors = FieldErrors()
        let input = ContactInput.validate(ContactForm(name: " Fatima Bakker ", email: "f@example.org", phone: "+31 (0)6-12345678", account: member.uuidString),
                                          accounts: [member], into: &errors)
        #expect(errors.isEmpty && input == ContactInput(name: "Fatima Bakker", email: "f@example.org", phone: "+31 (0)6-12345678", account: member))
        for phone in ["bel me", "12", "06 1234 5678 ext"] {
            errors = FieldErrors()
            #expect(ContactInput.validate(ContactForm(name: "A", phone: phone), accounts: [], into: &errors) == nil && errors["phone"] == .notAPhoneNumber, "\(phone)")
        }
        errors = FieldErrors()
        #expect(ContactInput.validate(ContactForm(name: "A", account: UUID().uuidString), accounts: [member], into: &errors) == nil && errors["account"] == .unknownChoice)
        errors = FieldErrors()
        #expect(ContactInput.validate(ContactForm(name: "", email: "geen-adres"), accounts: [], into: &errors) == nil)
        #expect(errors["name"] == .required && errors["email"] != nil)
    }

    @Test func aRoleNeedsAnOrganisationAndADayAfterTheCurrentOne() {
        var errors = FieldErrors()
        let role = ContactRoleInput.validate(ContactForm(organisation: welzijn.uuidString, function: "Jongerenwerker", wijk: "Noord", from: "2025-09-01"),
                                             organisations: [welzijn], today: today, into: &errors)
        #expect(errors.isEmpty && role == ContactRoleInput(organisation: welzijn, function: "Jongerenwerker", wijk: "Noord", from: IsoDate("2025-09-01")!))
        errors = FieldErrors()
        #expect(ContactRoleInput.validate(ContactForm(organisation: "", from: ""), organisations: [welzijn], today: today, into: &errors) == nil)
        #expect(errors["organisation"] == .required && errors["from"] == .required)
        errors = FieldErrors()
        #expect(ContactRoleInput.validate(ContactForm(organisation: welzijn.uuidString, from: "2025-09-01"), organisations: [welzijn], today: today,
                                          after: IsoDate("2025-09-01"), into: &errors) == nil)
        #expect(errors["from"] == .notAfter("1 september 2025"))
        errors = FieldErrors()
        #expect(ContactRoleInput.validate(ContactForm(organisation: welzijn.uuidString, from: "2027-06-01"), organisations: [welzijn], today: today, into: &errors) == nil)
        #expect(errors["from"] == .moreThanAYearAhead)
    }

    @Test func everyWijkHasAFixedContactToday() {
        let roles = [
            WijkContacts.Role(contact: "Fatima", wijk: "Noord", from: IsoDate("2024-09-01")!, until: IsoDate("2025-09-01")),
            WijkContacts.Role(contact: "Fatima", wijk: "noord ", from: IsoDate("2025-09-01")!, until: nil),
            WijkContacts.Role(contact: "Joost", wijk: "Zuid", from: IsoDate("2024-09-01")!, until: IsoDate("2026-01-01")),  // left
            WijkContacts.Role(contact: "Anna", wijk: "Oost", from: IsoDate("2026-04-01")!, until: nil),  // not yet
            WijkContacts.Role(contact: "Ruud", wijk: "", from: IsoDate("2024-09-01")!, until: nil),
        ]
        let check = WijkContacts(organisationWijken: ["Noord", "Zuid", "", "Centrum"], roles: roles, today: today)
        #expect(check.wijken.map(\.wijk) == ["Centrum", "Noord", "Zuid"])
        #expect(check.wijken.map(\.contacts) == [[], ["Fatima"], []])
        #expect(check.missing == ["Centrum", "Zuid"] && check.status == .gemist)
        #expect(WijkContacts(organisationWijken: ["Noord"], roles: roles, today: today).status == .gehaald)
        #expect(WijkContacts(organisationWijken: [], roles: [], today: today).wijken.isEmpty)
    }
}

@Suite struct OverlegSummaryTests {
    @Test func aDatedSummaryOfMeetingsRulesAndAgreements() {
        let d = { (s: String) in IsoDate(s)! }
        let text = OverlegSummary.text(year: "2025-2026", today: d("2026-03-02"), meetings: [
            .init(kind: "Wijkoverleg", day: d("2025-12-02"), status: .gehouden, organisations: ["Welzijn"]),
            .init(kind: "Wijkoverleg", day: d("2025-09-02"), status: .gehouden, organisations: ["Welzijn", "Gemeente"]),
            .init(kind: "Netwerkoverleg", day: d("2025-10-09"), status: .afgelast, organisations: ["Welzijn"]),
            .init(kind: "Netwerkoverleg", day: d("2026-03-12"), status: .gepland, organisations: []),
        ], rules: [.init(label: "Minstens 1 keer wijkoverleg per kwartaal", status: .gehaald, period: "nov–jan 2026", detail: "1 van de 1 gehouden")],
           agreements: [.init(text: "Elke maand langs", who: "Jongerenwerker", when: "elke maand", action: "Actie in het jaarplan 2025-2026"), .init(text: "Ouderavond")])
        #expect(text == """
        Overleg in schooljaar 2025-2026 (stand van 2 maart 2026)

        Gehouden: 2 keer. Afgelast: 1 keer. Nog gepland: 1 keer.
        - Wijkoverleg: 2 keer gehouden (2 september 2025, 2 december 2025), met Gemeente, Welzijn

        Afspraken over hoe vaak we overleggen:
        - Minstens 1 keer wijkoverleg per kwartaal: gehaald (nov–jan 2026: 1 van de 1 gehouden)

        Afspraken uit het overleg:
        - Elke maand langs (wie: Jongerenwerker; wanneer: elke maand; actie in het jaarplan 2025-2026)
        - Ouderavond
        """)
        #expect(OverlegSummary.text(year: "2025-2026", today: d("2026-03-02"), meetings: [], rules: [], agreements: [])
                == "Overleg in schooljaar 2025-2026 (stand van 2 maart 2026)\n\nGehouden: 0 keer. Afgelast: 0 keer. Nog gepland: 0 keer.")
    }
}

@Suite struct CadenceIndicatorTests {
    let noord = UUID(), zuid = UUID(), ruleID = UUID()

    func data(_ meetings: [CadenceMeeting], each: Bool = true) -> IndicatorData {
        var data = IndicatorData(locations: [], domains: [], minimumPerCell: 1, activities: [], sessions: [])
        data.cadenceRules = [ruleID.uuidString: CadenceRule(minimum: 1, kind: "Wijkoverleg", organisations: [noord, zuid], eachOrganisation: each, rhythm: .kwartaal)!]
        data.meetings = meetings
        return data
    }

    @Test func theShareOfWijkenMetInAQuarter() throws {
        let definition = IndicatorDefinition(id: "i", source: .overleg, unit: .percentage, norm: Norm(direction: .hoger, threshold: 100),
                                             rhythm: .kwartaal, cadenceRuleID: ruleID.uuidString)
        let quarter = IndicatorPeriod(.kwartaal, containing: IsoDate("2026-03-02")!)
        let meetings = [CadenceMeeting(day: IsoDate("2026-02-10")!, kind: "Wijkoverleg", organisations: [noord], held: true),
                        CadenceMeeting(day: IsoDate("2026-02-11")!, kind: "Netwerkoverleg", organisations: [zuid], held: true)]
        let m = definition.measure(quarter, in: data(meetings), today: IsoDate("2026-05-01")!)
        #expect(m.value == 50 && m.explanation == "1 van de 2 organisaties hadden minstens 1 keer overleg.")
        let one = definition.measure(quarter, in: data(meetings, each: false), today: IsoDate("2026-05-01")!)
        #expect(one.value == 100 && one.explanation == "1 keer overleg gehouden, minstens 1 keer afgesproken: gehaald.")
        let gone = IndicatorDefinition(id: "i", source: .overleg, unit: .percentage, norm: Norm(direction: .hoger, threshold: 100),
                                       rhythm: .kwartaal, cadenceRuleID: UUID().uuidString)
        #expect(gone.measure(quarter, in: data(meetings), today: IsoDate("2026-05-01")!).value == nil)
    }

    @Test func theIndicatorTakesTheRulesRhythm() {
        var errors = FieldErrors()
        let form = IndicatorForm(name: "Contact per wijk", area: "Samenwerking", source: "overleg", rule: ruleID.uuidString, direction: "hoger", norm: "100", rhythm: "schooljaar")
        let input = IndicatorInput.validate(form, questions: [], rules: [ruleID: .kwartaal], into: &errors)
        #expect(errors.isEmpty && input?.cadenceRuleID == ruleID && input?.rhythm == .kwartaal && input?.unit == .percentage)
        errors = FieldErrors()
        #expect(IndicatorInput.validate(IndicatorForm(name: "x", area: "y", source: "overleg", rule: UUID().uuidString, direction: "hoger", norm: "1", rhythm: "kwartaal"),
                                        questions: [], rules: [ruleID: .kwartaal], into: &errors) == nil)
        #expect(errors["rule"] == .unknownChoice)
    }
}

@Suite struct CadenceRecordTests {
    @Test func countsTheEndedPeriodsOfASpanThatWereMet() {
        let rule = CadenceRule(minimum: 1, kind: nil, organisations: [], eachOrganisation: false, rhythm: .kwartaal)!
        let meetings = ["2025-09-10", "2025-12-01", "2026-02-01"].map { CadenceMeeting(day: IsoDate($0)!, kind: "Wijkoverleg", organisations: [], held: true) }
        // Quarters aug–okt 2025 (met), nov–jan (met), feb–apr (running, not counted); may–jul 2025 before the span.
        let record = rule.record(from: Month(year: 2025, month: 8)!, to: Month(year: 2026, month: 7)!, meetings: meetings, today: IsoDate("2026-03-02")!)
        #expect(record.met == 2 && record.ended == 2)
        let later = rule.record(from: Month(year: 2025, month: 8)!, to: Month(year: 2026, month: 7)!, meetings: meetings, today: IsoDate("2026-08-15")!)
        #expect(later.met == 3 && later.ended == 4)
    }
}
