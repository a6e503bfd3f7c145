/// What the report covers, in months; decides which cycles belong in it by default.
public struct ReportPeriod: Equatable, Sendable {
    public let from: Month
    public let to: Month

    public init?(from: Month, to: Month) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
    }

    /// The coalition's subsidy period in whole years, e.g. 2025–2028.
    public init(startYear: Int, endYear: Int) {
        from = Month(year: startYear, month: 1)!
        to = Month(year: max(startYear, endYear), month: 12)!
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
