import Foundation

/// A respondent's answers, by question id. Every answer is a list of strings: the chosen
/// option ids, or one number or text. Stored as JSON in the response row.
public struct Answers: Codable, Equatable, Sendable {
    public var values: [String: [String]]

    public init(_ values: [String: [String]] = [:]) { self.values = values }

    public subscript(_ question: String) -> [String] { values[question] ?? [] }

    public static let maxShort = 200
    public static let maxLong = 2_000
    public static let numberRange = -1_000_000.0...1_000_000.0

    /// The field name of a question in the public form.
    public static func field(_ question: Question) -> String { "q-" + question.id }

    /// Reads what was posted for each question: `single` holds one value per field, `multiple`
    /// the ticked values of several-choice questions. Unknown options and values out of
    /// bounds are errors; when `complete` is set, required questions must be answered.
    public static func read(_ list: QuestionList, single: [String: String], multiple: [String: [String]], complete: Bool,
                            into errors: inout FieldErrors) -> Answers {
        var answers = Answers()
        for question in list.answerable {
            let name = field(question)
            var value: [String] = []
            switch question.kind {
            case .severalChoices:
                let ids = Set(question.options.map(\.id))
                let chosen = Array(Set(multiple[name] ?? []))
                if chosen.contains(where: { !ids.contains($0) }) { errors.add(name, .unknownChoice); continue }
                value = question.options.map(\.id).filter { chosen.contains($0) }
            case .oneChoice, .likert5, .scale4, .smileys:
                let raw = single[name] ?? ""
                if raw.isEmpty { break }
                guard question.options.contains(where: { $0.id == raw }) else { errors.add(name, .unknownChoice); continue }
                value = [raw]
            case .number:
                let raw = (single[name] ?? "").trimmingWhitespace()
                if raw.isEmpty { break }
                guard let number = Number.parse(raw), numberRange.contains(number) else {
                    errors.add(name, .numberOutOfRange(min: Int(numberRange.lowerBound), max: Int(numberRange.upperBound))); continue
                }
                value = [Self.format(number)]
            case .shortText:
                guard let text = Text.line(single[name], field: name, max: maxShort, required: false, into: &errors) else { continue }
                value = text.isEmpty ? [] : [text]
            case .longText:
                guard let text = PlainText.validate(single[name], field: name, max: maxLong, into: &errors) else { continue }
                value = text.isEmpty ? [] : [text]
            case .heading:
                continue
            }
            if value.isEmpty {
                if complete && question.required { errors.add(name, .required) }
            } else {
                answers.values[question.id] = value
            }
        }
        return answers
    }

    /// A number as stored: no trailing ".0", a point for decimals.
    public static func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}
