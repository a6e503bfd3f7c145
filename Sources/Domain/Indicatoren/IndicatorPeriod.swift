/// How often an indicator is measured. Every rhythm follows the school year (1 August to
/// 31 July): half years are August–January and February–July, quarters start in August,
/// November, February and May; months are calendar months.
public enum Rhythm: String, CaseIterable, Sendable, Codable {
    case schooljaar, halfjaar, kwartaal, maand

    public var label: String {
        switch self {
        case .schooljaar: return "Per schooljaar"
        case .halfjaar: return "Per half jaar"
        case .kwartaal: return "Per kwartaal"
        case .maand: return "Per maand"
        }
    }

    var months: Int {
        switch self {
        case .schooljaar: return 12
        case .halfjaar: return 6
        case .kwartaal: return 3
        case .maand: return 1
        }
    }
}

/// One period of a rhythm, from its first to its last month.
public struct IndicatorPeriod: Hashable, Sendable, Comparable {
    public let rhythm: Rhythm
    public let first: Month
    public let last: Month
    /// Kept, not computed: every value of a trend compares each session's day with them.
    public let firstDay: IsoDate
    public let lastDay: IsoDate
    public let days: DateRange

    /// The period of this rhythm that contains the day.
    public init(_ rhythm: Rhythm, containing date: IsoDate) {
        let month = Month(year: date.year, month: date.month) ?? Month(year: 2000, month: 1)!
        self.init(rhythm, containing: month)
    }

    public init(_ rhythm: Rhythm, containing month: Month) {
        // Months since the start of the school year (August = 0).
        let sinceAugust = (month.month + 4) % 12
        let offset = sinceAugust % rhythm.months
        self.rhythm = rhythm
        first = month.adding(months: -offset)
        last = first.adding(months: rhythm.months - 1)
        firstDay = IsoDate(year: first.year, month: first.month, day: 1)
        lastDay = IsoDate(year: last.year, month: last.month, day: IsoDate.days(in: last.month, of: last.year))
        days = DateRange(from: firstDay, to: lastDay)!
    }

    /// Reads a key made by `key`; nil for anything else.
    public init?(key: String) {
        let parts = key.split(separator: "/").map(String.init)
        guard parts.count == 2, let rhythm = Rhythm(rawValue: parts[0]), let month = Month(parts[1]) else { return nil }
        let period = IndicatorPeriod(rhythm, containing: month)
        guard period.first == month else { return nil }
        self = period
    }

    /// "kwartaal/2025-11": stored with a hand value, and carried in links.
    public var key: String { "\(rhythm.rawValue)/\(first.iso)" }

    /// The school year it falls in: "2025-2026".
    public var schoolYear: String {
        let start = first.month >= 8 ? first.year : first.year - 1
        return "\(start)-\(start + 1)"
    }

    public var label: String {
        switch rhythm {
        case .schooljaar: return "schooljaar \(schoolYear)"
        case .halfjaar: return "\(first.month == 8 ? "1e" : "2e") helft \(schoolYear)"
        case .kwartaal: return "\(Month.shortNames[first.month - 1])–\(Month.shortNames[last.month - 1]) \(last.year)"
        case .maand: return first.label
        }
    }

    /// Short, for a chart's axis: "25-26", "H1 25-26", "nov–jan", "sep 25".
    public var shortLabel: String {
        let year = "\(schoolYear.prefix(4).suffix(2))-\(schoolYear.suffix(2))"
        switch rhythm {
        case .schooljaar: return year
        case .halfjaar: return "\(first.month == 8 ? "H1" : "H2") \(year)"
        case .kwartaal: return "\(Month.shortNames[first.month - 1])–\(Month.shortNames[last.month - 1]) \(String(last.year).suffix(2))"
        case .maand: return "\(Month.shortNames[first.month - 1]) \(String(first.year).suffix(2))"
        }
    }


    public var previous: IndicatorPeriod { IndicatorPeriod(rhythm, containing: first.adding(months: -1)) }
    public var next: IndicatorPeriod { IndicatorPeriod(rhythm, containing: last.next) }

    /// The `count` periods up to and including the one that contains `date`, oldest first.
    public static func recent(_ count: Int, _ rhythm: Rhythm, upTo date: IsoDate) -> [IndicatorPeriod] {
        var periods = [IndicatorPeriod(rhythm, containing: date)]
        while periods.count < max(1, count) { periods.insert(periods[0].previous, at: 0) }
        return periods
    }

    /// How many periods the trend shows: three school years back, and the current period.
    public static func threeYears(_ rhythm: Rhythm) -> Int { 36 / rhythm.months + 1 }

    public static func < (lhs: IndicatorPeriod, rhs: IndicatorPeriod) -> Bool { lhs.first < rhs.first }
    // The rhythm and the first month say it all; the days follow from them.
    public static func == (lhs: IndicatorPeriod, rhs: IndicatorPeriod) -> Bool { lhs.rhythm == rhs.rhythm && lhs.first == rhs.first }
    public func hash(into hasher: inout Hasher) { hasher.combine(rhythm); hasher.combine(first) }
}
