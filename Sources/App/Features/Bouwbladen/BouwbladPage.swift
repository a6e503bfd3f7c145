import Domain
import Fluent
import Vapor

/// The bouwblad page: a header, the newest cycle as a summary of its four steps with its
/// doelen and acties as cards, the older cycles as links, and the links with other
/// bouwstenen. It holds no text field: every text is changed on a page of its own, so
/// saving one can never drop what was typed in another.
enum BouwbladPage {
    /// A paragraph (`lines`) or a list (`list`), as `partials/plaintext` shows it.
    struct Block: Encodable { let isList: Bool; let lines: [String]; let list: ListView? }
    /// Every field is always there (an empty `sublists`, a false flag), so a nested list
    /// never reads its parent's values through the mustache context.
    struct ListView: Encodable {
        let isOrdered: Bool
        let isLetter: Bool
        let items: [ListItem]

        init(_ list: PlainText.List) {
            (isOrdered, isLetter) = (list.style != .bullet, list.style == .letter)
            items = list.items.map { ListItem(text: $0.text, sublists: $0.sublist.map { [ListView($0)] } ?? []) }
        }
    }
    struct ListItem: Encodable { let text: String; let sublists: [ListView] }

    struct Page: Encodable {
        let layout: Layout
        let header: Header
        let problem: String?
        let newest: CycleView?
        let older: [OlderCycle]
        let hasOlder: Bool
        /// When the newest cycle is closed: start the next one.
        let nextCycleAction: String?
        let outgoing: [Links.View]
        let incoming: [Links.View]
        let hasLinks: Bool
        let newLinkHref: String?
    }
    struct OlderCycle: Encodable { let number: Int; let stateLabel: String; let periodLabel: String; let href: String }

    static func blocks(_ text: String) -> [Block] {
        PlainText.blocks(text).map {
            switch $0 {
            case .paragraph(let lines): return Block(isList: false, lines: lines, list: nil)
            case .list(let list): return Block(isList: true, lines: [], list: ListView(list))
            }
        }
    }

    /// Everything the page shows besides the bouwblad itself, read before the page is built.
    struct Model {
        let context: BouwbladContext
        let layout: Layout
        let members: [MembershipRecord]
        let catalog: FormatCatalog
        let bouwbladen: [BouwbladRecord]
        /// Bouwbladen whose newest cycle is still open: a question cannot be carried there.
        let busy: Set<UUID>
        let links: [LinkRecord]
        let cycleNumbers: [UUID: Int]
        let today: IsoDate

        func with(_ layout: Layout) -> Model {
            Model(context: context, layout: layout, members: members, catalog: catalog, bouwbladen: bouwbladen, busy: busy,
                  links: links, cycleNumbers: cycleNumbers, today: today)
        }
    }

    /// What the page reads besides the bouwblad's own rows; kept in the `ReadCache` with them.
    private struct Around: Sendable {
        let bouwbladen: [BouwbladRecord]
        let busy: Set<UUID>
        let links: [LinkRecord]
        let cycleNumbers: [UUID: Int]
    }

    static func load(_ req: Request, _ context: BouwbladContext) async throws -> Model {
        let store = context.store(req.db)
        // Every bouwblad only for the choices of "Cyclus afronden"; else the ones the links name.
        let closing = context.closable != nil
        let around = try await req.cached("bouwblad page \(context.bouwbladID) \(closing)") {
            let links = try await store.links(touching: context.bouwblad)
            let linked = Set(links.flatMap { [$0.bouwbladID, $0.targetBouwbladID].compactMap { $0 } }).subtracting([context.bouwbladID])
            return Around(bouwbladen: closing ? try await store.bouwbladen() : [context.bouwblad] + (try await store.bouwbladen(linked)),
                          busy: closing ? try await store.bouwbladenWithOpenCycle() : [],
                          links: links, cycleNumbers: try await store.cycleNumbers(of: links, known: context.cycles))
        }
        return Model(
            context: context, layout: try await req.layout(context.heading, current: .start), members: try await context.members(req),
            catalog: try await req.formatCatalog(), bouwbladen: around.bouwbladen, busy: around.busy,
            links: around.links, cycleNumbers: around.cycleNumbers, today: req.today)
    }

    /// The choices after "Cyclus afronden": nothing yet, the next cycle here, or a bouwsteen or
    /// a bouwblad without a running cycle elsewhere.
    static func nextCycleOptions(_ model: Model) throws -> [ChoiceOption] {
        let bouwbladen = model.bouwbladen
        let carryOptions = try Target.options(model.context, catalog: model.catalog, bouwbladen: bouwbladen,
                                              onlyClosedBouwbladen: Set(bouwbladen.compactMap(\.id).filter { !model.busy.contains($0) }))
        return [ChoiceOption(value: CloseForm.notNow, label: "Nu nog niets: alleen deze cyclus afronden (een volgende cyclus start je later hier)", hint: nil, selected: true, id: "f-next-nog-niet"),
                ChoiceOption(value: CloseForm.same, label: "Volgende cyclus in dit bouwblad", hint: nil, selected: false, id: "f-next-same")]
            + carryOptions.enumerated().map { ChoiceOption(value: $1.value, label: $1.label.trimmingWhitespace(), hint: nil, selected: false, id: "f-next-\($0)") }
    }

    /// The page's main part depends on the coalition's rows and on what the key names: who
    /// may edit (role, contributor) and today (overdue acties).
    static func render(_ req: Request, _ context: BouwbladContext, problem: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let model = try await load(req, context)
        let tenant = context.tenant
        let key = "bouwblad main \(context.bouwbladID) \(tenant.coalition.slug) \(tenant.role) \(context.canEdit) \(model.today)"
        return try await req.page(main: "bouwbladen/show", layout: model.layout, keptAs: problem == nil ? key : nil, status: status) { layout in
            try build(model.with(layout), problem: problem)
        }
    }

    /// The page from loaded values and a problem: no I/O.
    static func build(_ model: Model, problem: String? = nil) throws -> Page {
        let context = model.context, catalog = model.catalog, bouwbladen = model.bouwbladen
        let nextOptions = context.closable == nil ? [] : try nextCycleOptions(model)
        let sorted = context.cycles.sorted { $0.number > $1.number }
        let newest = try sorted.first.map { try CycleView($0, context, full: false, nextOptions: nextOptions, today: model.today) }
        let older = try sorted.dropFirst().map {
            OlderCycle(number: $0.number, stateLabel: $0.closedAt == nil ? "loopt" : "afgerond", periodLabel: $0.period.label ?? "geen periode opgegeven",
                       href: context.paths.cycle(try $0.requireID()).path)
        }
        let links = try Links.build(context, model.links, catalog: catalog, bouwbladen: bouwbladen, cycleNumbers: model.cycleNumbers, canEdit: context.canEdit)
        return Page(
            layout: model.layout, header: Header(context, members: model.members, check: context.check(links: model.links)), problem: problem,
            newest: newest, older: older, hasOlder: !older.isEmpty,
            nextCycleAction: context.canEdit && context.newest?.closedAt != nil ? context.paths.nextCycle.path : nil,
            outgoing: links.outgoing, incoming: links.incoming, hasLinks: !(links.outgoing.isEmpty && links.incoming.isEmpty),
            newLinkHref: context.canEdit ? context.paths.links.path : nil)
    }
}

/// The top of every page of a bouwblad: breadcrumbs, heading, question, status and keeper.
struct Header: Encodable {
    struct Crumb: Encodable { let label: String; let href: String }
    let crumbs: [Crumb]
    let heading: String
    let question: String?
    let kind: String
    let isQuiet: Bool
    /// Only on the bouwblad page itself: its state and what is still open, with links.
    let state: StateTag?
    let points: [Point]
    let hasPoints: Bool
    let keeper: String?
    let contributorNames: String?
    let historyHref: String
    let settingsHref: String?

    struct Point: Encodable { let text: String; let isBlocker: Bool; let href: String? }

    init(_ context: BouwbladContext, members: [MembershipRecord], check: BouwbladCheck? = nil, crumbToBouwblad: Bool = false) {
        let coalition = Paths.coalition(context.tenant.coalition.slug)
        crumbs = [Crumb(label: "Bouwstenen", href: coalition.home),
                  Crumb(label: context.bouwsteen.key.name, href: coalition.bouwsteen(context.bouwsteen.key.code).path)]
            + (crumbToBouwblad ? [Crumb(label: context.heading, href: context.base)] : [])
        heading = context.heading
        question = context.bouwblad.title.isEmpty ? nil : context.questionText
        kind = context.question.map { $0.mandatory ? "Verplichte vraag" : "Voorbeeldvraag" } ?? "Eigen vraag"
        isQuiet = !(context.question?.mandatory ?? false)
        state = check.map { StateTag($0.state) }
        points = (check?.points ?? []).map { Point(text: $0.text, isBlocker: $0.isBlocker, href: context.href(for: $0)) }
        hasPoints = !points.isEmpty
        keeper = members.first { $0.id == context.bouwblad.keeperID }?.user.name
        let names = members.filter { m in context.contributors.contains { $0.membershipID == m.id } }.map(\.user.name).sorted()
        contributorNames = names.isEmpty ? nil : names.joined(separator: ", ")
        historyHref = context.paths.history.path
        settingsHref = context.canEdit ? context.paths.settings.path : nil
    }
}
