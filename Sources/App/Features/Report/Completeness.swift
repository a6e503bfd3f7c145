import Domain
import Foundation

/// The Rapport page's task list: the introduction, the nine bouwstenen and the extra
/// bouwbladen in the report, each with the one state its bouwblad has everywhere and its
/// open points. Blockers keep the report a concept; hints stay here, never in the export.
struct Completeness {
    struct Point: Encodable { let text: String; let href: String; let isBlocker: Bool }
    struct Task: Encodable {
        let name: String
        let href: String
        let state: StateTag
        let points: [Point]
        let hasPoints: Bool
        let pointsText: String

        init(name: String, href: String, state: BouwbladState, points: [Point]) {
            (self.name, self.href, self.state, self.points, hasPoints) = (name, href, StateTag(state), points, !points.isEmpty)
            let blockers = points.filter(\.isBlocker).count
            pointsText = points.isEmpty ? "Niets open" : [
                blockers == 0 ? nil : (blockers == 1 ? "1 moet nog" : "\(blockers) moeten nog"),
                points.count == blockers ? nil : (points.count - blockers == 1 ? "1 tip" : "\(points.count - blockers) tips"),
            ].compactMap { $0 }.joined(separator: ", ")
        }
    }

    let introduction: Task
    let bouwstenen: [Task]
    let extras: [Task]
    var tasks: [Task] { [introduction] + bouwstenen + extras }
    var blockerCount: Int { tasks.reduce(0) { $0 + $1.points.filter(\.isBlocker).count } }
    var hintCount: Int { tasks.reduce(0) { $0 + $1.points.filter { !$0.isBlocker }.count } }
    /// No blocker left: the report can be fixed as final, with hints still open.
    var isComplete: Bool { blockerCount == 0 }

    init(_ data: ReportData, slug: String) throws {
        let coalition = Paths.coalition(slug)
        let settings = coalition.rapport.path + "#instellingen"
        let placeholder = ReportData.placeholders.first { data.introduction.contains($0) }
        introduction = Task(
            name: "Inleiding", href: settings, state: placeholder == nil ? .klaarVoorRapport : .nietCompleet,
            points: placeholder.map { [Point(text: "In de inleiding staat nog ‘\($0)…’: schrijf daar jullie eigen tekst.", href: coalition.rapport.path + "#f-introduction", isBlocker: true)] } ?? [])
        var bouwstenen: [Task] = [], extras: [Task] = []
        for key in BouwsteenKey.reportOrder {
            guard let bouwsteen = data.catalog.bouwsteen(key) else { continue }
            let included = try data.includedBouwbladen(of: bouwsteen)
            if !included.contains(where: data.isMandatory) {
                bouwstenen.append(Task(name: key.name, href: coalition.bouwsteen(key.code).path, state: .nietGestart,
                                       points: [Point(text: "Het verplichte bouwblad bestaat nog niet.", href: coalition.bouwsteen(key.code).path, isBlocker: true)]))
            }
            for bouwblad in included {
                let task = try Self.task(data, bouwblad, bouwsteen: bouwsteen, coalition: coalition)
                if data.isMandatory(bouwblad) { bouwstenen.append(task) } else { extras.append(task) }
            }
        }
        (self.bouwstenen, self.extras) = (bouwstenen, extras)
    }

    /// A bouwblad as the report includes it: its state from the cycles in the report.
    private static func task(_ data: ReportData, _ bouwblad: BouwbladRecord, bouwsteen: FormatCatalog.Bouwsteen, coalition: Paths.Coalition) throws -> Task {
        let id = try bouwblad.requireID()
        let page = coalition.bouwblad(id)
        let cycles = try data.includedCycles(of: bouwblad)
        let check = BouwbladCheck(cycles: cycles, doelen: cycles.compactMap(\.id).flatMap { data.doelenByCycle[$0] ?? [] },
                                  hasLink: data.links.contains { $0.touches(bouwblad: id, bouwsteen: bouwsteen.id) })
        let points = check.points.map { point -> Point in
            var href = page.path
            if case .noLink = point {
                href += "#verbindingen"
            } else if let number = point.cycle, let step = point.firstStep, let cycle = cycles.first(where: { $0.number == number })?.id {
                href = page.cycle(cycle).step(step.rawValue).path
            }
            // In the report a missing cycle means: none in its period.
            let text = point == .noCycle ? "Geen cyclus in de periode van het rapport." : point.text
            return Point(text: text, href: href, isBlocker: point.isBlocker)
        }
        let name = "\(bouwsteen.key.name): \(ReportBuilder.heading(bouwblad, question: data.questionText(bouwblad)))"
        return Task(name: name, href: page.path, state: check.state, points: points)
    }
}
