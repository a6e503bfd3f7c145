/// The coordinator's check before an activity starts (today a Forms questionnaire):
/// five questions answered yes or no, how it will be evaluated, and the VOGs, which
/// the app knows itself.
public enum VoorafCheck {
    public struct Question: Sendable {
        public let field: VoorafCheckForm.CodingKeys
        public let text: String
        /// The question's name in the stored answers and on the form.
        public var key: String { field.rawValue }
    }

    public static let questions: [Question] = [
        Question(field: .doel, text: "Het doel van de activiteit is duidelijk en past bij de doelen van de coalitie."),
        Question(field: .doelgroep, text: "De activiteit past bij de doelgroep: leeftijd, niveau en groepsgrootte."),
        Question(field: .veiligheid, text: "De afspraken over veiligheid zijn gemaakt: vier-ogenprincipe, wie er van school is, contact voor en na."),
        Question(field: .interesses, text: "Er is rekening gehouden met de interesses van de leerlingen."),
        Question(field: .ouders, text: "Leerlingen en ouders weten wat de activiteit is en wanneer die plaatsvindt."),
    ]

    public static let evaluationMax = 1_000

    public struct Answers: Equatable, Sendable {
        public var yes: Set<String>
        public var no: Set<String>
        public var evaluation: String

        public init(yes: Set<String> = [], no: Set<String> = [], evaluation: String = "") {
            self.yes = yes
            self.no = no
            self.evaluation = evaluation
        }

        /// Stored as "doel=ja;doelgroep=nee".
        public init(stored: String, evaluation: String) {
            var yes = Set<String>(), no = Set<String>()
            for pair in stored.split(separator: ";") {
                let kv = pair.split(separator: "=").map(String.init)
                guard kv.count == 2 else { continue }
                if kv[1] == "ja" { yes.insert(kv[0]) } else if kv[1] == "nee" { no.insert(kv[0]) }
            }
            self.init(yes: yes, no: no, evaluation: evaluation)
        }

        public var stored: String {
            VoorafCheck.questions.compactMap { q in
                yes.contains(q.key) ? "\(q.key)=ja" : no.contains(q.key) ? "\(q.key)=nee" : nil
            }.joined(separator: ";")
        }
    }

    /// Every question must be answered (yes or no); the evaluation must be described.
    public static func validate(_ form: VoorafCheckForm, into errors: inout FieldErrors) -> Answers? {
        var answers = Answers()
        for q in questions {
            switch form[q.field] {
            case "ja": answers.yes.insert(q.key)
            case "nee": answers.no.insert(q.key)
            case nil, "": errors.add(q.field, .required)
            default: errors.add(q.field, .unknownChoice)
            }
        }
        let evaluation = PlainText.validate(form.evaluatie, field: VoorafCheckForm.CodingKeys.evaluatie, max: evaluationMax, into: &errors) ?? ""
        if evaluation.isEmpty, errors[VoorafCheckForm.CodingKeys.evaluatie] == nil { errors.add(VoorafCheckForm.CodingKeys.evaluatie, .required) }
        answers.evaluation = evaluation
        return errors.isEmpty ? answers : nil
    }

    /// What still needs attention, in plain words. Empty means the check is done and fine.
    public static func open(answers: Answers?, staff: [(name: String, vog: VogStatus)]) -> [String] {
        var items: [String] = []
        if let answers {
            for q in questions where answers.no.contains(q.key) { items.append("Nee: \(q.text)") }
        } else {
            items.append("De vooraf-check is nog niet ingevuld.")
        }
        for person in staff where !person.vog.isValid {
            items.append("VOG van \(person.name): \(person.vog.label.lowercased()).")
        }
        return items
    }
}

/// The vooraf-check form as posted: "ja" or "nee" per question, and how it is evaluated.
public struct VoorafCheckForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case doel, doelgroep, veiligheid, interesses, ouders, evaluatie }
    public var doel, doelgroep, veiligheid, interesses, ouders, evaluatie: String?

    public init() {}

    /// The answer to one question.
    public subscript(question: CodingKeys) -> String? {
        get {
            switch question {
            case .doel: doel
            case .doelgroep: doelgroep
            case .veiligheid: veiligheid
            case .interesses: interesses
            case .ouders: ouders
            case .evaluatie: evaluatie
            }
        }
        set {
            switch question {
            case .doel: doel = newValue
            case .doelgroep: doelgroep = newValue
            case .veiligheid: veiligheid = newValue
            case .interesses: interesses = newValue
            case .ouders: ouders = newValue
            case .evaluatie: evaluatie = newValue
            }
        }
    }
}
