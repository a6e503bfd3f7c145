import Domain
import Testing

struct ReportPeriodTests {
    let period = ReportPeriod(from: Month(year: 2025, month: 8)!, to: Month(year: 2026, month: 7)!)!

    func cycle(_ from: String?, _ to: String?) -> CyclePeriod {
        CyclePeriod(from: from.flatMap(Month.init), to: to.flatMap(Month.init))
    }

    @Test func cyclesWithoutAPeriodAreIn() {
        #expect(period.includesByDefault(cycle(nil, nil)))
    }

    @Test func overlapDecides() {
        #expect(period.includesByDefault(cycle("2025-09", "2026-01")))
        #expect(period.includesByDefault(cycle("2025-01", "2025-08")), "ends in the first month")
        #expect(period.includesByDefault(cycle("2026-07", "2027-03")), "starts in the last month")
        #expect(!period.includesByDefault(cycle("2024-09", "2025-07")))
        #expect(!period.includesByDefault(cycle("2026-08", nil)))
        #expect(period.includesByDefault(cycle(nil, "2025-10")))
    }

    @Test func endBeforeStartIsNoPeriod() {
        #expect(ReportPeriod(from: Month(year: 2026, month: 1)!, to: Month(year: 2025, month: 1)!) == nil)
    }

    /// Subsidy periods run in school years, August to July.
    @Test func theSubsidyPeriodInSchoolYears() {
        #expect(ReportPeriod(startYear: 2025, endYear: 2028).label == "augustus 2025 – juli 2028")
        #expect(ReportPeriod(startYear: 2023, endYear: 2025).label == "augustus 2023 – juli 2025")
        #expect(ReportPeriod(startYear: 2026, endYear: 2026).label == "augustus 2026 – juli 2027")
    }

    @Test(arguments: [("2024-03-01", 2023, 2025), ("2025-07-31", 2023, 2025), ("2025-08-01", 2025, 2028), ("2026-12-02", 2025, 2028),
                      ("2028-07-31", 2025, 2028), ("2028-08-01", 2028, 2031), ("2021-05-01", 2023, 2025)])
    func aNewCoalitionStartsInTheSubsidyPeriodOfToday(today: String, start: Int, end: Int) throws {
        #expect(Period.subsidyPeriod(on: try #require(IsoDate(today))) == Period(startYear: start, endYear: end))
    }
}
