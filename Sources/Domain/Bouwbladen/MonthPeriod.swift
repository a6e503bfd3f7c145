/// A month, as precise as a cycle's period needs to be: "2025-09".
public struct Month: Comparable, Hashable, Sendable {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (2000...2100).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Reads "2025-09" (what `<input type="month">` sends) and also "9-2025" or "09/2025",
    /// which people type where the browser shows a plain text field.
    public init?(_ raw: String) {
        let text = raw.trimmingWhitespace()
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == " " }).map(String.init)
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else { return nil }
        if parts[0].count == 4 { self.init(year: a, month: b) } else if parts[1].count == 4 { self.init(year: b, month: a) } else { return nil }
    }

    public var iso: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    public static let names = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
    public var label: String { "\(Self.names[month - 1]) \(year)" }
    public static let shortNames = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    public var shortLabel: String { "\(Self.shortNames[month - 1]) \(year)" }

    /// The month after this one (a next cycle starts where the previous one ended).
    public var next: Month { month == 12 ? Month(year: year + 1, month: 1)! : Month(year: year, month: month + 1)! }

    public func adding(months: Int) -> Month {
        let index = year * 12 + (month - 1) + months
        return Month(year: index / 12, month: index % 12 + 1) ?? self
    }

    public static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}

/// A cycle's optional period. Both ends are optional; real reports often give none.
public struct CyclePeriod: Equatable, Sendable {
    public let from: Month?
    public let to: Month?

    public init(from: Month?, to: Month?) {
        self.from = from
        self.to = to
    }

    public var label: String? {
        switch (from, to) {
        case (nil, nil): return nil
        case (let f?, nil): return "vanaf \(f.label)"
        case (nil, let t?): return "tot \(t.label)"
        case (let f?, let t?): return "\(f.label) – \(t.label)"
        }
    }

    public static func validate(_ form: PeriodForm, into errors: inout FieldErrors) -> CyclePeriod? {
        validate(from: form.periodFrom, to: form.periodTo, into: &errors)
    }

    public static func validate(from: String?, to: String?, into errors: inout FieldErrors) -> CyclePeriod? {
        typealias F = PeriodForm.CodingKeys
        func month(_ raw: String?, _ field: F) -> (ok: Bool, value: Month?) {
            let text = (raw ?? "").trimmingWhitespace()
            if text.isEmpty { return (true, nil) }
            guard let value = Month(text) else { errors.add(field, .notAMonth); return (false, nil) }
            return (true, value)
        }
        let f = month(from, .periodFrom), t = month(to, .periodTo)
        guard f.ok, t.ok else { return nil }
        if let a = f.value, let b = t.value, b < a { errors.add(F.periodTo, .periodEndBeforeStart); return nil }
        return CyclePeriod(from: f.value, to: t.value)
    }
}

/// A period of months as posted (a cycle's, the report's): `periodFrom` and `periodTo`.
public struct PeriodForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case periodFrom, periodTo }
    public var periodFrom, periodTo: String?

    public init(periodFrom: String? = nil, periodTo: String? = nil) { (self.periodFrom, self.periodTo) = (periodFrom, periodTo) }
}
