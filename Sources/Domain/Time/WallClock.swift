import Foundation

/// The one source of "now". The app takes it from its configuration, so a test can fix the
/// moment and every page, rule and stored timestamp agrees on it.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    public var now: Date { read() }

    /// Today's date in the Netherlands, whatever the server's time zone.
    public var today: IsoDate { IsoDate.inNetherlands(now) }

    public static let system = WallClock { Date() }

    public static func fixed(_ moment: Date) -> WallClock { WallClock { moment } }
}

extension IsoDate {
    public static func inNetherlands(_ moment: Date) -> IsoDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: moment)
        return IsoDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
