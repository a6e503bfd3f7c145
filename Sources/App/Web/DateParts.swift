import Domain
import Foundation
import Vapor

/// Dates as GOV.UK asks for them: day, month and year in separate text boxes (`name-dag`,
/// `name-maand`, `name-jaar`), or month and year where a month is enough. Native date and
/// month inputs lose a wrong value after a refused save and look different in every browser.
///
/// A posted triple becomes one field `name` before the form is decoded: an ISO date
/// ("2026-06-30", or "2026-06" for a month) when it is a real date, otherwise the parts as
/// typed, joined by `|`, which no validator accepts as a date, so the form comes back with a
/// message and every box shows exactly what was typed.
enum DateParts {
    static let separator: Character = "|"
    /// A part longer than this is cut: a day, month or year is short.
    static let maxPart = 10

    /// The posted pairs with each set of parts replaced by the one field it stands for.
    static func merge(_ pairs: [(String, String)]) -> [(String, String)] {
        var parts: [String: [String: String]] = [:]
        var rest: [(String, String)] = []
        for (key, value) in pairs {
            if let (base, part) = split(key: key) {
                parts[base, default: [:]][part] = String(value.trimmingWhitespace().prefix(maxPart))
            } else {
                rest.append((key, value))
            }
        }
        let merged = parts.map { base, p in (base, combine(day: p["dag"], month: p["maand"] ?? "", year: p["jaar"] ?? "")) }
        // A merged field wins over a plain field of the same name.
        let names = Set(merged.map(\.0))
        return rest.filter { !names.contains($0.0) } + merged.sorted { $0.0 < $1.0 }
    }

    private static func split(key: String) -> (String, String)? {
        for part in ["dag", "maand", "jaar"] where key.hasSuffix("-" + part) {
            let base = String(key.dropLast(part.count + 1))
            if !base.isEmpty { return (base, part) }
        }
        return nil
    }

    /// One value from the parts: "" when all are empty, an ISO date or month when real,
    /// else the parts as typed.
    static func combine(day: String?, month: String, year: String) -> String {
        let all = [day ?? "", month, year]
        if all.allSatisfy(\.isEmpty) { return "" }
        if all.allSatisfy({ $0.isEmpty || $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
           let m = Int(month), let y = Int(year), year.count == 4, (1...12).contains(m) {
            if let day {
                if let d = Int(day), let date = IsoDate(String(format: "%04d-%02d-%02d", y, m, d)) { return date.iso }
            } else {
                return String(format: "%04d-%02d", y, m)
            }
        }
        return all.suffix(day == nil ? 2 : 3).joined(separator: String(separator))
    }

    /// The boxes for a stored or typed value: ISO "2026-06-30" / "2026-06", or parts as typed.
    static func parts(of value: String, hasDay: Bool) -> (day: String, month: String, year: String) {
        if value.contains(separator) {
            let p = value.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            return hasDay ? (p.first ?? "", p.count > 1 ? p[1] : "", p.count > 2 ? p[2] : "") : ("", p.first ?? "", p.count > 1 ? p[1] : "")
        }
        let p = value.split(separator: "-").map(String.init)
        if hasDay, p.count == 3, let d = Int(p[2]), let m = Int(p[1]) { return (String(d), String(m), p[0]) }
        if !hasDay, p.count == 2, let m = Int(p[1]) { return ("", String(m), p[0]) }
        return ("", "", "")
    }
}

extension Request {
    /// A date in the query: from its three boxes (`van-dag`, `van-maand`, `van-jaar`) when
    /// they are there, else the plain parameter (a link such as `?van=2026-03-01`). Bounded.
    func queryDate(_ key: String) -> String {
        func q(_ name: String) -> String? { (try? query.get(String.self, at: name)).map { String($0.trimmingWhitespace().prefix(DateParts.maxPart)) } }
        if q(key + "-dag") != nil || q(key + "-maand") != nil || q(key + "-jaar") != nil {
            return DateParts.combine(day: q(key + "-dag") ?? "", month: q(key + "-maand") ?? "", year: q(key + "-jaar") ?? "")
        }
        return String((q(key) ?? "").prefix(10))
    }
}
