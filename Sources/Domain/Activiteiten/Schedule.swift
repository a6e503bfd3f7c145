/// Day arithmetic on calendar dates, so sessions can be generated without Foundation's
/// calendar (which depends on the machine's time zone).
extension IsoDate {
    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func of(dayNumber: Int) -> IsoDate? {
        let z = dayNumber + 719_468
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return IsoDate(String(format: "%04d-%02d-%02d", y, m, d))
    }

    public func adding(days: Int) -> IsoDate { IsoDate.of(dayNumber: dayNumber + days) ?? self }

    public var weekday: Weekday { Weekday(rawValue: ((dayNumber % 7) + 7 + 3) % 7 + 1)! } // 1970-01-01 was a Thursday

    /// "2-3-2026", "02-03-2026" and "2026-03-02": how dates appear in Dutch spreadsheets.
    public static func dutch(_ raw: String) -> IsoDate? {
        let text = raw.trimmingWhitespace()
        if let iso = IsoDate(text) { return iso }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        return IsoDate(String(format: "%04d-%02d-%02d", y, m, d))
    }

    /// "ma 2 mrt 2026": short, for session lists.
    public var shortLabel: String {
        "\(weekday.short) \(day) \(Month.shortNames[month - 1]) \(year)"
    }
}

/// A day of the week, Monday first as in the Netherlands.
public enum Weekday: Int, CaseIterable, Sendable, Comparable {
    /// When something happens each week: "ma en wo, 15:00–16:00"; empty when neither is known.
    public static func label(_ days: [Weekday], _ slot: TimeSlot?) -> String {
        let dayText = days.map(\.name).joined(separator: " en ")
        return [dayText.isEmpty ? nil : dayText, slot?.label].compactMap { $0 }.joined(separator: ", ")
    }

    case maandag = 1, dinsdag, woensdag, donderdag, vrijdag, zaterdag, zondag

    public var name: String { String(describing: self) }
    public var short: String { String(name.prefix(2)) }

    /// "ma", "maandag", "Ma." — as people type them in an activity book.
    public init?(dutch raw: String) {
        let text = raw.trimmingWhitespace().lowercased().trimmingCharacters(in: ["."])
        guard text.count >= 2, let day = Weekday.allCases.first(where: { $0.name.hasPrefix(text) }) else { return nil }
        self = day
    }

    /// "ma/wo", "maandag en woensdag", "di, do".
    public static func list(dutch raw: String) -> [Weekday]? {
        let words = raw.lowercased().replacingOccurrences(of: " en ", with: ",")
            .split(whereSeparator: { ",/+&; ".contains($0) }).map(String.init)
        guard !words.isEmpty else { return nil }
        var days: [Weekday] = []
        for word in words {
            guard let day = Weekday(dutch: word) else { return nil }
            if !days.contains(day) { days.append(day) }
        }
        return days.sorted()
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}

/// A time of day "15:30".
public struct ClockTime: Comparable, Hashable, Sendable {
    public let minutes: Int

    /// "15:30", "15.30", "15u30", "15".
    public init?(_ raw: String) {
        let text = raw.trimmingWhitespace().lowercased().replacingOccurrences(of: "uur", with: "")
        let parts = text.split(whereSeparator: { ":.u".contains($0) }).map { String($0).trimmingWhitespace() }
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 }),
              let h = Int(parts[0]), (0...23).contains(h) else { return nil }
        let m = parts.count == 2 ? Int(parts[1]) : 0
        guard let m, (0...59).contains(m) else { return nil }
        minutes = h * 60 + m
    }

    public var text: String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }
    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }
}

/// "15:00-16:15", "15.00 - 16.15", "15:00 tot 16:15".
public struct TimeSlot: Equatable, Sendable {
    public let start: ClockTime
    public let end: ClockTime

    public init?(start: ClockTime, end: ClockTime) {
        guard start < end else { return nil }
        self.start = start
        self.end = end
    }

    public init?(_ raw: String) {
        let text = raw.lowercased().replacingOccurrences(of: "tot", with: "-").replacingOccurrences(of: "–", with: "-")
        let parts = text.split(separator: "-").map(String.init)
        guard parts.count == 2, let s = ClockTime(parts[0]), let e = ClockTime(parts[1]) else { return nil }
        self.init(start: s, end: e)
    }

    public var label: String { "\(start.text)–\(end.text)" }

    /// Two times as typed in a form: nil without either; a problem on the field it concerns.
    static func validate(_ start: String?, _ end: String?, fields: (start: some FieldName, end: some FieldName), into errors: inout FieldErrors) -> TimeSlot? {
        let s = String((start ?? "").trimmingWhitespace().prefix(20)), e = String((end ?? "").trimmingWhitespace().prefix(20))
        if s.isEmpty && e.isEmpty { return nil }
        guard let from = ClockTime(s) else { errors.add(fields.start, .notATime); return nil }
        guard let to = ClockTime(e) else { errors.add(fields.end, .notATime); return nil }
        guard let slot = TimeSlot(start: from, end: to) else { errors.add(fields.end, .endBeforeStart); return nil }
        return slot
    }
}

/// The year groups (groep 1–8) an activity is for.
public struct YearGroups: Equatable, Sendable {
    public let groups: [Int]

    public init?(_ groups: [Int]) {
        let sorted = Array(Set(groups)).sorted()
        guard !sorted.isEmpty, sorted.allSatisfy({ (1...8).contains($0) }) else { return nil }
        self.groups = sorted
    }

    /// "5-8", "5 t/m 8", "groep 5, 6 en 7", "5/6".
    public init?(dutch raw: String) {
        let text = raw.lowercased().replacingOccurrences(of: "groepen", with: "").replacingOccurrences(of: "groep", with: "")
            .replacingOccurrences(of: "t/m", with: "-").replacingOccurrences(of: "tot en met", with: "-")
            .replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: " en ", with: ",")
        var groups: [Int] = []
        for piece in text.split(whereSeparator: { ",/;".contains($0) }) {
            let range = piece.split(separator: "-").map { String($0).trimmingWhitespace() }
            if range.count == 2, let a = Int(range[0]), let b = Int(range[1]), a <= b, b - a < 8 {
                groups += Array(a...b)
            } else if range.count == 1, let a = Int(range[0]) {
                groups.append(a)
            } else { return nil }
        }
        self.init(groups)
    }

    /// "groep 5–8" for a run, "groep 3, 5 en 7" otherwise.
    public var label: String {
        if groups.count == 1 { return "groep \(groups[0])" }
        if groups.last! - groups.first! == groups.count - 1 { return "groep \(groups.first!)–\(groups.last!)" }
        let head = groups.dropLast().map(String.init).joined(separator: ", ")
        return "groep \(head) en \(groups.last!)"
    }

    public var stored: String { groups.map(String.init).joined(separator: ",") }
}

/// A period of days, both ends included.
public struct DateRange: Equatable, Sendable {
    public let from: IsoDate
    public let to: IsoDate

    public init?(from: IsoDate, to: IsoDate) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
    }

    public func overlaps(_ other: DateRange) -> Bool { from <= other.to && other.from <= to }
    public func contains(_ date: IsoDate) -> Bool { from <= date && date <= to }
    public var label: String { "\(from.label) – \(to.label)" }

    /// The school year (1 August – 31 July) that contains the date.
    public static func schoolYear(containing date: IsoDate) -> DateRange {
        let start = date.month >= 8 ? date.year : date.year - 1
        return DateRange(from: IsoDate("\(start)-08-01")!, to: IsoDate("\(start + 1)-07-31")!)!
    }

    /// "2025-09-01 t/m 2026-01-31", "1-9-2025 - 31-1-2026".
    public init?(dutch raw: String) {
        let text = raw.lowercased().replacingOccurrences(of: "t/m", with: "|").replacingOccurrences(of: " tot ", with: "|")
            .replacingOccurrences(of: " – ", with: "|").replacingOccurrences(of: " - ", with: "|")
        let parts = text.split(separator: "|").map(String.init)
        guard parts.count == 2, let f = IsoDate.dutch(parts[0]), let t = IsoDate.dutch(parts[1]) else { return nil }
        self.init(from: f, to: t)
    }

    /// One date per chosen weekday, every week of the period. Holidays are not known to
    /// the app: a session that does not happen is cancelled by hand.
    public func dates(on weekdays: [Weekday], limit: Int = 400) -> [IsoDate] {
        guard !weekdays.isEmpty else { return [] }
        var out: [IsoDate] = []
        var day = from
        while day <= to, out.count < limit {
            if weekdays.contains(day.weekday) { out.append(day) }
            day = day.adding(days: 1)
        }
        return out
    }
}
