/// Who a questionnaire is for. Pupils get plainer words (A2) and bigger targets.
public enum Audience: String, Codable, CaseIterable, Sendable {
    case leerlingen, ouders, partners, medewerkers, coordinatoren

    public var label: String {
        switch self {
        case .leerlingen: return "Leerlingen"
        case .ouders: return "Ouders"
        case .partners: return "Partners"
        case .medewerkers: return "Medewerkers"
        case .coordinatoren: return "Coördinatoren"
        }
    }
}

/// Whether the questionnaire has one public link, or one per location or per activity (so
/// answers carry where they came from without asking the respondent).
public enum QuestionnaireScope: String, Codable, CaseIterable, Sendable {
    case geen, locatie, activiteit

    public var label: String {
        switch self {
        case .geen: return "Eén link voor iedereen"
        case .locatie: return "Een link per locatie"
        case .activiteit: return "Een link per activiteit"
        }
    }
}

/// A questionnaire's state: made and changed (concept), open for answers, or closed.
public enum QuestionnaireStatus: String, Codable, CaseIterable, Sendable {
    case concept, open, gesloten

    public var label: String {
        switch self {
        case .concept: return "Concept"
        case .open: return "Open"
        case .gesloten: return "Gesloten"
        }
    }
}

public enum QuestionKind: String, Codable, CaseIterable, Sendable {
    case oneChoice = "een-keuze"
    case severalChoices = "meer-keuzes"
    case likert5 = "schaal-5"
    case scale4 = "schaal-4"
    case smileys
    case number = "getal"
    case shortText = "kort"
    case longText = "lang"
    case heading = "kop"

    public var label: String {
        switch self {
        case .oneChoice: return "Eén keuze"
        case .severalChoices: return "Meer keuzes"
        case .likert5: return "Schaal van 1 tot 5"
        case .scale4: return "Schaal van 4"
        case .smileys: return "Smileys (jonge leerlingen)"
        case .number: return "Getal"
        case .shortText: return "Kort open antwoord"
        case .longText: return "Lang open antwoord"
        case .heading: return "Kopje (geen vraag)"
        }
    }

    public var isScale: Bool { [.likert5, .scale4, .smileys].contains(self) }
    public var hasOptions: Bool { [.oneChoice, .severalChoices].contains(self) || isScale }
    public var isOpen: Bool { self == .shortText || self == .longText }
    public var isAnswerable: Bool { self != .heading }

    /// The labels a new scale starts with, lowest first; the author may reword them.
    public var defaultLabels: [String] {
        switch self {
        case .likert5: return ["Helemaal mee oneens", "Mee oneens", "Neutraal", "Mee eens", "Helemaal mee eens"]
        case .scale4: return ["Slecht", "Matig", "Goed", "Heel goed"]
        case .smileys: return ["Niet leuk", "Gaat wel", "Leuk"]
        default: return []
        }
    }
}

/// One answer option. Its id stays when its label is reworded, so answers keep meaning.
public struct QuestionOption: Codable, Equatable, Sendable {
    public let id: String
    public var label: String

    public init(id: String, label: String) { (self.id, self.label) = (id, label) }
}

/// One question (or a section heading) of a questionnaire. Scales keep their points as
/// options: the first is 1, the last is the highest.
public struct Question: Codable, Equatable, Sendable {
    public let id: String
    public var kind: QuestionKind
    public var text: String
    public var hint: String
    public var required: Bool
    public var options: [QuestionOption]

    public init(id: String, kind: QuestionKind, text: String, hint: String = "", required: Bool = false, options: [QuestionOption] = []) {
        (self.id, self.kind, self.text, self.hint, self.required, self.options) = (id, kind, text, hint, required, options)
    }

    /// A new question with the default points of its scale.
    public static func make(id: String, kind: QuestionKind, text: String, required: Bool = false, options labels: [String] = []) -> Question {
        let labels = kind.isScale && labels.isEmpty ? kind.defaultLabels : labels
        return Question(id: id, kind: kind, text: text, required: required && kind.isAnswerable,
                        options: labels.enumerated().map { QuestionOption(id: "o\($0.offset + 1)", label: $0.element) })
    }

    /// The value of the option with this id on a scale (1 for the first point).
    public func point(of optionID: String) -> Int? {
        guard kind.isScale, let index = options.firstIndex(where: { $0.id == optionID }) else { return nil }
        return index + 1
    }
}

/// The questions of a questionnaire: what is kept (as JSON) in one row with one version.
public struct QuestionList: Codable, Equatable, Sendable {
    public var questions: [Question]

    public init(_ questions: [Question] = []) { self.questions = questions }

    public static let maxQuestions = 60
    public static let maxOptions = 20

    public var answerable: [Question] { questions.filter(\.kind.isAnswerable) }

    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }

    /// An id no question of the list has yet ("v7").
    public func newQuestionID() -> String {
        let taken = Set(questions.map(\.id))
        var n = questions.count + 1
        while taken.contains("v\(n)") { n += 1 }
        return "v\(n)"
    }

    /// Moves a question one place up (-1) or down (+1); false when it cannot move.
    public mutating func move(_ id: String, by offset: Int) -> Bool {
        guard let index = questions.firstIndex(where: { $0.id == id }) else { return false }
        let target = index + offset
        guard questions.indices.contains(target) else { return false }
        questions.swapAt(index, target)
        return true
    }

    /// Whether `new` can replace this list once answers exist: every answerable question
    /// and every option stays, with the same kind, so each stored answer keeps its meaning.
    /// Wording, order, headings, "required" and new questions or options are fine.
    public func keepsAnswersValid(in new: QuestionList) -> Bool {
        answerable.allSatisfy { old in
            guard let kept = new.question(old.id), kept.kind == old.kind else { return false }
            let ids = Set(kept.options.map(\.id))
            return old.options.allSatisfy { ids.contains($0.id) } && (!old.kind.isScale || kept.options.count == old.options.count)
        }
    }
}
