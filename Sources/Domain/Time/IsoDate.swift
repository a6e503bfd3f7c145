import Foundation

/// A calendar date "2026-06-30", validated (no 30 February).
public struct IsoDate: Comparable, Hashable, Sendable {
    public let year: Int, month: Int, day: Int

    /// From a calendar, which already checked the values.
    init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    public init?(_ raw: String) {
        let parts = raw.trimmingWhitespace().split(separator: "-").map(String.init)
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (2000...2100).contains(y), (1...12).contains(m), d >= 1, d <= IsoDate.days(in: m, of: y) else { return nil }
        (year, month, day) = (y, m, d)
    }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public var label: String { "\(day) \(Month.names[month - 1]) \(year)" }

    public static func < (lhs: IsoDate, rhs: IsoDate) -> Bool { (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day) }
}
