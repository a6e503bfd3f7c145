import Foundation

/// The result areas a coalition starts with (School en Omgeving); a coalition names its own.
public enum ResultArea {
    public static let defaults = ["Bereik", "Aanbod", "Kwaliteit van de activiteiten", "Welbevinden en betrokkenheid", "Samenwerking"]
}

/// The indicator form as posted. `question` is "<questionnaire id>/<question id>".
public struct IndicatorForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName {
        case name, area, source, question, measure, rule, unit, direction, norm, signal, rhythm, perLocation
    }
    public var name, area, source, question, measure, rule, unit, direction, norm, signal, rhythm, perLocation: String?

    public init(name: String? = nil, area: String? = nil, source: String? = nil, question: String? = nil, measure: String? = nil, rule: String? = nil, unit: String? = nil,
                direction: String? = nil, norm: String? = nil, signal: String? = nil, rhythm: String? = nil, perLocation: String? = nil) {
        (self.name, self.area, self.source, self.question, self.measure, self.rule, self.unit) = (name, area, source, question, measure, rule, unit)
        (self.direction, self.norm, self.signal, self.rhythm, self.perLocation) = (direction, norm, signal, rhythm, perLocation)
    }
}

/// An indicator as validated: every value bounded, the unit fixed where the source fixes it.
public struct IndicatorInput: Equatable, Sendable {
    public static let maxName = 200
    public static let maxArea = 100
    public static let maxValue = 1_000_000_000.0

    public let name: String
    public let area: String
    public let source: IndicatorSource
    public let questionnaireID: UUID?
    public let questionID: String?
    public let measure: QuestionnaireMeasure?
    /// For `.overleg`: the cadence rule.
    public let cadenceRuleID: UUID?
    public let unit: IndicatorUnit
    public let direction: Direction
    public let norm: Double
    public let signal: Double?
    public let rhythm: Rhythm
    public let perLocation: Bool

    public init(name: String, area: String, source: IndicatorSource, questionnaireID: UUID? = nil, questionID: String? = nil, measure: QuestionnaireMeasure? = nil,
                cadenceRuleID: UUID? = nil, unit: IndicatorUnit, direction: Direction, norm: Double, signal: Double? = nil, rhythm: Rhythm, perLocation: Bool = false) {
        (self.name, self.area, self.source, self.questionnaireID, self.questionID, self.measure) = (name, area, source, questionnaireID, questionID, measure)
        self.cadenceRuleID = cadenceRuleID
        (self.unit, self.direction, self.norm, self.signal, self.rhythm, self.perLocation) = (unit, direction, norm, signal, rhythm, perLocation)
    }

    /// - Parameters:
    ///   - questions: the scale questions one may choose, as "<questionnaire>/<question>".
    ///   - rules: the coalition's cadence rules, each with its rhythm (an indicator of a rule
    ///     is measured in the rule's periods).
    public static func validate(_ form: IndicatorForm, questions: Set<String>, rules: [UUID: Rhythm] = [:], into errors: inout FieldErrors) -> IndicatorInput? {
        typealias F = IndicatorForm.CodingKeys
        let name = Text.line(form.name, field: F.name, max: maxName, into: &errors) ?? ""
        let area = Text.line(form.area, field: F.area, max: maxArea, into: &errors) ?? ""
        let source = IndicatorSource(rawValue: (form.source ?? "").trimmingWhitespace())
        if source == nil { errors.add(F.source, (form.source ?? "").isEmpty ? .required : .unknownChoice) }
        var questionnaireID: UUID?, questionID: String?, measure: QuestionnaireMeasure?
        if source == .vragenlijst {
            let key = (form.question ?? "").trimmingWhitespace()
            let parts = key.split(separator: "/").map(String.init)
            if questions.contains(key), parts.count == 2, let id = UUID(uuidString: parts[0]) {
                (questionnaireID, questionID) = (id, parts[1])
            } else {
                errors.add(F.question, key.isEmpty ? .required : .unknownChoice)
            }
            measure = QuestionnaireMeasure(rawValue: (form.measure ?? "").trimmingWhitespace())
            if measure == nil { errors.add(F.measure, .unknownChoice) }
        }
        var cadenceRuleID: UUID?
        if source == .overleg {
            let raw = String((form.rule ?? "").trimmingWhitespace().prefix(36))
            cadenceRuleID = UUID(uuidString: raw).flatMap { rules[$0] == nil ? nil : $0 }
            if cadenceRuleID == nil { errors.add(F.rule, raw.isEmpty ? .required : .unknownChoice) }
        }
        let chosenUnit = IndicatorUnit(rawValue: (form.unit ?? "").trimmingWhitespace())
        let unit = source?.fixedUnit ?? measure?.unit ?? chosenUnit
        if unit == nil, source != nil, source != .vragenlijst { errors.add(F.unit, .unknownChoice) }
        let direction = Direction(rawValue: (form.direction ?? "").trimmingWhitespace())
        if direction == nil { errors.add(F.direction, .unknownChoice) }
        let norm = number(form.norm, F.norm, unit: unit, required: true, into: &errors)
        let signal = number(form.signal, F.signal, unit: unit, required: false, into: &errors)
        if let norm, let signal, let direction, direction == .hoger ? signal <= norm : signal >= norm {
            errors.add(F.signal, .signalOnWrongSide(higherIsBetter: direction == .hoger))
        }
        let rhythm = cadenceRuleID.flatMap { rules[$0] } ?? Rhythm(rawValue: (form.rhythm ?? "").trimmingWhitespace())
        if rhythm == nil { errors.add(F.rhythm, .unknownChoice) }
        guard errors.isEmpty, let source, let unit, let direction, let norm, let rhythm else { return nil }
        return IndicatorInput(name: name, area: area, source: source, questionnaireID: questionnaireID, questionID: questionID, measure: measure,
                              cadenceRuleID: cadenceRuleID, unit: unit, direction: direction, norm: norm, signal: signal, rhythm: rhythm,
                              perLocation: source == .hand && (form.perLocation ?? "") == "ja")
    }

    /// A value as people type it ("80", "80%", "7,5"), bounded; a percentage from 0 to 100.
    public static func number(_ raw: String?, _ field: some FieldName, unit: IndicatorUnit?, required: Bool, into errors: inout FieldErrors) -> Double? {
        let text = (raw ?? "").trimmingWhitespace()
        if text.isEmpty {
            if required { errors.add(field, .required) }
            return nil
        }
        guard let value = Number.parse(text), abs(value) <= maxValue else { errors.add(field, .notANumber); return nil }
        if unit == .percentage, !(0...100).contains(value) { errors.add(field, .percentageOutOfRange); return nil }
        return value
    }
}
