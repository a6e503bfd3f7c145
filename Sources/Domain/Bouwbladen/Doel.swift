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
    static func optional(_ raw: String?, field: some FieldName, into errors: inout FieldErrors) -> IsoDate? {
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
