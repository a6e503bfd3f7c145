/// A version of the ministry's format "Bouwstenen voor kwaliteit". Bouwbladen point at
/// the questions of the version they were made with, so a later revision of the format
/// can sit beside this one without changing them.
public struct FormatDefinition: Sendable {
    public struct Question: Sendable {
        public let text: String
        public let mandatory: Bool
    }

    public struct Bouwsteen: Sendable {
        public let key: BouwsteenKey
        public let description: String
        public let questions: [Question]
    }

    public let code: String
    public let name: String
    public let bouwstenen: [Bouwsteen]

    public func bouwsteen(_ key: BouwsteenKey) -> Bouwsteen {
        bouwstenen.first { $0.key == key }!
    }
}

extension FormatDefinition {
    /// Descriptions and mandatory questions as the format words them (seed 002, via
    /// shared/domain.md). The format's own example questions are on its clickable pages,
    /// which the seed text does not contain; the two examples the handreiking itself
    /// gives (2.3 and 2.4) are included. A later data migration can add the others.
    public static let bouwstenen2024 = FormatDefinition(
        code: "bouwstenen-2024",
        name: "Bouwstenen voor kwaliteit 2024",
        bouwstenen: [
            .init(key: .init(level: .macro, aspect: .samenhang),
                  description: "De samenhang tussen School & Omgeving en het jeugd- en onderwijsbeleid van gemeenten en onderwijsbesturen.",
                  questions: [.init(text: "Hoe bevorder je de samenhang tussen de visie van de coalitie op ontwikkelkansen, met de visie vanuit het gemeentelijk onderwijs- en jeugdbeleid?", mandatory: true)]),
            .init(key: .init(level: .macro, aspect: .samenwerking),
                  description: "De afspraken tussen de stakeholders over de wederzijdse verantwoordelijkheden en taken. En hoe dit beleidsmatig en bestuurlijk is geborgd.",
                  questions: [.init(text: "Wat werkt goed in de afspraken over de bestuurlijke verantwoordelijkheden? En wat betekent dat voor de toekomst?", mandatory: true)]),
            .init(key: .init(level: .macro, aspect: .uitvoering),
                  description: "Hoe passen de ingezette activiteiten bij de doelen van de regeling?",
                  questions: [.init(text: "Hoe volg je of de inzet van School & Omgeving bijdraagt aan de beoogde doelen voor leerlingen?", mandatory: true)]),
            .init(key: .init(level: .meso, aspect: .samenhang),
                  description: "De inhoudelijke samenhang en doorgaande lijnen binnen je coalitie (ook in relatie tot de omgeving).",
                  questions: [.init(text: "Hoe werk je aan de samenhang tussen de coalitie en wat er nog meer gebeurt in de omgeving van de scholen?", mandatory: true)]),
            .init(key: .init(level: .meso, aspect: .samenwerking),
                  description: "Visieontwikkeling, planvorming en kwaliteitscycli op coalitieniveau.",
                  questions: [
                    .init(text: "Wat werkt goed in de organisatiestructuur binnen de coalitie? Kun je op elkaar rekenen?", mandatory: true),
                    .init(text: "Hoe houden we de samenwerking tussen scholen en welzijnspartners in de wijk stevig en stabiel, ook als mensen van functie of organisatie wisselen?", mandatory: false),
                  ]),
            .init(key: .init(level: .meso, aspect: .uitvoering),
                  description: "Sturing op programmakwaliteit en effectieve inzet van mensen en middelen vanuit de coalitie.",
                  questions: [.init(text: "Hoe borg je in de uitvoering fysieke en mentale veiligheid van de kinderen? (Uitvoering van de afspraken over veiligheid, groepsgrootte, vier-ogenprincipe etc.)", mandatory: true)]),
            .init(key: .init(level: .micro, aspect: .samenhang),
                  description: "De 'merkbare' rode draden in de aanpak op en rond scholen.",
                  questions: [.init(text: "In hoeverre heb je een samenhangend plan van activiteiten dat bijdraagt aan je visie en doelen? Wat is je volgende stap daarin?", mandatory: true)]),
            .init(key: .init(level: .micro, aspect: .samenwerking),
                  description: "Hoe gaan we met de kinderen, ouders en met elkaar, 'zo zijn onze manieren'.",
                  questions: [
                    .init(text: "Wat zijn de gezamenlijke afspraken over hoe je met elkaar omgaat? Hoe zorg je samen dat iedereen volgens dit kader werkt? (Aansluiten bij de schoolvisie en schoolregels, pedagogische uitgangspunten samen vaststellen.)", mandatory: true),
                    .init(text: "Hoe zorgen we voor een gemeenschappelijke taal met kinderen en ouders?", mandatory: false),
                  ]),
            .init(key: .init(level: .micro, aspect: .uitvoering),
                  description: "De kwaliteit van de activiteiten.",
                  questions: [.init(text: "Hoe zorg je dat de activiteiten bijdragen aan de doelen en op welke manier evalueer je dit? (Omschrijf de cyclus.) Op het niveau van de leerlingen, van de leerkrachten, de ouders, de partners, schoolleiding.", mandatory: true)]),
        ])
}
