import Foundation

/// How a goal's target is expressed.
public enum TargetUnit: String, CaseIterable, Sendable {
    case aantal, procent, datum

    public var label: String {
        switch self {
        case .aantal: return "aantal"
        case .procent: return "%"
        case .datum: return "datum"
        }
    }
}

/// Whether a goal was reached.
public enum Verdict: String, CaseIterable, Sendable {
    case behaald, deelsBehaald = "deels", nietBehaald = "niet"

    public var label: String {
        switch self {
        case .behaald: return "Behaald"
        case .deelsBehaald: return "Deels behaald"
        case .nietBehaald: return "Niet behaald"
        }
    }

    /// Computed from target and achieved value where both are numbers (higher is
    /// better), or both are dates (on or before the target date is reached).
    public static func compute(target: String?, achieved: String?, unit: TargetUnit?) -> Verdict? {
        guard let target = target?.trimmingWhitespace(), let achieved = achieved?.trimmingWhitespace(),
              !target.isEmpty, !achieved.isEmpty else { return nil }
        if unit == .datum {
            guard let t = IsoDate(target), let a = IsoDate(achieved) else { return nil }
            return a <= t ? .behaald : .nietBehaald
        }
        guard let t = Number.parse(target), let a = Number.parse(achieved) else { return nil }
        if a >= t { return .behaald }
        return a > 0 ? .deelsBehaald : .nietBehaald
    }
}

/// Numbers as Dutch people type them: "80", "80%", "7,5", "1.200".
public enum Number {
    public static func parse(_ raw: String) -> Double? {
        var text = raw.trimmingWhitespace().replacingOccurrences(of: "%", with: "").replacingOccurrences(of: " ", with: "")
        guard !text.isEmpty, text.count <= 20 else { return nil }
        if text.contains(",") {
            text = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        } else if text.filter({ $0 == "." }).count == 1, let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) == 4 {
            text = text.replacingOccurrences(of: ".", with: "") // "1.200" is twelve hundred
        }
        guard let value = Double(text), value.isFinite, abs(value) < 1e12 else { return nil }
        return value
    }
}

/// A calendar date "2026-06-30", validated (no 30 February).
public struct IsoDate: Comparable, Hashable, Sendable {
    public let year: Int, month: Int, day: Int

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

/// A goal as typed on the form.
public struct DoelInput: Equatable, Sendable {
    public static let textMax = 2_000
    public static let shortMax = 200

    public let text: String
    public let measure: String
    public let target: String
    public let unit: TargetUnit?
    public let deadline: IsoDate?
    public let owner: String

    public static func validate(_ values: [String: String], into errors: inout FieldErrors) -> DoelInput? {
        let text = PlainText.validate(values["text"], field: "text", max: textMax, into: &errors) ?? ""
        if text.isEmpty, errors["text"] == nil { errors.add("text", .required) }
        let measure = Text.line(values["measure"], field: "measure", max: shortMax, required: false, into: &errors) ?? ""
        let target = Text.line(values["target"], field: "target", max: 40, required: false, into: &errors) ?? ""
        let unitRaw = (values["unit"] ?? "").trimmingWhitespace()
        let unit = unitRaw.isEmpty ? nil : TargetUnit(rawValue: unitRaw)
        if !unitRaw.isEmpty, unit == nil { errors.add("unit", .unknownChoice) }
        if !target.isEmpty {
            if unit == .datum, IsoDate(target) == nil { errors.add("target", .notADate) }
            if unit != .datum, Number.parse(target) == nil { errors.add("target", .notANumber) }
        }
        let deadline = Dates.optional(values["deadline"], field: "deadline", into: &errors)
        let owner = Text.line(values["owner"], field: "owner", max: shortMax, required: false, into: &errors) ?? ""
        guard errors.isEmpty else { return nil }
        return DoelInput(text: text, measure: measure, target: target, unit: unit, deadline: deadline, owner: owner)
    }
}

/// What a SMART goal usually has and this one does not. A hint, never a block.
public enum SmartHint: String, Sendable, CaseIterable {
    case noNumber, noDate, noOwner

    public var text: String {
        switch self {
        case .noNumber: return "Er staat geen getal bij. Hoe zien jullie dat het doel gehaald is?"
        case .noDate: return "Er staat geen datum bij. Wanneer moet het gehaald zijn?"
        case .noOwner: return "Er staat niet bij wie dit trekt."
        }
    }

    public static func hints(text: String, target: String, deadline: String?, owner: String) -> [SmartHint] {
        var hints: [SmartHint] = []
        if target.isEmpty, !text.contains(where: \.isNumber) { hints.append(.noNumber) }
        if (deadline ?? "").isEmpty, !Dates.mentionsTime(text) { hints.append(.noDate) }
        if owner.trimmingWhitespace().isEmpty { hints.append(.noOwner) }
        return hints
    }
}

enum Dates {
    static func optional(_ raw: String?, field: String, into errors: inout FieldErrors) -> IsoDate? {
        let text = (raw ?? "").trimmingWhitespace()
        if text.isEmpty { return nil }
        guard let date = IsoDate(text) else { errors.add(field, .notADate); return nil }
        return date
    }

    /// "binnen drie maanden", "voor de zomer", "in juni 2026": time words count as a date.
    static func mentionsTime(_ text: String) -> Bool {
        let lowered = text.lowercased()
        let words = ["maand", "week", "jaar", "kwartaal", "zomer", "kerst", "schooljaar", "periode", "voorjaar", "najaar"] + Month.names
        return words.contains { lowered.contains($0) } || lowered.range(of: #"\b20\d\d\b"#, options: .regularExpression) != nil
    }
}
