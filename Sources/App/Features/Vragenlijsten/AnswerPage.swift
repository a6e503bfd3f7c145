import Domain
import Vapor

/// The questionnaire as a respondent sees it; the preview shows exactly the same, without
/// sending. Pupils get bigger targets and plainer words (`isPupil`).
struct AnswerPage: Encodable {
    struct Option: Encodable { let id: String; let value: String; let label: String; let face: String?; let checked: Bool }
    struct Item: Encodable {
        let id: String
        let name: String
        let heading: String?
        let text: String
        let hint: String?
        let hintID: String
        let required: Bool
        let isRadios, isChecks, isScale, isNumber, isShort, isLong: Bool
        let options: [Option]
        let value: String
        let error: String?
        let errorID: String
    }
    struct SummaryItem: Encodable { let href: String; let message: String }

    let layout: Layout
    let title: String
    let intro: [String]
    let isPupil: Bool
    let action: String?
    let previewBack: String?
    let items: [Item]
    let askYearGroup: Bool
    let yearGroups: [Option]
    let hasErrors: Bool
    let errorSummary: [SummaryItem]
    let requiredNote: Bool

    init(layout: Layout, questionnaire q: QuestionnaireRecord, answers: Answers, errors: FieldErrors, action: String?, preview: String?,
         yearGroup: Int?, typed: [String: String] = [:]) {
        self.layout = layout
        title = q.title
        intro = q.intro.components(separatedBy: "\n\n").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        isPupil = q.audienceValue == .leerlingen
        self.action = action
        previewBack = preview
        let pupil = isPupil
        items = q.questionList.questions.map { question in
            let name = Answers.field(question), id = "f-\(name)"
            let given = answers[question.id]
            let faces = question.kind == .smileys ? Self.faces : []
            let options = question.options.enumerated().map { index, option in
                Option(id: "\(id)-\(option.id)", value: option.id, label: option.label, face: index < faces.count ? faces[index] : nil, checked: given.contains(option.id))
            }
            let value = typed[name] ?? (question.kind.hasOptions ? "" : given.first.map { question.kind == .number ? $0.replacingOccurrences(of: ".", with: ",") : $0 } ?? "")
            return Item(id: id, name: name, heading: question.kind == .heading ? question.text : nil, text: question.text,
                        hint: question.hint.isEmpty ? nil : question.hint, hintID: "\(id)-hint", required: question.required,
                        isRadios: question.kind == .oneChoice, isChecks: question.kind == .severalChoices, isScale: question.kind.isScale,
                        isNumber: question.kind == .number, isShort: question.kind == .shortText, isLong: question.kind == .longText,
                        options: options, value: value, error: errors[name].map { Self.message($0, question, pupil: pupil) }, errorID: "\(id)-error")
        }
        askYearGroup = isPupil
        yearGroups = [Option(id: "f-groep-leeg", value: "", label: "Zeg ik liever niet", face: nil, checked: yearGroup == nil)]
            + (1...8).map { Option(id: "f-groep-\($0)", value: String($0), label: "Groep \($0)", face: nil, checked: yearGroup == $0) }
        hasErrors = !errors.isEmpty
        let list = q.questionList
        errorSummary = errors.items.compactMap { item in
            guard let question = list.answerable.first(where: { Answers.field($0) == item.field }) else {
                return SummaryItem(href: "#f-groep", message: "Kies je groep, of kies ‘Zeg ik liever niet’.")
            }
            return SummaryItem(href: "#f-\(item.field)", message: "\(question.text): \(Self.message(item.issue, question, pupil: pupil))")
        }
        requiredNote = list.answerable.contains(where: \.required)
    }

    /// The faces of a smiley scale, drawn (an emoji font may be missing); the label beside
    /// each is its text, so the face is decoration (`aria-hidden`).
    static let faces: [String] = ["M13 25 Q20 18 27 25", "M13 23 L27 23", "M13 21 Q20 28 27 21"].map { mouth in
        "<svg class=\"face\" viewBox=\"0 0 40 40\" width=\"40\" height=\"40\" aria-hidden=\"true\" focusable=\"false\">"
            + "<circle cx=\"20\" cy=\"20\" r=\"18\" fill=\"#ffd45c\" stroke=\"#1a1a1a\" stroke-width=\"2\"/>"
            + "<circle cx=\"14\" cy=\"15\" r=\"2.5\" fill=\"#1a1a1a\"/><circle cx=\"26\" cy=\"15\" r=\"2.5\" fill=\"#1a1a1a\"/>"
            + "<path d=\"\(mouth)\" fill=\"none\" stroke=\"#1a1a1a\" stroke-width=\"2.5\" stroke-linecap=\"round\"/></svg>"
    }

    /// Plain words, for pupils plainer still.
    static func message(_ issue: FieldIssue, _ question: Question, pupil: Bool) -> String {
        switch issue {
        case .required: return question.kind.hasOptions ? (pupil ? "Kies een antwoord." : "Kies een antwoord bij deze vraag.") : (pupil ? "Schrijf hier iets." : "Vul hier een antwoord in.")
        case .unknownChoice: return "Kies een van de antwoorden."
        case .numberOutOfRange, .notANumber: return "Vul een getal in, bijvoorbeeld 12."
        case .tooLong(let max): return pupil ? "Dit is te lang. Schrijf minder dan \(max) letters." : "Uw antwoord is te lang: ten hoogste \(max) tekens."
        case .controlCharacters: return "Er staan tekens in die niet kunnen. Haal ze weg."
        default: return "Kijk dit antwoord na."
        }
    }
}
