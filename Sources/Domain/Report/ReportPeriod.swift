/// What the report covers, in months; decides which cycles belong in it by default.
public struct ReportPeriod: Equatable, Sendable {
    public let from: Month
    public let to: Month

    public init?(from: Month, to: Month) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
    }

    /// The coalition's subsidy period in school years: 2025–2028 is August 2025 to July 2028
    /// (a period of one year, 2025–2025, is the school year from August 2025).
    public init(startYear: Int, endYear: Int) {
        from = Month(year: startYear, month: 8)!
        to = Month(year: max(startYear + 1, endYear), month: 7)!
    }

    public var label: String { "\(from.label) – \(to.label)" }

    /// A cycle belongs in the report by default when its period overlaps the report's,
    /// or when it has no period (real reports often give none). A cycle with only one
    /// end given counts as that one month.
    public func includesByDefault(_ period: CyclePeriod) -> Bool {
        guard let start = period.from ?? period.to, let end = period.to ?? period.from else { return true }
        return start <= to && end >= from
    }
}
