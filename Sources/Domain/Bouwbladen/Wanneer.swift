/// When an action is due, as reports write it: a date ("2026-03-15", "15-3-2026"), or
/// words ("voor de zomervakantie 2025", "najaar 2025", "schooljaar 2025–2026"). Stored as
/// typed (a date as ISO); for overdue checks and order, the last day the words allow.
public struct Wanneer: Equatable, Sendable {
    public static let maxLength = 60

    /// What is stored: an ISO date, or the words as typed.
    public let stored: String
    /// The date, or the last day the words allow; nil when the words name no time.
    public let date: IsoDate?
    public var isWords: Bool { IsoDate(stored) == nil }

    public init?(stored: String?) {
        guard let stored = stored?.trimmingWhitespace(), !stored.isEmpty else { return nil }
        self.stored = stored
        date = IsoDate(stored) ?? Self.lastDay(of: stored)
    }

    /// "15 maart 2026" for a date, the words otherwise.
    public var label: String { IsoDate(stored)?.label ?? stored }

    /// A typed value: a date in the forms people type becomes ISO, anything else stays words.
    public static func parse(_ raw: String) -> Wanneer? {
        let text = raw.trimmingWhitespace()
        if let date = IsoDate(text) ?? dutchDate(text) { return Wanneer(stored: date.iso) }
        return Wanneer(stored: text)
    }

    /// "15-3-2026" or "15/03/2026".
    static func dutchDate(_ text: String) -> IsoDate? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).compactMap { Int($0) }
        guard parts.count == 3, parts[2] >= 1000, text.allSatisfy({ $0.isNumber || "-/.".contains($0) }) else { return nil }
        return IsoDate(String(format: "%04d-%02d-%02d", parts[2], parts[1], parts[0]))
    }

    /// The last day a phrase allows: the end of the school year, the month, the quarter,
    /// the season or the year it names.
    static func lastDay(of words: String) -> IsoDate? {
        let text = words.lowercased()
        let years = text.matches(of: /20\d\d/).compactMap { Int($0.output) }
        guard let year = years.first else { return nil }
        func end(_ y: Int, _ month: Int) -> IsoDate? { IsoDate("\(y)-\(String(format: "%02d", month))-\(IsoDate.days(in: month, of: y))") }
        if text.contains("schooljaar") || years.count >= 2 { return end(years.count >= 2 ? years[1] : year + 1, 7) }
        if let month = Month.names.firstIndex(where: { text.contains($0) }) { return end(year, month + 1) }
        if let quarter = text.firstMatch(of: /q([1-4])|([1-4])e kwartaal/), let n = Int(quarter.output.1 ?? quarter.output.2 ?? "") { return end(year, n * 3) }
        if text.contains("zomer") { return IsoDate("\(year)-07-15") }
        if text.contains("voorjaar") || text.contains("lente") { return end(year, 5) }
        if text.contains("najaar") || text.contains("herfst") { return end(year, 11) }
        if text.contains("kerst") { return IsoDate("\(year)-12-20") }
        return end(year, 12)
    }
}
