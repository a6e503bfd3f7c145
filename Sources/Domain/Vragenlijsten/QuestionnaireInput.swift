/// The form with a questionnaire's title, introduction, audience, scope and open period.
public struct QuestionnaireForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case title, intro, audience, scope, opensOn, closesOn, inReport }
    public var title: String
    public var intro: String
    public var audience: String
    public var scope: String
    public var opensOn: String
    public var closesOn: String
    /// "ja" when its summary goes into the report (a checkbox).
    public var inReport: String

    public init(title: String = "", intro: String = "", audience: String = "", scope: String = QuestionnaireScope.geen.rawValue, opensOn: String = "", closesOn: String = "",
                inReport: String = "") {
        (self.title, self.intro, self.audience, self.scope, self.opensOn, self.closesOn, self.inReport) = (title, intro, audience, scope, opensOn, closesOn, inReport)
    }

    /// Radio buttons nobody chose are not posted: missing fields are empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String { try c.decodeIfPresent(String.self, forKey: key) ?? "" }
        self.init(title: try text(.title), intro: try text(.intro), audience: try text(.audience), scope: try text(.scope),
                  opensOn: try text(.opensOn), closesOn: try text(.closesOn),
                  // A checkbox group posts `inReport[]`.
                  inReport: (try? c.decodeIfPresent(String.self, forKey: .inReport)) ?? (try? c.decodeIfPresent([String].self, forKey: .inReport))??.first ?? "")
    }
}

public struct QuestionnaireInput: Equatable, Sendable {
    public let title: String
    public let intro: String
    public let audience: Audience
    public let scope: QuestionnaireScope
    public let opensOn: IsoDate?
    public let closesOn: IsoDate?
    public let inReport: Bool

    public init(title: String, intro: String, audience: Audience, scope: QuestionnaireScope, opensOn: IsoDate?, closesOn: IsoDate?, inReport: Bool = false) {
        (self.title, self.intro, self.audience, self.scope, self.opensOn, self.closesOn, self.inReport) = (title, intro, audience, scope, opensOn, closesOn, inReport)
    }

    public static let maxTitle = 150
    public static let maxIntro = 2_000

    public static func validate(_ form: QuestionnaireForm, into errors: inout FieldErrors) -> QuestionnaireInput? {
        typealias F = QuestionnaireForm.CodingKeys
        let title = Text.line(form.title, field: F.title, max: maxTitle, into: &errors)
        let intro = PlainText.validate(form.intro, field: F.intro, max: maxIntro, into: &errors)
        let audience = Audience(rawValue: form.audience)
        if audience == nil { errors.add(F.audience, form.audience.isEmpty ? .required : .unknownChoice) }
        let scope = QuestionnaireScope(rawValue: form.scope)
        if scope == nil { errors.add(F.scope, .unknownChoice) }
        let opens = date(form.opensOn, F.opensOn, &errors), closes = date(form.closesOn, F.closesOn, &errors)
        if case .some(.some(let o)) = opens, case .some(.some(let c)) = closes, c < o { errors.add(F.closesOn, .endBeforeStart) }
        guard let title, let intro, let audience, let scope, let opens, let closes else { return nil }
        return QuestionnaireInput(title: title, intro: intro, audience: audience, scope: scope, opensOn: opens, closesOn: closes, inReport: form.inReport == "ja")
    }

    /// nil when wrong (the issue is recorded), .some(nil) when left empty.
    private static func date(_ raw: String, _ field: QuestionnaireForm.CodingKeys, _ errors: inout FieldErrors) -> IsoDate?? {
        let text = raw.trimmingWhitespace()
        if text.isEmpty { return .some(nil) }
        guard let date = IsoDate(text) else { errors.add(field, .notADate); return nil }
        return .some(date)
    }
}

/// The form that adds or changes one question.
public struct QuestionForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case kind, text, hint, required, options }
    public var kind: String
    public var text: String
    public var hint: String
    public var required: String
    /// One option (or scale point, lowest first) per line.
    public var options: String

    public init(kind: String = "", text: String = "", hint: String = "", required: String = "", options: String = "") {
        (self.kind, self.text, self.hint, self.required, self.options) = (kind, text, hint, required, options)
    }

    /// A checkbox that is not ticked is not posted, and a heading has no options: missing
    /// fields are empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String { try c.decodeIfPresent(String.self, forKey: key) ?? "" }
        self.init(kind: try text(.kind), text: try text(.text), hint: try text(.hint), required: try text(.required), options: try text(.options))
    }

    public init(_ question: Question) {
        self.init(kind: question.kind.rawValue, text: question.text, hint: question.hint, required: question.required ? "ja" : "",
                  options: question.options.map(\.label).joined(separator: "\n"))
    }

    /// Checks the form and makes the question. Options keep the ids of `old`'s options by
    /// position, so rewording an option keeps the answers given to it.
    public static func validate(_ form: QuestionForm, id: String, old: Question?, into errors: inout FieldErrors) -> Question? {
        typealias F = CodingKeys
        let kind = QuestionKind(rawValue: form.kind)
        if kind == nil { errors.add(F.kind, form.kind.isEmpty ? .required : .unknownChoice) }
        let text = Text.line(form.text, field: F.text, max: 300, into: &errors)
        let hint = Text.line(form.hint, field: F.hint, max: 300, required: false, into: &errors)
        var labels: [String] = []
        if let kind, kind.hasOptions {
            let lines = form.options.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            if lines.count > QuestionList.maxOptions { errors.add(F.options, .numberOutOfRange(min: 2, max: QuestionList.maxOptions)) }
            else if lines.contains(where: { $0.count > 150 }) { errors.add(F.options, .tooLong(max: 150)) }
            else if lines.contains(where: { $0.unicodeScalars.contains(where: Text.isForbiddenInLine) }) { errors.add(F.options, .controlCharacters) }
            else if kind.isScale, !lines.isEmpty, lines.count != kind.defaultLabels.count { errors.add(F.options, .numberOutOfRange(min: kind.defaultLabels.count, max: kind.defaultLabels.count)) }
            else if !kind.isScale, lines.count < 2 { errors.add(F.options, lines.isEmpty ? .required : .numberOutOfRange(min: 2, max: QuestionList.maxOptions)) }
            labels = kind.isScale && lines.isEmpty ? kind.defaultLabels : lines
        }
        guard let kind, let text, let hint, errors[F.options] == nil else { return nil }
        let oldIDs = old?.kind == kind ? old?.options.map(\.id) ?? [] : []
        var next = (oldIDs.compactMap { Int($0.dropFirst()) }.max() ?? 0) + 1
        let options = labels.enumerated().map { index, label -> QuestionOption in
            if index < oldIDs.count { return QuestionOption(id: oldIDs[index], label: label) }
            defer { next += 1 }
            return QuestionOption(id: "o\(next)", label: label)
        }
        return Question(id: id, kind: kind, text: text, hint: hint, required: kind.isAnswerable && form.required == "ja", options: options)
    }
}
