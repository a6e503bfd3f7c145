import Domain
import Foundation
import Reports

/// Turns the coalition's data into the format-neutral `Report`.
enum ReportBuilder {
    static func build(_ data: ReportData, isConcept: Bool, today: Date) throws -> Report {
        let catalog = data.catalog
        let sections = try BouwsteenKey.reportOrder.compactMap { key -> Report.Section? in
            guard let bouwsteen = catalog.bouwsteen(key) else { return nil }
            return Report.Section(
                anchor: anchor(key), name: key.name, description: bouwsteen.description,
                bouwbladen: try data.includedBouwbladen(of: bouwsteen).map { try bouwblad(data, $0, in: bouwsteen) })
        }
        let raster = try Level.allCases.map { level in
            try Aspect.allCases.map { aspect -> Report.RasterCell in
                let key = BouwsteenKey(level: level, aspect: aspect)
                let count = try catalog.bouwsteen(key).map { try data.includedBouwbladen(of: $0).count } ?? 0
                return Report.RasterCell(name: key.name, anchor: anchor(key), summary: count == 1 ? "1 bouwblad" : "\(count) bouwbladen")
            }
        }
        let included = Set(try data.bouwbladen.filter(data.isIncluded).compactMap(\.id))
        let open = data.acties
            .filter { included.contains($0.bouwbladID) && ($0.status == .gepland || $0.status == .bezig) }
            .sorted { ($0.wanneer?.date?.iso ?? "9999") < ($1.wanneer?.date?.iso ?? "9999") }
            .map { record -> Report.Actie in
                let source = data.bouwbladByID[record.bouwbladID].flatMap { catalog.bouwsteen(id: $0.bouwsteenID)?.key.name } ?? ""
                return actie(record, source: source)
            }
        var report = Report(
            title: data.title, coalition: data.coalition.name, period: data.period.label, date: DutchDate.dayMonthYear(today),
            isConcept: isConcept, introduction: data.introduction, raster: raster,
            columnLabels: Aspect.allCases.map(\.label), rowLabels: Level.allCases.map(\.label), sections: sections, openActies: open)
        report.questionnaires = data.questionnaires
        report.network = data.network
        return report
    }

    static func anchor(_ key: BouwsteenKey) -> String { "bouwsteen-\(key.code)" }

    static func anchor(_ bouwblad: BouwbladRecord) -> String { "bouwblad-\(bouwblad.id?.uuidString ?? "")" }

    private static func bouwblad(_ data: ReportData, _ bouwblad: BouwbladRecord, in bouwsteen: FormatCatalog.Bouwsteen) throws -> Report.Bouwblad {
        let question = data.questionText(bouwblad)
        let kind = data.isMandatory(bouwblad) ? "Verplichte vraag" : (bouwblad.questionID == nil ? "Eigen vraag" : "Voorbeeldvraag")
        let cycles = try data.includedCycles(of: bouwblad).map { cycle in
            Report.Cycle(
                title: "Cyclus \(cycle.number)" + (cycle.closedAt == nil ? " (loopt nog)" : ""),
                period: cycle.period.label ?? "geen periode opgegeven",
                steps: CycleStep.allCases.map { Report.Step(title: "Stap \($0.number) – \($0.title)", text: cycle.text($0)) },
                doelen: (data.doelenByCycle[(try cycle.requireID())] ?? []).map {
                    Report.Doel(text: $0.text, measure: $0.measure, target: $0.targetLabel ?? "", achieved: $0.achievedLabel + ($0.source.map { " (\($0))" } ?? ""), verdict: $0.effectiveVerdict?.label ?? "")
                },
                acties: (data.actiesByCycle[(try cycle.requireID())] ?? []).map { actie($0, source: bouwsteen.key.name) })
        }
        // A link prints in full at the bouwblad it starts from; the other side only names
        // that bouwblad, with a link to it.
        var links: [Report.Link] = [], touchedBy: [Report.Reference] = []
        for link in data.links {
            if link.bouwbladID == bouwblad.id {
                let target = link.targetBouwsteenID.flatMap { data.catalog.bouwsteen(id: $0) }
                let targetBouwblad = link.targetBouwbladID.flatMap { data.bouwbladByID[$0] }
                links.append(Report.Link(
                    other: Links.name(target: target, bouwblad: targetBouwblad, seenFrom: bouwsteen, catalog: data.catalog),
                    kind: LinkKind.words(link.kind, from: bouwsteen.key, to: target?.key),
                    cycle: link.cycleID.flatMap { data.cycleByID[$0] }.map { "Cyclus \($0.number)" } ?? "", note: link.note))
            } else if link.targetBouwbladID == bouwblad.id || (link.targetBouwbladID == nil && link.targetBouwsteenID == bouwsteen.id),
                      let source = data.bouwbladByID[link.bouwbladID], try data.isIncluded(source),
                      let from = data.catalog.bouwsteen(id: source.bouwsteenID) {
                let anchor = anchor(source)
                if !touchedBy.contains(where: { $0.anchor == anchor }) {
                    touchedBy.append(Report.Reference(name: Links.name(source, bouwsteen: from, catalog: data.catalog), anchor: anchor))
                }
            }
        }
        return Report.Bouwblad(
            anchor: anchor(bouwblad), title: heading(bouwblad, question: question), question: question, questionKind: kind,
            keeper: bouwblad.keeperID.flatMap { data.memberNames[$0] }, cycles: cycles, links: links, touchedBy: touchedBy)
    }

    /// The bouwblad's own short title; without one, the start of its question.
    static func heading(_ bouwblad: BouwbladRecord, question: String) -> String {
        if !bouwblad.title.isEmpty { return bouwblad.title }
        let firstSentence = question.split(whereSeparator: { $0 == "?" || $0 == "." }).first.map { String($0) + (question.contains("?") ? "?" : "") } ?? question
        // Cut at a word, never mid-word; a bouwblad without title or question still has a heading.
        let heading = PlainText.excerpt(firstSentence, limit: 90)
        return heading.isEmpty ? "Bouwblad zonder vraag" : heading
    }

    private static func actie(_ actie: Actie, source: String) -> Report.Actie {
        Report.Actie(text: actie.text, owner: actie.ownerName, deadline: actie.wanneer?.label ?? "",
                      status: actie.status.label, source: source)
    }
}
