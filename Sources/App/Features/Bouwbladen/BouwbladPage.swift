import Domain
import Fluent
import Vapor

/// Renders the bouwblad page, also with a problem or with the typed values of a refused save.
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
    struct Step: Encodable {
        let anchor: String
        let number: Int
        let title: String
        let blocks: [Block]
        let isEmpty: Bool
        let open: Bool
        let field: FormField
        /// The step's version: what its save names.
        let stepVersion: Int
        let action: String
        let isDoelen: Bool
        let isBereikt: Bool
        /// Step 1 of a later cycle: the whole step 4 it was carried from.
        let carriedFrom: Carried?
    }
    struct Carried: Encodable { let number: Int; let blocks: [Block] }
    struct Cycle: Encodable {
        let number: Int
        let nextNumber: Int
        let anchor: String
        let periodLabel: String
        let closed: Bool
        let stateLabel: String
        let steps: [Step]
        let version: Int
        let periodFrom: FormField
        let periodTo: FormField
        let periodAction: String
        let closeAction: String?
        let closeHint: String?
        let nextOptions: [ChoiceOption]
        let deleteHref: String?
        let doelen: [DoelView]
        let hasDoelen: Bool
        let acties: [ActieView]
        let hasActies: Bool
        let new: NewForms
    }
    struct Page: Encodable {
        let layout: Layout
        let base: String
        let titleAction: String
        let settingsAction: String
        let historyHref: String
        let deleteBouwbladHref: String
        let bouwsteenName: String
        let bouwsteenHref: String
        let question: String
        let mandatory: Bool
        let ownQuestion: Bool
        let title: String
        let titleField: FormField
        let version: Int
        let keeper: String?
        let canEdit: Bool
        let newest: Cycle?
        let older: [Cycle]
        let hasOlder: Bool
        let problem: String?
        let hasErrors: Bool
        let errorSummary: [FormState.SummaryItem]
        let outgoing: [Links.View]
        let incoming: [Links.View]
        let hasLinks: Bool
        let linkTarget: ChoiceField
        let linkNote: FormField
        let linkAction: String
        let linkOpen: Bool
        let canManage: Bool
        let keeperOptions: [ChoiceOption]
        let contributorOptions: [ChoiceOption]
        let contributorNames: String?
        let ready: Bool
        let stateLabel: String
        let stateIcon: String
        /// When the newest cycle is closed: start the next one.
        let nextCycleAction: String?
    }

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
        let today: IsoDate
    }

    static func load(_ req: Request, _ context: BouwbladContext) async throws -> Model {
        let store = context.store(req.db)
        let title = context.bouwblad.title.isEmpty ? "Bouwblad \(context.bouwsteen.key.name)" : context.bouwblad.title
        return Model(
            context: context, layout: try await req.layout(title, current: "start"), members: try await store.members(),
            catalog: try await req.formatCatalog(), bouwbladen: try await store.bouwbladen(), busy: try await store.bouwbladenWithOpenCycle(),
            links: try await store.links(touching: context.bouwblad), today: req.today)
    }

    static func render(_ req: Request, _ context: BouwbladContext, form: FormState = FormState(), problem: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        try req.page("bouwbladen/show", try build(try await load(req, context), form: form, problem: problem), status: status)
    }

    /// The page from loaded values, the typed values of a refused form and a problem: no I/O.
    static func build(_ model: Model, form: FormState = FormState(), problem: String? = nil) throws -> Page {
        let context = model.context, catalog = model.catalog, bouwbladen = model.bouwbladen
        var form = form
        let canEdit = context.canEdit
        let memberships = model.members
        let members = try memberships.map { (try $0.requireID(), $0.user.name) }.sorted { $0.1 < $1.1 }
        let keeper = memberships.first { $0.id == context.bouwblad.keeperID }?.user.name
        let contributorNames = memberships.filter { m in context.contributors.contains { $0.membershipID == m.id } }.map(\.user.name).sorted()
        let state = BouwbladState.of(exists: true, newestCycleClosed: context.newest?.closedAt != nil, readyForReport: context.bouwblad.readyForReport)
        let carryOptions = try Target.options(context, catalog: catalog, bouwbladen: bouwbladen, onlyClosedBouwbladen: Set(bouwbladen.compactMap(\.id).filter { !model.busy.contains($0) }))
        let nextOptions = [ChoiceOption(value: CloseForm.notNow, label: "Nu nog niets: alleen deze cyclus afronden (een volgende cyclus start je later hier)", hint: nil, selected: true, id: "f-next-nog-niet"),
                           ChoiceOption(value: CloseForm.same, label: "Volgende cyclus in dit bouwblad", hint: nil, selected: false, id: "f-next-same")]
            + carryOptions.enumerated().map { ChoiceOption(value: $1.value, label: $1.label.trimmingWhitespace(), hint: nil, selected: false, id: "f-next-\($0)") }
        let cycles = try context.cycles.sorted { $0.number > $1.number }.map { try cycle(context, $0, canEdit: canEdit, members: members, nextOptions: nextOptions, today: model.today, form: &form) }
        let links = try Links.build(context, model.links, catalog: catalog, bouwbladen: bouwbladen, canEdit: canEdit)
        let linkTarget = form.subChoice("link", LinkForm.CodingKeys.target, "Welke bouwsteen raakt dit?", noun: "een bouwsteen", value: "",
                                        options: [("", "Kies een bouwsteen")] + (try Target.options(context, catalog: catalog, bouwbladen: bouwbladen).map { ($0.value, $0.label.trimmingWhitespace()) }))
        let linkNote = form.subField("link", LinkForm.CodingKeys.note, "Korte toelichting (mag leeg)", noun: "een toelichting", value: "")
        if form.values[TitleForm.CodingKeys.title.fieldName] == nil { form.values[TitleForm.CodingKeys.title.fieldName] = context.bouwblad.title }
        let titleField = form.field(TitleForm.CodingKeys.title, "Korte titel", noun: "een titel", hint: "Mag leeg blijven. Bijvoorbeeld: Van improvisatie naar gezamenlijke structuur", required: false)
        let bouwsteenHref = Paths.coalition(context.tenant.coalition.slug).bouwsteen(context.bouwsteen.key.code).path
        return Page(
            layout: model.layout,
            base: context.base, titleAction: context.paths.title.path, settingsAction: context.paths.settings.path,
            historyHref: context.paths.history.path, deleteBouwbladHref: context.paths.delete.path, bouwsteenName: context.bouwsteen.key.name, bouwsteenHref: bouwsteenHref,
            question: context.questionText, mandatory: context.question?.mandatory ?? false, ownQuestion: context.question == nil,
            title: context.bouwblad.title, titleField: titleField, version: context.bouwblad.version, keeper: keeper, canEdit: canEdit,
            newest: cycles.first, older: Array(cycles.dropFirst()), hasOlder: cycles.count > 1, problem: problem,
            hasErrors: !form.errors.isEmpty, errorSummary: form.summary,
            outgoing: links.outgoing, incoming: links.incoming, hasLinks: !(links.outgoing.isEmpty && links.incoming.isEmpty),
            linkTarget: linkTarget, linkNote: linkNote, linkAction: context.paths.links.path, linkOpen: form.hasErrors(prefix: "link"),
            canManage: context.tenant.role.canEditBouwblad(),
            keeperOptions: [ChoiceOption(value: "", label: "Niemand", hint: nil, selected: context.bouwblad.keeperID == nil, id: "f-keeper-none")]
                + members.map { ChoiceOption(value: $0.0.uuidString, label: $0.1, hint: nil, selected: $0.0 == context.bouwblad.keeperID, id: "f-keeper-\($0.0)") },
            contributorOptions: members.map { member in
                ChoiceOption(value: member.0.uuidString, label: member.1, hint: nil,
                             selected: context.contributors.contains { $0.membershipID == member.0 }, id: "f-contributor-\(member.0)")
            },
            contributorNames: contributorNames.isEmpty ? nil : contributorNames.joined(separator: ", "),
            ready: context.bouwblad.readyForReport, stateLabel: state.label, stateIcon: state.icon,
            nextCycleAction: canEdit && context.newest?.closedAt != nil ? context.paths.nextCycle.path : nil)
    }

    private static func cycle(_ context: BouwbladContext, _ cycle: CycleRecord, canEdit: Bool, members: [(UUID, String)], nextOptions: [ChoiceOption], today: IsoDate, form: inout FormState) throws -> Cycle {
        let id = (try cycle.requireID())
        let paths = context.paths.cycle(id)
        let previous = context.cycles.first { $0.number == cycle.number - 1 }
        let carried = previous.flatMap { p in p.bijgesteld.isEmpty || p.bijgesteld == cycle.startvraag ? nil : Carried(number: p.number, blocks: blocks(p.bijgesteld)) }
        let steps = CycleStep.allCases.map { step -> Step in
            let key = "step-\(id)-\(step.rawValue)"
            let text = cycle.text(step)
            let error = form.errors[key].map { Messages.text(for: $0, noun: "tekst") }
            let field = FormField(
                id: "f-\(key)", name: StepForm.CodingKeys.text.fieldName, label: "Stap \(step.number) – \(step.title)", type: "textarea",
                value: form.values[key] ?? text, autocomplete: nil, hint: step.hint, error: error, required: false)
            if error != nil { _ = form.field(key, field.label, noun: "tekst") }
            return Step(
                anchor: "stap-\(id)-\(step.rawValue)", number: step.number, title: step.title, blocks: blocks(text),
                isEmpty: text.isEmpty, open: error != nil || (text.isEmpty && cycle.closedAt == nil),
                field: field, stepVersion: cycle.version(of: step), action: paths.step(step.rawValue).path,
                isDoelen: step == .doelen, isBereikt: step == .bereikt,
                carriedFrom: step == .startvraag ? carried : nil)
        }
        let doelen = try context.doelen.filter { $0.cycleID == id }.map { try doelView(context, $0, form: &form) }
        let acties = try context.acties.filter { $0.cycleID == id }.map { try actieView(context, $0, members: members, today: today, form: &form) }
        let new = try newForms(context, cycle, members: members, form: &form)
        let isNewest = cycle.id == context.newest?.id
        let missing = CycleRules.missingToClose(bereikt: cycle.bereikt, bijgesteld: cycle.bijgesteld)
        let periodPrefix = "periode-\(id)"
        return Cycle(
            number: cycle.number, nextNumber: cycle.number + 1, anchor: "cyclus-\(cycle.number)", periodLabel: cycle.period.label ?? "geen periode opgegeven",
            closed: cycle.closedAt != nil, stateLabel: cycle.closedAt == nil ? "loopt" : "afgerond",
            steps: steps, version: cycle.version,
            periodFrom: form.subField(periodPrefix, PeriodForm.CodingKeys.periodFrom, "Van (jaar en maand)", noun: "de beginmaand", type: "month",
                                      hint: "Bijvoorbeeld 2025-09", value: cycle.periodFrom ?? ""),
            periodTo: form.subField(periodPrefix, PeriodForm.CodingKeys.periodTo, "Tot en met (jaar en maand)", noun: "de eindmaand", type: "month",
                                    hint: "Bijvoorbeeld 2026-01", value: cycle.periodTo ?? ""),
            periodAction: paths.period.path,
            closeAction: canEdit && isNewest && cycle.closedAt == nil && missing.isEmpty ? paths.close.path : nil,
            closeHint: canEdit && isNewest && cycle.closedAt == nil && !missing.isEmpty
                ? "Afronden kan als stap 3 en stap 4 zijn ingevuld." : nil,
            nextOptions: nextOptions,
            deleteHref: context.cycles.count > 1 ? paths.delete.path : nil,
            doelen: doelen, hasDoelen: !doelen.isEmpty, acties: acties, hasActies: !acties.isEmpty, new: new)
    }
}
