import Domain
import Reports

/// A small report with every kind of content, built from plain values.
enum SampleReport {
    static let tricky = "Sport & spel <met> \"quotes\" en 'apostrof' 🎨\u{0007}"

    static func make(concept: Bool = true, longText: String = "") -> Report {
        let order = BouwsteenKey.reportOrder
        let sections = order.map { key -> Report.Section in
            let bouwbladen: [Report.Bouwblad] = key == BouwsteenKey(level: .macro, aspect: .samenhang) ? [] : [
                Report.Bouwblad(
                    anchor: "bouwblad-\(key.code)", title: "Titel bij \(key.name)", question: "Vraag bij \(key.name)?",
                    questionKind: "Verplichte vraag", keeper: "Sanne de Vries",
                    cycles: [
                        Report.Cycle(
                            title: "Cyclus 1", period: "september 2025 – januari 2026",
                            steps: [
                                .init(title: "Stap 1 – Wat is je startvraag?", text: "Situatie.\n\nVraag bij \(key.name)?"),
                                .init(title: "Stap 2 – Wat zijn je doelen en acties?", text: "- eerste punt\n- tweede punt" + longText),
                                .init(title: "Stap 3 – Wat hebben we bereikt?", text: key.level == .micro ? tricky : "Veel."),
                                .init(title: "Stap 4 – Wat is je bijgestelde startvraag?", text: ""),
                            ],
                            doelen: [.init(text: "Nabespreking na elke activiteit", target: "80%", achieved: "85", verdict: "Behaald")],
                            acties: [.init(text: "Vaste vraag afspreken", owner: "Sportbedrijf", deadline: "1 maart 2026", status: "Bezig")]),
                    ],
                    links: [.init(other: "Meso – Uitvoering", kind: "verticaal", cycle: "Cyclus 1", note: "Tijd inroosteren")],
                    touchedBy: [.init(name: "Macro – Samenwerking: Titel", anchor: "bouwblad-macro-samenwerking")]),
            ]
            return Report.Section(anchor: "bouwsteen-\(key.code)", name: key.name, description: "Beschrijving van \(key.name).", bouwbladen: bouwbladen)
        }
        let raster = Level.allCases.map { level in
            Aspect.allCases.map { aspect in
                let key = BouwsteenKey(level: level, aspect: aspect)
                return Report.RasterCell(name: key.name, anchor: "bouwsteen-\(key.code)", summary: "1 bouwblad")
            }
        }
        return Report(
            title: "Kwaliteitsrapport 2025–2028", coalition: "Coalitie Rivierstad", period: "2025–2028", date: "22 november 2026",
            isConcept: concept, introduction: "Onze coalitie.\n\n- lijn 1\n- lijn 2", raster: raster,
            columnLabels: Aspect.allCases.map(\.label), rowLabels: Level.allCases.map(\.label), sections: sections,
            openActies: [.init(text: "Vaste vraag afspreken", owner: "Sportbedrijf", deadline: "1 maart 2026", status: "Bezig", source: "Micro – Uitvoering")])
    }
}
