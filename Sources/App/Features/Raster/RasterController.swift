import Domain
import Fluent
import Vapor

/// `/c/{slug}/`: the coalition's home, the 3x3 raster of bouwstenen.
struct RasterController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.coalition(.param).address, use: show)
    }

    struct Cell: Encodable {
        let code: String
        let name: String
        let levelLabel: String
        let aspectLabel: String
        let href: String
        let state: StateTag
        let extraCount: String?
        let lastChange: String?
        let links: String?
    }
    struct Row: Encodable { let label: String; let cells: [Cell] }
    struct Page: Encodable {
        let layout: Layout
        let name: String
        let period: String
        let role: String
        let formatName: String
        let aspects: [String]
        let rows: [Row]
        let cells: [Cell]
        let legend: [StateTag]
        let next: NextSteps
    }

    func show(req: Request) async throws -> Response {
        let tenant = try req.tenant
        let catalog = try await req.formatCatalog()
        let summaries = try await RasterStore(tenant, on: req.db).summaries(catalog: req.formatCatalog())
        let next = NextSteps(try await NextSteps.load(req, summaries: summaries), summaries: summaries, catalog: catalog)
        let slug = tenant.coalition.slug
        let cells = try catalog.bouwstenen.map { bouwsteen -> Cell in
            let summary = try summaries.forBouwsteen(bouwsteen)
            let extras = summary.extraCount
            return Cell(
                code: bouwsteen.key.code, name: bouwsteen.key.name,
                levelLabel: bouwsteen.key.level.label, aspectLabel: bouwsteen.key.aspect.label,
                href: Paths.coalition(slug).bouwsteen(bouwsteen.key.code).path,
                state: StateTag(summary.state),
                extraCount: extras == 0 ? nil : (extras == 1 ? "1 extra bouwblad" : "\(extras) extra bouwbladen"),
                lastChange: summary.lastChange,
                links: summary.links == 0 ? nil : (summary.links == 1 ? "1 verbinding" : "\(summary.links) verbindingen"))
        }
        let rows = Level.allCases.map { level in
            Row(label: level.label, cells: cells.filter { $0.levelLabel == level.label })
        }
        return try await req.page("raster/show", title: tenant.coalition.name, current: .start) { layout in
            Page(
                layout: layout,
                name: tenant.coalition.name, period: tenant.coalition.period.label,
                role: Messages.roleLabel(tenant.role).lowercased(), formatName: catalog.formatName,
                aspects: Aspect.allCases.map(\.label), rows: rows, cells: cells, legend: StateTag.legend, next: next)
        }
    }
}

/// What the raster says about each bouwsteen (read by `RasterStore.summaries`).
struct BouwbladSummaries {
    struct Summary { let state: BouwbladState; let extraCount: Int; let lastChange: String?; let links: Int }

    let bouwbladen: [BouwbladRecord]
    let checks: [UUID: BouwbladCheck]
    let names: [UUID: String]
    let links: [LinkRecord]
    let catalog: FormatCatalog

    func forBouwsteen(_ bouwsteen: FormatCatalog.Bouwsteen) throws -> Summary {
        let mine = bouwbladen.filter { $0.bouwsteenID == bouwsteen.id }
        let mandatoryID = bouwsteen.questions.first { $0.mandatory }?.id
        let mandatory = mine.first { $0.questionID != nil && $0.questionID == mandatoryID }
        let state = mandatory.flatMap { $0.id.flatMap { checks[$0]?.state } } ?? .nietGestart
        let latest = mine.max { ($0.updatedAt ?? .distantPast) < ($1.updatedAt ?? .distantPast) }
        let lastChange = latest.flatMap { b in
            (b.updatedAt ?? b.createdAt).map { "Laatst gewijzigd door \(names[b.updatedBy ?? b.createdBy] ?? "onbekend"), \(DutchDate.dayMonthYear($0))" }
        }
        let mineIDs = Set(mine.compactMap(\.id))
        let linkCount = links.filter { mineIDs.contains($0.bouwbladID) || $0.targetBouwsteenID == bouwsteen.id }.count
        return Summary(state: state, extraCount: mine.count - (mandatory == nil ? 0 : 1), lastChange: lastChange, links: linkCount)
    }
}
