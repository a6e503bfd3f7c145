import Domain
import Foundation

/// What is still missing before the report is complete, per bouwsteen, each item with
/// a link straight to the place where it is filled in.
struct Completeness {
    struct Item: Encodable { let text: String; let href: String }
    struct Group: Encodable { let bouwsteen: String; let items: [Item]; let isComplete: Bool }

    let groups: [Group]
    var isComplete: Bool { groups.allSatisfy(\.isComplete) }
    var missingCount: Int { groups.reduce(0) { $0 + $1.items.count } }

    init(_ data: ReportData, slug: String) throws {
        let coalition = Paths.coalition(slug)
        groups = try BouwsteenKey.reportOrder.compactMap { key in
            guard let bouwsteen = data.catalog.bouwsteen(key) else { return nil }
            var items: [Item] = []
            let included = try data.includedBouwbladen(of: bouwsteen)
            if !included.contains(where: data.isMandatory) {
                items.append(Item(text: "Het verplichte bouwblad bestaat nog niet.", href: coalition.bouwsteen(key.code).path))
            }
            for bouwblad in included {
                let page = coalition.bouwblad(try bouwblad.requireID()).path
                // Named as in the report and the settings, so people recognise it.
                let name = "Bouwblad ‘\(ReportBuilder.heading(bouwblad, question: data.questionText(bouwblad)))’"
                let cycles = try data.includedCycles(of: bouwblad)
                if cycles.isEmpty { items.append(Item(text: "\(name): geen cyclus in de periode van het rapport.", href: page)) }
                for cycle in cycles {
                    for step in CycleStep.allCases where cycle.text(step).isEmpty {
                        items.append(Item(text: "\(name), cyclus \(cycle.number): stap \(step.number) (\(step.title)) is leeg.",
                                          href: "\(page)#stap-\(try cycle.requireID())-\(step.rawValue)"))
                    }
                    for doel in data.doelenByCycle[(try cycle.requireID())] ?? [] where doel.achieved.isEmpty && doel.verdict == nil {
                        items.append(Item(text: "\(name), cyclus \(cycle.number): bij het doel ‘\(doel.text.prefix(60))’ staat nog geen resultaat.",
                                          href: "\(page)#doel-\(doel.id)"))
                    }
                }
                let linked = data.links.contains { $0.bouwbladID == bouwblad.id || $0.targetBouwbladID == bouwblad.id || $0.targetBouwsteenID == bouwsteen.id }
                if !linked { items.append(Item(text: "\(name): nog geen naastgelegen bouwsteen.", href: "\(page)#verbindingen")) }
            }
            return Group(bouwsteen: key.name, items: items, isComplete: items.isEmpty)
        }
    }
}
