import Testing

@testable import Domain

@Suite struct ActiviteitenRulesTests {
    let today = IsoDate("2025-05-10")!

    @Test func vogCountsForTheChosenNumberOfYears() {
        let date = IsoDate("2022-05-10")
        #expect(VogStatus.of(date: date, validityYears: 3, today: today) == .geldig(until: IsoDate("2025-05-10")!))
        #expect(VogStatus.of(date: date, validityYears: 3, today: today.adding(days: 1)) == .verlopen(since: IsoDate("2025-05-10")!))
        #expect(VogStatus.of(date: date, validityYears: 5, today: today.adding(days: 1)).isValid)
        #expect(VogStatus.of(date: nil, validityYears: 3, today: today) == .ontbreekt)
        // 29 February plus three years is the last day of February.
        #expect(VogStatus.of(date: IsoDate("2024-02-29"), validityYears: 3, today: today) == .geldig(until: IsoDate("2027-02-28")!))
    }

    @Test func anActivityCannotStartWithAMissingOrExpiredVog() {
        let staff: [(name: String, vog: VogStatus)] = [("Kees", .geldig(until: today)), ("Anouk", .ontbreekt), ("Tom", .verlopen(since: today))]
        #expect(ActivityRules.mayMove(to: .loopt, staff: staff) == .vogMissing(names: ["Anouk", "Tom"]))
        #expect(ActivityRules.mayMove(to: .gepland, staff: staff) == nil)
        #expect(ActivityRules.mayMove(to: .loopt, staff: [staff[0]]) == nil)
        #expect(ActivityRules.mayMove(to: .loopt, staff: []) == nil)
    }

    @Test func sessionsFollowTheWeeklyScheduleAcrossMonthsAndYears() {
        #expect(IsoDate("2026-03-02")!.weekday == .maandag)
        #expect(IsoDate("2000-01-01")!.weekday == .zaterdag)
        let march = DateRange(from: IsoDate("2026-03-02")!, to: IsoDate("2026-03-31")!)!
        let dates = march.dates(on: [.maandag, .woensdag]).map(\.iso)
        #expect(dates == ["2026-03-02", "2026-03-04", "2026-03-09", "2026-03-11", "2026-03-16", "2026-03-18", "2026-03-23", "2026-03-25", "2026-03-30"])
        let newYear = DateRange(from: IsoDate("2025-12-29")!, to: IsoDate("2026-01-12")!)!
        #expect(newYear.dates(on: [.maandag]).map(\.iso) == ["2025-12-29", "2026-01-05", "2026-01-12"])
        #expect(newYear.dates(on: []).isEmpty)
        #expect(IsoDate("2024-02-28")!.adding(days: 1).iso == "2024-02-29")
        #expect(IsoDate.of(dayNumber: IsoDate("2031-07-15")!.dayNumber)?.iso == "2031-07-15")
    }

    @Test func leuvenScoresAndObservationLimits() {
        #expect(LeuvenScale.value(of: "3+") == 3.5)
        #expect(LeuvenScale.value(of: "6") == nil)
        #expect(LeuvenScale.value(of: "0") == nil)
        #expect(LeuvenScale.level(of: 4.5) == "4+")
        var errors = FieldErrors()
        #expect(Observation.validate(["betrokkenheid-mode": "groep", "betrokkenheid-score": "5+"], scale: .betrokkenheid, present: 10, into: &errors) == nil)
        #expect(errors["betrokkenheid-score"] == .unknownChoice)
        errors = FieldErrors()
        #expect(Observation.validate(["betrokkenheid-mode": "aantallen", "betrokkenheid-n4": "8", "betrokkenheid-n8": "4"], scale: .betrokkenheid, present: 10, into: &errors) == nil)
        #expect(errors["betrokkenheid-n0"] == .moreThanPresent(present: 10))
        errors = FieldErrors()
        let ok = Observation.validate(["welbevinden-mode": "aantallen", "welbevinden-n4": "6", "welbevinden-n8": "2"], scale: .welbevinden, present: 10, into: &errors)
        #expect(errors.isEmpty)
        let expected: Double = 28.0 / 8.0
        #expect(ok??.average == expected)
        errors = FieldErrors()
        _ = Observation.validate(["welbevinden-mode": "aantallen", "welbevinden-n2": "-1"], scale: .welbevinden, present: 10, into: &errors)
        #expect(errors["welbevinden-n2"] == .numberOutOfRange(min: 0, max: 500))
        // Counts need the number of pupils present.
        errors = FieldErrors()
        var counted = SessionForm()
        counted.date = "2026-03-02"
        counted.observations = ["betrokkenheid-mode": "aantallen", "betrokkenheid-n4": "3"]
        #expect(SessionInput.validate(counted, into: &errors) == nil)
        #expect(errors["pupils"] == .requiredForCounts)
        // An incident needs a description.
        errors = FieldErrors()
        var incident = SessionForm()
        (incident.date, incident.incident) = ("2026-03-02", "ja")
        #expect(SessionInput.validate(incident, into: &errors) == nil)
        #expect(errors["incidentText"] == .required)
        #expect(Observation(stored: Observation.counts([0, 0, 1, 0, 2, 0, 0, 0, 1]).stored) == .counts([0, 0, 1, 0, 2, 0, 0, 0, 1]))
        #expect(Observation(stored: "g:3+") == .group(score: 3.5))
    }

    @Test func coverageCountsActivitiesPerLocationAndDomainInThePeriod() {
        let period = DateRange(from: IsoDate("2025-08-01")!, to: IsoDate("2026-07-31")!)!
        let autumn = DateRange(from: IsoDate("2025-09-01")!, to: IsoDate("2025-12-20")!)!
        let lastYear = DateRange(from: IsoDate("2024-09-01")!, to: IsoDate("2025-06-30")!)!
        let coverage = Coverage(
            locations: ["A", "B"], domains: ["sport", "cultuur"],
            activities: [
                .init(locationID: "A", domain: "sport", period: autumn, pupilsReached: 12),
                .init(locationID: "A", domain: "sport", period: autumn, pupilsReached: 8),
                .init(locationID: "A", domain: "cultuur", period: autumn, pupilsReached: 0),
                .init(locationID: "B", domain: "sport", period: lastYear, pupilsReached: 30),  // outside the period
            ],
            period: period, minimum: 1)
        #expect(coverage.cells[0][0] == .init(activities: 2, pupils: 20, belowRule: false))
        #expect(coverage.cells[0][1].activities == 1)
        #expect(coverage.cells[1][0] == .init(activities: 0, pupils: 0, belowRule: true))
        #expect(coverage.gaps == 2)
        let summary = coverage.summary(locationNames: ["A": "De Regenboog", "B": "Het Anker"], period: period, today: IsoDate("2026-01-05")!)
        #expect(summary.contains("- De Regenboog: sport 2, cultuur 1"))
        #expect(summary.contains("Het Anker – sport; Het Anker – cultuur"))
    }

    @Test func importPreviewChecksEveryRowOnItsOwn() throws {
        let csv = "\u{FEFF}Activiteit;Domein;Locatie;Aanbieder;Dag;Tijd;Groepen;Periode\r\n"
            + "Voetbal;Sport;de regenboog ;Sportclub;ma/wo;15:00-16:00;5-8;1-9-2025 t/m 31-1-2026\r\n"
            + "\"Theater; en zang\";cultuur;Het Anker;;donderdag;15.00 - 16.15;groep 5, 6 en 7;2025-09-01 - 2025-12-19\r\n"
            + "Schaken;denksport;Nergens;Onbekend;maandag?;laat;9-12;31-1-2026 t/m 1-9-2025\r\n"
        let result = ActivityImport.parse(csv, locations: ["L1": "De Regenboog", "L2": "Het Anker"], partners: ["P1": "Sportclub"], domains: ActivityDomains.defaults)
        let rows = try result.get()
        #expect(rows.count == 3)
        #expect(rows[0].isValid)
        #expect(rows[0].locationID == "L1" && rows[0].partnerID == "P1" && rows[0].domain == "sport")
        #expect(rows[0].weekdays == [.maandag, .woensdag])
        #expect(rows[0].yearGroups?.groups == [5, 6, 7, 8])
        #expect(rows[0].period?.from.iso == "2025-09-01")
        #expect(rows[1].isValid)
        #expect(rows[1].name == "Theater; en zang")
        #expect(rows[1].slot?.label == "15:00–16:15")
        #expect(rows[1].yearGroups?.label == "groep 5–7")
        #expect(rows[2].line == 4)
        #expect(rows[2].problems.count == 7)
        #expect(ActivityImport.parse("activiteit,domein\nx,sport\n", locations: [:], partners: [:], domains: ["sport"]) == .failure(.missingColumns(["locatie", "periode"])))
        #expect(ActivityImport.parse("", locations: [:], partners: [:], domains: ["sport"]) == .failure(.empty))
    }

    @Test func csvForDutchExcel() {
        let text = CSV.write([["naam", "tekst"], ["a;b", "zei \"hoi\""], ["=SOM(A1)", "-5"]])
        #expect(text.hasPrefix("\u{FEFF}naam;tekst\r\n"))
        #expect(text.contains("\"a;b\";\"zei \"\"hoi\"\"\""))
        #expect(text.contains("'=SOM(A1);-5"))
        #expect(CSV.read(text).dropFirst().first == ["a;b", "zei \"hoi\""])
    }

    @Test func excelsSepLineNamesTheSeparator() {
        #expect(CSV.read("sep=;\r\nnaam;domein\r\nSchaak, dammen;sport\r\n") == [["naam", "domein"], ["Schaak, dammen", "sport"]])
        #expect(CSV.read("\u{FEFF}sep=,\nnaam,domein\nx,y\n") == [["naam", "domein"], ["x", "y"]])
        // Without the line the first row decides, as before.
        #expect(CSV.read("naam,domein\nx,y\n") == [["naam", "domein"], ["x", "y"]])
    }

    @Test func scheduleWordsAsPeopleTypeThem() {
        #expect(Weekday.list(dutch: "maandag en woensdag") == [.maandag, .woensdag])
        #expect(Weekday.list(dutch: "Di, Do") == [.dinsdag, .donderdag])
        #expect(Weekday.list(dutch: "m") == nil)
        #expect(TimeSlot("16:00-15:00") == nil)
        #expect(TimeSlot("15u30 tot 17")?.label == "15:30–17:00")
        #expect(Weekday.label([.maandag, .woensdag], TimeSlot("15:00-16:00")) == "\(Weekday.maandag.name) en \(Weekday.woensdag.name), 15:00–16:00")
        #expect(Weekday.label([], TimeSlot("15:00-16:00")) == "15:00–16:00")
        #expect(Weekday.label([.vrijdag], nil) == Weekday.vrijdag.name)
        #expect(Weekday.label([], nil).isEmpty)
        #expect(YearGroups(dutch: "1 t/m 8")?.label == "groep 1–8")
        #expect(YearGroups(dutch: "3, 5 en 7")?.label == "groep 3, 5 en 7")
        #expect(YearGroups(dutch: "0-9") == nil)
        #expect(DateRange(dutch: "2025-09-01 t/m 2025-08-01") == nil)
    }
}
