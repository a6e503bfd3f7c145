import App
import Domain
import Fluent
import Foundation

/// The demo coalition's quality work: fictional, but written the way coalitions write.
enum DemoBouwbladen {
    struct Goal { let text: String; let target: String; let unit: TargetUnit?; let deadline: String?; let owner: String; let achieved: String }
    struct Action { let text: String; let owner: String; let deadline: String?; let status: ActieStatus }
    struct Cycle {
        let from: String?, to: String?
        let startvraag: String?
        let doelen: String, bereikt: String, bijgesteld: String
        var goals: [Goal] = []
        var actions: [Action] = []
    }
    struct Blad {
        let key: BouwsteenKey
        let ownQuestion: String?
        let title: String
        let cycles: [Cycle]
        var links: [(BouwsteenKey, String)] = []
        var ready = false
        /// Set for an extra bouwblad on one of the format's example questions.
        var exampleQuestion: Int? = nil
    }

    static let bladen: [Blad] = [
        Blad(key: .init(level: .macro, aspect: .samenhang), ownQuestion: nil, title: "Eén visie op ontwikkelkansen", cycles: [
            Cycle(from: "2025-09", to: "2026-02", startvraag: nil,
                  doelen: "We leggen de visie van de coalitie naast het nieuwe jeugdbeleid van de gemeente en zoeken de overlap.",
                  bereikt: "Er ligt een gezamenlijke notitie. De gemeente noemt School & Omgeving nu in de Kadernota.",
                  bijgesteld: "Hoe zorgen we dat de schoolbesturen dezelfde taal gebruiken in hun strategisch beleidsplan?",
                  goals: [Goal(text: "De visie van de coalitie staat in de Kadernota van de gemeente", target: "2026-01-31", unit: .datum, deadline: "2026-01-31", owner: "Sanne de Vries", achieved: "2026-01-15")],
                  actions: [Action(text: "Gesprek met de wethouder onderwijs", owner: "Sanne de Vries", deadline: "2025-10-15", status: .klaar)]),
            Cycle(from: "2026-03", to: "2026-08", startvraag: nil, doelen: "Twee bijeenkomsten met de besturen over de begrippen die we gebruiken.", bereikt: "", bijgesteld: "",
                  actions: [Action(text: "Bijeenkomst met de drie schoolbesturen plannen", owner: "Sanne de Vries", deadline: "2026-04-30", status: .bezig)]),
        ], links: [(.init(level: .meso, aspect: .samenwerking), "Het gesprek met de besturen zet beweging in de coalitie in gang.")]),
        Blad(key: .init(level: .macro, aspect: .samenwerking), ownQuestion: nil, title: "Bestuurlijke afspraken vastleggen", cycles: [
            Cycle(from: "2025-09", to: "2026-06", startvraag: nil,
                  doelen: "We maken een samenwerkingsovereenkomst tussen gemeente en besturen, met wie waarvoor betaalt na 2028.",
                  bereikt: "", bijgesteld: "",
                  goals: [Goal(text: "Samenwerkingsovereenkomst getekend door alle partijen", target: "4", unit: .aantal, deadline: "2026-06-30", owner: "Sanne de Vries", achieved: "")],
                  actions: [Action(text: "Concept-overeenkomst laten lezen door juristen", owner: "Gemeente Rivierstad", deadline: "2026-02-28", status: .gepland)]),
        ]),
        Blad(key: .init(level: .macro, aspect: .uitvoering), ownQuestion: nil, title: "", cycles: [
            Cycle(from: "2025-09", to: "2026-01", startvraag: nil,
                  doelen: "We kiezen drie dingen die we elk half jaar volgen:\n- deelname per school\n- betrokkenheid tijdens activiteiten\n- wat leerlingen zelf zeggen",
                  bereikt: "De deelname volgen we nu per school. Betrokkenheid meten we nog niet overal.",
                  bijgesteld: "Hoe krijgen we op elke locatie een vaste observatie van betrokkenheid?",
                  goals: [Goal(text: "Alle drie de locaties leveren hun deelnamecijfers aan", target: "3", unit: .aantal, deadline: "2026-01-31", owner: "Mohamed El Amrani", achieved: "3")]),
            Cycle(from: "2026-02", to: "2026-06", startvraag: nil, doelen: "Op elke locatie observeert een coördinator één keer per maand met de Leuvense schaal.", bereikt: "", bijgesteld: "",
                  goals: [Goal(text: "Observaties per maand op elke locatie", target: "12", unit: .aantal, deadline: "2026-06-30", owner: "Lotte Jansen", achieved: "")],
                  actions: [Action(text: "Korte training Leuvense schaal voor coördinatoren", owner: "Welzijn Rivierstad", deadline: "2026-02-20", status: .bezig)]),
        ], links: [(.init(level: .micro, aspect: .uitvoering), "Observaties komen uit de activiteiten zelf.")]),
        Blad(key: .init(level: .meso, aspect: .samenhang), ownQuestion: nil, title: "Aansluiten bij de wijk", cycles: [
            Cycle(from: "2025-10", to: "2026-03", startvraag: nil,
                  doelen: "We brengen in kaart wat er in de wijken al gebeurt voor kinderen na schooltijd.",
                  bereikt: "Er is een wijkkaart met 23 activiteiten van anderen. Twee daarvan doen nu mee met ons programma.",
                  bijgesteld: "Hoe houden we de wijkkaart actueel zonder dat het veel tijd kost?",
                  goals: [Goal(text: "Activiteiten van anderen op de wijkkaart", target: "20", unit: .aantal, deadline: "2026-03-31", owner: "Welzijn Rivierstad", achieved: "23")]),
        ], ready: true),
        Blad(key: .init(level: .meso, aspect: .samenwerking), ownQuestion: nil, title: "Van improvisatie naar gezamenlijke structuur", cycles: [
            Cycle(from: "2025-09", to: "2025-12", startvraag: nil,
                  doelen: "Elke locatie heeft een vast aanspreekpunt, en we overleggen elk kwartaal met alle partners.",
                  bereikt: "Op twee van de drie locaties is er een vast aanspreekpunt. Op De Vlinder lukte het nog niet door personeelswisselingen.",
                  bijgesteld: "Hoe zorgen we dat de samenwerking doorloopt als mensen wisselen?",
                  goals: [Goal(text: "Locaties met een vast aanspreekpunt", target: "3", unit: .aantal, deadline: "2025-12-31", owner: "Sanne de Vries", achieved: "2")],
                  actions: [Action(text: "Kwartaaloverleg met alle partners", owner: "Sanne de Vries", deadline: "2025-10-01", status: .klaar)]),
            Cycle(from: "2026-01", to: "2026-04", startvraag: nil,
                  doelen: "We schrijven een korte overdrachtsmap per locatie.", bereikt: "Twee mappen zijn klaar en gebruikt bij een wisseling.",
                  bijgesteld: "Hoe garanderen we in elke wijk minstens één contactmoment per kwartaal?",
                  goals: [Goal(text: "Overdrachtsmappen klaar", target: "3", unit: .aantal, deadline: "2026-04-30", owner: "Lotte Jansen", achieved: "2")],
                  actions: [Action(text: "Overdrachtsmap De Vlinder", owner: "Lotte Jansen", deadline: "2026-03-15", status: .vervallen)]),
            Cycle(from: "2026-05", to: "2026-08", startvraag: nil, doelen: "", bereikt: "", bijgesteld: ""),
        ]),
        Blad(key: .init(level: .meso, aspect: .uitvoering), ownQuestion: nil, title: "Veilig in en om de school", cycles: [
            Cycle(from: "2025-09", to: "2026-01", startvraag: nil,
                  doelen: "Alle begeleiders van partners hebben een geldige VOG en kennen het vier-ogenprincipe.",
                  bereikt: "Alle VOG's zijn binnen. Het vier-ogenprincipe werkt nog niet bij de sportactiviteiten op woensdag.",
                  bijgesteld: "Hoe regelen we een tweede volwassene bij kleine sportgroepen?",
                  goals: [Goal(text: "Begeleiders met een geldige VOG", target: "100", unit: .procent, deadline: "2025-10-31", owner: "Sanne de Vries", achieved: "100")],
                  actions: [Action(text: "VOG-lijst bijwerken", owner: "Sanne de Vries", deadline: "2025-10-31", status: .klaar),
                            Action(text: "Ouders vragen als tweede volwassene bij sport", owner: "Sportclub Rivierstad", deadline: "2026-02-15", status: .gepland)]),
        ], ready: true),
        Blad(key: .init(level: .micro, aspect: .samenhang), ownQuestion: nil, title: "Een plan dat klopt", cycles: [
            Cycle(from: "2025-09", to: "2026-02", startvraag: nil,
                  doelen: "Elke locatie biedt minstens één activiteit in elk domein: cultuur, sport, cognitief en ontdekken.",
                  bereikt: "De Regenboog en Het Anker hebben alle vier de domeinen. De Vlinder mist nog ontdekken.",
                  bijgesteld: "Welke partner kan op De Vlinder iets met techniek of natuur doen?",
                  goals: [Goal(text: "Locaties met alle vier de domeinen", target: "3", unit: .aantal, deadline: "2026-02-28", owner: "Mohamed El Amrani", achieved: "2")]),
        ]),
        Blad(key: .init(level: .micro, aspect: .samenwerking), ownQuestion: nil, title: "Zo doen we dat hier", cycles: [
            Cycle(from: "2025-09", to: "2025-12", startvraag: nil,
                  doelen: "We maken samen met de scholen één kaart met omgangsafspraken voor alle activiteiten.",
                  bereikt: "De kaart hangt op alle locaties. Partners vinden hem duidelijk.",
                  bijgesteld: "Hoe zorgen we voor een gemeenschappelijke taal met kinderen en ouders?",
                  actions: [Action(text: "Kaart drukken en ophangen", owner: "Muziekschool De Toonladder", deadline: "2025-11-15", status: .klaar)]),
        ], links: [(.init(level: .micro, aspect: .uitvoering), "Begeleiders gebruiken dezelfde taal in gesprekken met ouders.")]),
        Blad(key: .init(level: .micro, aspect: .uitvoering), ownQuestion: nil, title: "Elke week even terugkijken", cycles: [
            Cycle(from: "2025-09", to: "2026-01", startvraag: nil,
                  doelen: "Na elke activiteit een korte nabespreking tussen begeleider en coördinator.",
                  bereikt: "Op 65% van de activiteiten was er een nabespreking. Vooral bij nieuwe partners schiet het erbij in.",
                  bijgesteld: "Hoe maken we de nabespreking zo kort dat hij altijd lukt?",
                  goals: [Goal(text: "Activiteiten met een nabespreking", target: "80", unit: .procent, deadline: "2026-01-31", owner: "Mohamed El Amrani", achieved: "65")],
                  actions: [Action(text: "Formulier voor de nabespreking maken", owner: "Mohamed El Amrani", deadline: "2025-09-30", status: .klaar)]),
            Cycle(from: "2026-02", to: "2026-06", startvraag: nil, doelen: "Een nabespreking van vijf minuten met drie vaste vragen.", bereikt: "", bijgesteld: "",
                  goals: [Goal(text: "Activiteiten met een nabespreking", target: "90", unit: .procent, deadline: "2026-06-30", owner: "Mohamed El Amrani", achieved: "")],
                  actions: [Action(text: "Drie vaste vragen op een kaartje", owner: "Mohamed El Amrani", deadline: "2026-02-15", status: .bezig)]),
        ]),
        Blad(key: .init(level: .micro, aspect: .samenwerking), ownQuestion: nil, title: "Taal die ouders begrijpen", cycles: [
            Cycle(from: "2026-01", to: "2026-05", startvraag: nil,
                  doelen: "We herschrijven de uitnodigingen voor ouders in eenvoudige taal, samen met twee ouders per school.",
                  bereikt: "", bijgesteld: "",
                  actions: [Action(text: "Twee ouders per school vragen om mee te lezen", owner: "Bibliotheek Rivierstad", deadline: "2026-02-01", status: .bezig)]),
        ], exampleQuestion: 1),
        Blad(key: .init(level: .micro, aspect: .samenhang), ownQuestion: "Hoe laten we kinderen meebeslissen over het aanbod?", title: "Kinderen kiezen mee", cycles: [
            Cycle(from: "2025-11", to: "2026-03", startvraag: nil,
                  doelen: "Een korte vragenlijst in groep 5 tot en met 8 over wat kinderen graag willen doen.",
                  bereikt: "", bijgesteld: "",
                  goals: [Goal(text: "Ingevulde vragenlijsten", target: "150", unit: .aantal, deadline: "2026-03-31", owner: "Lotte Jansen", achieved: "")],
                  actions: [Action(text: "Vragenlijst bespreken met de leerlingenraden", owner: "Lotte Jansen", deadline: "2025-12-01", status: .gepland)]),
        ]),
    ]

    /// Creates the bouwbladen if the demo coalition has none yet.
    static func load(on db: any Database, coalitionID: UUID, keeperID: UUID, userID: UUID, now: Date) async throws {
        guard try await !BouwbladStore(coalitionID: coalitionID, on: db).hasAny() else { return }
        let catalog = try await FormatCatalog.load(on: db)
        var created: [BouwsteenKey: UUID] = [:]
        for blad in bladen {
            guard let bouwsteen = catalog.bouwsteen(blad.key) else { continue }
            let mandatory = bouwsteen.questions.first { $0.mandatory }!
            let question = blad.exampleQuestion.flatMap { bouwsteen.questions.indices.contains($0) ? bouwsteen.questions[$0] : nil } ?? mandatory
            let bouwblad = BouwbladRecord()
            bouwblad.coalitionID = coalitionID
            bouwblad.bouwsteenID = bouwsteen.id
            bouwblad.questionID = blad.ownQuestion == nil ? question.id : nil
            bouwblad.ownQuestion = blad.ownQuestion
            bouwblad.title = blad.title
            bouwblad.keeperID = keeperID
            bouwblad.readyForReport = blad.ready
            bouwblad.version = 1
            bouwblad.createdBy = userID
            bouwblad.updatedBy = userID
            try await bouwblad.create(on: db)
            if blad.ownQuestion == nil, question.mandatory { created[blad.key] = bouwblad.id }
            var previous: CycleRecord?
            for (index, c) in blad.cycles.enumerated() {
                let startvraag = c.startvraag ?? previous?.bijgesteld ?? blad.ownQuestion ?? question.text
                let cycle = CycleRecord(coalitionID: coalitionID, bouwbladID: (try bouwblad.requireID()), number: index + 1, startvraag: startvraag,
                                        period: CyclePeriod(from: c.from.flatMap(Month.init), to: c.to.flatMap(Month.init)))
                cycle.doelen = c.doelen
                cycle.bereikt = c.bereikt
                cycle.bijgesteld = c.bijgesteld
                if index < blad.cycles.count - 1 { cycle.closedAt = now }
                try await cycle.create(on: db)
                for g in c.goals {
                    let doel = DoelRecord()
                    doel.coalitionID = coalitionID; doel.bouwbladID = (try bouwblad.requireID()); doel.cycleID = (try cycle.requireID())
                    doel.text = g.text; doel.measure = ""; doel.target = g.target; doel.unit = g.unit?.rawValue
                    doel.deadline = g.deadline; doel.owner = g.owner; doel.achieved = g.achieved; doel.version = 1
                    try await doel.create(on: db)
                }
                for a in c.actions {
                    let actie = ActieRecord()
                    actie.coalitionID = coalitionID; actie.bouwbladID = (try bouwblad.requireID()); actie.cycleID = (try cycle.requireID())
                    actie.text = a.text; actie.ownerName = a.owner; actie.deadline = a.deadline; actie.status = a.status; actie.version = 1
                    try await actie.create(on: db)
                }
                previous = cycle
            }
            for (target, note) in blad.links {
                guard let targetBouwsteen = catalog.bouwsteen(target) else { continue }
                try await LinkRecord(coalitionID: coalitionID, bouwbladID: (try bouwblad.requireID()), cycleID: nil, targetBouwsteenID: targetBouwsteen.id,
                                     targetBouwbladID: created[target], note: note, createdBy: userID).create(on: db)
            }
        }
    }
}
