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

    /// Computed from target and achieved value where both are numbers (higher is better,
    /// unless `lowerIsBetter`), or both are dates (on or before the target date is reached).
    public static func compute(target: String?, achieved: String?, unit: TargetUnit?, lowerIsBetter: Bool = false) -> Verdict? {
        guard let target = target?.trimmingWhitespace(), let achieved = achieved?.trimmingWhitespace(),
              !target.isEmpty, !achieved.isEmpty else { return nil }
        if unit == .datum {
            guard let t = IsoDate(target), let a = IsoDate(achieved) else { return nil }
            return a <= t ? .behaald : .nietBehaald
        }
        guard let t = Number.parse(target), let a = Number.parse(achieved) else { return nil }
        if lowerIsBetter { return a <= t ? .behaald : .nietBehaald }
        if a >= t { return .behaald }
        return a > 0 ? .deelsBehaald : .nietBehaald
    }
}

/// The doel form as posted.
public struct DoelForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case text, measure, target, unit, deadline, owner, indicator }
    public var text, measure, target, unit, deadline, owner, indicator: String?

    public init(text: String? = nil, measure: String? = nil, target: String? = nil, unit: String? = nil, deadline: String? = nil, owner: String? = nil,
                indicator: String? = nil) {
        (self.text, self.measure, self.target, self.unit, self.deadline, self.owner, self.indicator) = (text, measure, target, unit, deadline, owner, indicator)
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
    /// The indicator that measures it, one of the coalition's.
    public var indicatorID: UUID? = nil

    /// - Parameter indicators: the coalition's indicators a goal may point to.
    public static func validate(_ form: DoelForm, indicators: Set<UUID> = [], into errors: inout FieldErrors) -> DoelInput? {
        typealias F = DoelForm.CodingKeys
        let text = PlainText.validate(form.text, field: F.text, max: textMax, into: &errors) ?? ""
        if text.isEmpty, errors[F.text] == nil { errors.add(F.text, .required) }
        let measure = Text.line(form.measure, field: F.measure, max: shortMax, required: false, into: &errors) ?? ""
        // Words are a target too ("minimaal één activiteit per domein op elke locatie");
        // with a unit, the target is the number or date that the verdict is computed from.
        let target = Text.line(form.target, field: F.target, max: shortMax, required: false, into: &errors) ?? ""
        let unitRaw = (form.unit ?? "").trimmingWhitespace()
        let unit = unitRaw.isEmpty ? nil : TargetUnit(rawValue: unitRaw)
        if !unitRaw.isEmpty, unit == nil { errors.add(F.unit, .unknownChoice) }
        if !target.isEmpty {
            if unit == .datum, IsoDate(target) == nil { errors.add(F.target, .notADate) }
            if unit == .aantal || unit == .procent, Number.parse(target) == nil { errors.add(F.target, .notANumber) }
        }
        let deadline = Dates.optional(form.deadline, field: F.deadline, into: &errors)
        let owner = Text.line(form.owner, field: F.owner, max: shortMax, required: false, into: &errors) ?? ""
        let indicatorRaw = (form.indicator ?? "").trimmingWhitespace()
        let indicator = UUID(uuidString: String(indicatorRaw.prefix(36)))
        if !indicatorRaw.isEmpty, indicator.map({ !indicators.contains($0) }) ?? true { errors.add(F.indicator, .unknownChoice) }
        guard errors.isEmpty else { return nil }
        return DoelInput(text: text, measure: measure, target: target, unit: unit, deadline: deadline, owner: owner, indicatorID: indicator)
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
