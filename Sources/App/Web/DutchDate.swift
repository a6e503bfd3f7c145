import Foundation

/// Dates as Dutch readers write them: "22 november 2026".
enum DutchDate {
    static let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]

    static func dayMonthYear(_ date: Date, timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam")!) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.day, .month, .year], from: date)
        return "\(parts.day!) \(months[parts.month! - 1]) \(parts.year!)"
    }

    static func time(_ date: Date, timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam")!) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour!, parts.minute!)
    }
}
