/// The coordinator's check before an activity starts (today a Forms questionnaire):
/// five questions answered yes or no, how it will be evaluated, and the VOGs, which
/// the app knows itself.
public enum VoorafCheck {
    public struct Question: Sendable {
        public let key: String
        public let text: String
    }

    public static let questions: [Question] = [
        Question(key: "doel", text: "Het doel van de activiteit is duidelijk en past bij de doelen van de coalitie."),
        Question(key: "doelgroep", text: "De activiteit past bij de doelgroep: leeftijd, niveau en groepsgrootte."),
        Question(key: "veiligheid", text: "De afspraken over veiligheid zijn gemaakt: vier-ogenprincipe, wie er van school is, contact voor en na."),
        Question(key: "interesses", text: "Er is rekening gehouden met de interesses van de leerlingen."),
        Question(key: "ouders", text: "Leerlingen en ouders weten wat de activiteit is en wanneer die plaatsvindt."),
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
    public static func validate(_ values: [String: String], into errors: inout FieldErrors) -> Answers? {
        var answers = Answers()
        for q in questions {
            switch values[q.key] {
            case "ja": answers.yes.insert(q.key)
            case "nee": answers.no.insert(q.key)
            case nil, "": errors.add(q.key, .required)
            default: errors.add(q.key, .unknownChoice)
            }
        }
        let evaluation = PlainText.validate(values["evaluatie"], field: "evaluatie", max: evaluationMax, into: &errors) ?? ""
        if evaluation.isEmpty, errors["evaluatie"] == nil { errors.add("evaluatie", .required) }
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
