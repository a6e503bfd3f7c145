/// How a planned meeting repeats: "elke eerste dinsdag van het kwartaal (januari, april,
/// juli, oktober)" or "elke 2 weken op woensdag". A series runs from a first day to a last
/// day (at most five years) and never makes more than `maxOccurrences` meetings, so a typo
/// in a form cannot fill a calendar.
public struct MeetingSeries: Equatable, Sendable {
    public enum Pattern: Equatable, Sendable {
        /// Every `weeks` weeks on the weekday of `from`.
        case weekly(weeks: Int)
        /// Every `months` months, counted from the month of `from`, on the `ordinal` weekday of that month.
        case monthly(months: Int, ordinal: Ordinal, weekday: Weekday)
    }

    /// Which weekday of the month: the first to the fourth, or the last.
    public enum Ordinal: Int, CaseIterable, Sendable {
        case eerste = 1, tweede, derde, vierde, laatste

        public var label: String { String(describing: self) }
    }

    public static let allowedWeeks = 1...8
    public static let allowedMonths = [1, 2, 3, 4, 6, 12]
    public static let maxOccurrences = 120

    public let from: IsoDate
    public let until: IsoDate
    public let pattern: Pattern

    /// Nil when the pattern's numbers are not offered in the form, or the dates are the wrong
    /// way round or more than five years apart.
    public init?(from: IsoDate, until: IsoDate, pattern: Pattern) {
        guard from <= until, until.dayNumber - from.dayNumber <= 5 * 366 else { return nil }
        switch pattern {
        case .weekly(let weeks): guard Self.allowedWeeks.contains(weeks) else { return nil }
        case .monthly(let months, _, _): guard Self.allowedMonths.contains(months) else { return nil }
        }
        (self.from, self.until, self.pattern) = (from, until, pattern)
    }

    /// How often, as the meeting form offers it.
    public enum Repeat: String, CaseIterable, Sendable {
        case nee, week, tweeWeken = "twee-weken", maand, kwartaal, halfjaar

        public var label: String {
            switch self {
            case .nee: return "Niet herhalen"
            case .week: return "Elke week"
            case .tweeWeken: return "Elke twee weken"
            case .maand: return "Elke maand, op dezelfde dag van de week"
            case .kwartaal: return "Elk kwartaal (elke drie maanden), op dezelfde dag van de week"
            case .halfjaar: return "Elk half jaar, op dezelfde dag van de week"
            }
        }
    }

    /// The series that repeats a first meeting's day: "the first Tuesday" stays the first
    /// Tuesday; a day in the last week of its month that is its fifth weekday becomes "the last".
    public init?(repeating first: IsoDate, _ often: Repeat, until: IsoDate) {
        let ordinal = Ordinal(rawValue: (first.day - 1) / 7 + 1) ?? .laatste
        let pattern: Pattern
        switch often {
        case .nee: return nil
        case .week: pattern = .weekly(weeks: 1)
        case .tweeWeken: pattern = .weekly(weeks: 2)
        case .maand: pattern = .monthly(months: 1, ordinal: ordinal, weekday: first.weekday)
        case .kwartaal: pattern = .monthly(months: 3, ordinal: ordinal, weekday: first.weekday)
        case .halfjaar: pattern = .monthly(months: 6, ordinal: ordinal, weekday: first.weekday)
        }
        self.init(from: first, until: until, pattern: pattern)
    }

    /// Every day of the series, oldest first.
    public var dates: [IsoDate] {
        var days: [IsoDate] = []
        switch pattern {
        case .weekly(let weeks):
            var day = from
            while day <= until, days.count < Self.maxOccurrences {
                days.append(day)
                day = day.adding(days: 7 * weeks)
            }
        case .monthly(let months, let ordinal, let weekday):
            guard var month = Month(year: from.year, month: from.month) else { return [] }
            while days.count < Self.maxOccurrences {
                let day = Self.day(ordinal, weekday, of: month)
                if day > until { break }
                if day >= from { days.append(day) }
                let next = month.adding(months: months)
                if next == month { break } // past the last year a Month can hold
                month = next
            }
        }
        return days
    }

    /// The days of the series within a range (a feed, a period).
    public func dates(in range: DateRange) -> [IsoDate] { dates.filter(range.contains) }

    /// "Elke eerste dinsdag van het kwartaal (januari, april, juli, oktober)".
    public var label: String {
        switch pattern {
        case .weekly(let weeks):
            return (weeks == 1 ? "Elke week" : "Elke \(weeks) weken") + " op \(from.weekday.name)"
        case .monthly(let months, let ordinal, let weekday):
            let day = "Elke \(ordinal.label) \(weekday.name)"
            switch months {
            case 1: return day + " van de maand"
            case 12: return day + " van \(Month.names[from.month - 1]), elk jaar"
            default:
                let which = (0..<(12 / months)).map { Month.names[(from.month - 1 + $0 * months) % 12] }
                let span = months == 3 ? " van het kwartaal" : months == 6 ? " van het half jaar" : " van de maand, elke \(months) maanden"
                return day + span + " (" + which.joined(separator: ", ") + ")"
            }
        }
    }

    /// The first to fourth, or the last, weekday of a month.
    public static func day(_ ordinal: Ordinal, _ weekday: Weekday, of month: Month) -> IsoDate {
        let length = IsoDate.days(in: month.month, of: month.year)
        if ordinal == .laatste {
            let last = IsoDate(year: month.year, month: month.month, day: length)
            return last.adding(days: -((last.weekday.rawValue - weekday.rawValue + 7) % 7))
        }
        let first = IsoDate(year: month.year, month: month.month, day: 1)
        return first.adding(days: (weekday.rawValue - first.weekday.rawValue + 7) % 7 + 7 * (ordinal.rawValue - 1))
    }
}
