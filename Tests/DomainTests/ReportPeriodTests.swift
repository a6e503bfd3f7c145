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
        #expect(ReportPeriod(startYear: 2025, endYear: 2028).label == "januari 2025 – december 2028")
    }
}
