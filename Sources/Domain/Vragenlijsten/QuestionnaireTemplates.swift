/// The questionnaires a coalition starts from, in the words coalitions use (seed 001: the
/// pupils' interests before the offer is chosen, the coordinator's check before an activity;
/// seed 004: satisfaction of stakeholders).
public struct QuestionnaireTemplate: Sendable {
    public let key: String
    public let name: String
    public let description: String
    public let title: String
    public let intro: String
    public let audience: Audience
    public let questions: [Question]

    public static func all(domains: [String]) -> [QuestionnaireTemplate] {
        [pupilInterests(domains: domains), parents, partners, voorafCheck]
    }

    public static func named(_ key: String, domains: [String]) -> QuestionnaireTemplate? {
        all(domains: domains).first { $0.key == key }
    }

    /// One smiley question per domain (the four of the format and the coalition's own), then
    /// what the pupil would like most, in their own words.
    static func pupilInterests(domains: [String]) -> QuestionnaireTemplate {
        var questions: [Question] = [.make(id: "v1", kind: .heading, text: "Wat vind jij leuk?")]
        for domain in domains {
            questions.append(.make(id: "v\(questions.count + 1)", kind: .smileys, text: "Hoe leuk vind je \(DomainWords.activities(domain))?"))
        }
        questions.append(.make(id: "v\(questions.count + 1)", kind: .severalChoices, text: "Wat wil je graag een keer doen?",
                               options: domains.map { DomainWords.activities($0).capitalizedFirst }))
        questions.append(.make(id: "v\(questions.count + 1)", kind: .shortText, text: "Wat zou je nog meer willen doen?"))
        return QuestionnaireTemplate(
            key: "interesses", name: "Interesses van leerlingen", description: "Wat leerlingen graag willen doen, per domein. Voor je het aanbod kiest.",
            title: "Wat wil jij graag doen?", intro: "We willen weten wat jij leuk vindt. Dan kunnen we activiteiten kiezen die bij jou passen. Er zijn geen goede of foute antwoorden. Je naam vragen we niet.",
            audience: .leerlingen, questions: questions)
    }

    static let parents = QuestionnaireTemplate(
        key: "ouders", name: "Tevredenheid van ouders", description: "Hoe ouders de activiteiten vinden, en wat beter kan.",
        title: "Wat vindt u van de activiteiten?", intro: "Uw kind deed mee aan activiteiten van school en partners. We horen graag wat u ervan vindt. De vragenlijst is anoniem en duurt ongeveer drie minuten.",
        audience: .ouders, questions: [
            .make(id: "v1", kind: .likert5, text: "Mijn kind vindt de activiteiten leuk.", required: true),
            .make(id: "v2", kind: .likert5, text: "Ik weet welke activiteiten mijn kind doet en wanneer."),
            .make(id: "v3", kind: .likert5, text: "De activiteiten passen bij wat mijn kind nodig heeft."),
            .make(id: "v4", kind: .scale4, text: "Hoe tevreden bent u over de informatie die u krijgt?"),
            .make(id: "v5", kind: .longText, text: "Wat kan er beter?"),
        ])

    static let partners = QuestionnaireTemplate(
        key: "partners", name: "Evaluatie door partners", description: "Hoe partners de samenwerking en de activiteiten beoordelen.",
        title: "Evaluatie van de samenwerking", intro: "U verzorgde activiteiten voor leerlingen in onze coalitie. Hoe ging het? Uw antwoorden helpen ons het aanbod en de samenwerking te verbeteren.",
        audience: .partners, questions: [
            .make(id: "v1", kind: .likert5, text: "De afspraken met de school waren duidelijk.", required: true),
            .make(id: "v2", kind: .likert5, text: "De leerlingen waren betrokken bij de activiteit."),
            .make(id: "v3", kind: .likert5, text: "De samenwerking met de coördinator verliep goed."),
            .make(id: "v4", kind: .number, text: "Hoeveel bijeenkomsten heeft u gegeven?"),
            .make(id: "v5", kind: .oneChoice, text: "Wilt u volgend jaar weer meedoen?", options: ["Ja", "Misschien", "Nee"]),
            .make(id: "v6", kind: .longText, text: "Wat zou u volgende keer anders doen?"),
        ])

    static let voorafCheck = QuestionnaireTemplate(
        key: "vooraf-check", name: "Vooraf-check van de coördinator", description: "De vijf vragen voor een activiteit begint, als vragenlijst.",
        title: "Vooraf-check activiteit", intro: "Beantwoord deze vragen voordat de activiteit begint.",
        audience: .coordinatoren, questions: VoorafCheck.questions.enumerated().map { index, question in
            .make(id: "v\(index + 1)", kind: .oneChoice, text: question.text, required: true, options: ["Ja", "Nee"])
        } + [.make(id: "v\(VoorafCheck.questions.count + 1)", kind: .longText, text: "Hoe wordt de activiteit geëvalueerd?")])
}

/// How a domain is named in a question to pupils.
enum DomainWords {
    static func activities(_ domain: String) -> String {
        switch domain {
        case "cultuur": return "cultuur (muziek, toneel, tekenen)"
        case "sport": return "sport en bewegen"
        case "cognitief": return "leren en puzzelen"
        case "ontdekken": return "ontdekken (natuur, techniek)"
        default: return domain
        }
    }
}
