import Foundation

/// One planned meeting in a calendar feed.
public struct CalendarEvent: Equatable, Sendable {
    /// Stable across feeds, so a calendar updates the event instead of adding a second one.
    public let uid: String
    public let day: IsoDate
    /// Both or neither: without times the event takes the whole day.
    public let start: ClockTime?
    public let end: ClockTime?
    public let summary: String
    public let location: String
    public let description: String
    /// Raised on every change (the meeting's version), so calendars take the new text.
    public let sequence: Int
    public let cancelled: Bool

    public init(uid: String, day: IsoDate, start: ClockTime?, end: ClockTime?, summary: String, location: String = "",
                description: String = "", sequence: Int = 0, cancelled: Bool = false) {
        (self.uid, self.day, self.summary, self.location, self.description) = (uid, day, summary, location, description)
        (self.sequence, self.cancelled) = (max(0, sequence), cancelled)
        if let start, let end, start < end { (self.start, self.end) = (start, end) } else { (self.start, self.end) = (nil, nil) }
    }
}

/// Writes an iCalendar feed (RFC 5545) that Outlook, Google and Apple calendars subscribe
/// to. Written by hand: no package on the allowed list writes iCalendar, and a feed of
/// meetings needs only VEVENT with local times in Europe/Amsterdam, text escaping and
/// line folding.
public enum ICalendar {
    public static let timeZone = "Europe/Amsterdam"

    public static func feed(name: String, events: [CalendarEvent], stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Bouwstenen//Overleg//NL", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + text(name), "X-WR-TIMEZONE:" + timeZone]
        lines += amsterdam
        let dtstamp = utc(stamp)
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + text(event.uid), "DTSTAMP:" + dtstamp, "SEQUENCE:\(event.sequence)"]
            if let start = event.start, let end = event.end {
                lines.append("DTSTART;TZID=\(timeZone):" + local(event.day, start))
                lines.append("DTEND;TZID=\(timeZone):" + local(event.day, end))
            } else {
                lines.append("DTSTART;VALUE=DATE:" + compact(event.day))
                lines.append("DTEND;VALUE=DATE:" + compact(event.day.adding(days: 1)))
            }
            lines.append("SUMMARY:" + text(event.summary))
            if !event.location.isEmpty { lines.append("LOCATION:" + text(event.location)) }
            if !event.description.isEmpty { lines.append("DESCRIPTION:" + text(event.description)) }
            lines.append("STATUS:" + (event.cancelled ? "CANCELLED" : "CONFIRMED"))
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Summer time from the last Sunday of March, winter time from the last Sunday of October (EU rules since 1996).
    static let amsterdam = [
        "BEGIN:VTIMEZONE", "TZID:\(timeZone)",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]

    /// TEXT values: backslash, semicolon, comma and line breaks escaped; other control characters dropped.
    static func text(_ value: String) -> String {
        var out = ""
        for scalar in value.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r": out += "\\n"
            default: if scalar.value >= 0x20 && scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character.
    static func fold(_ line: String) -> String {
        var out = "", octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.append(character)
            octets += size
        }
        return out
    }

    static func compact(_ day: IsoDate) -> String { String(format: "%04d%02d%02d", day.year, day.month, day.day) }

    static func local(_ day: IsoDate, _ time: ClockTime) -> String {
        compact(day) + String(format: "T%02d%02d00", time.minutes / 60, time.minutes % 60)
    }

    static func utc(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = IsoDate.of(dayNumber: Int((Double(seconds) / 86_400).rounded(.down))) ?? IsoDate(year: 2000, month: 1, day: 1)
        let inDay = ((seconds % 86_400) + 86_400) % 86_400
        return compact(day) + String(format: "T%02d%02d%02dZ", inDay / 3600, inDay % 3600 / 60, inDay % 60)
    }
}
