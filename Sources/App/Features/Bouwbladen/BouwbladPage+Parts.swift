import Domain
import Vapor

/// A cycle as the bouwblad page (first words of each step) and the cycle page (whole
/// steps) show it: its steps as a summary list, its doelen and acties as cards, and links
/// to the pages where each is changed.
struct CycleView: Encodable {
    struct StepRow: Encodable {
        let anchor: String
        let number: Int
        let title: String
        /// The first words (bouwblad page) or nothing (cycle page, which shows `blocks`).
        let excerpt: String?
        let blocks: [BouwbladPage.Block]
        let isEmpty: Bool
        let editHref: String?
        let editLabel: String
    }
    struct Row: Encodable { let key: String; let value: String }
    struct DoelCard: Encodable {
        let anchor: String
        let number: Int
        let blocks: [BouwbladPage.Block]
        let rows: [Row]
        let hints: [String]
        let hasHints: Bool
        let editHref: String?
        let resultHref: String?
    }
    struct ActieCard: Encodable {
        let anchor: String
        let number: Int
        let text: String
        let rows: [Row]
        let editHref: String?
    }

    let number: Int
    let anchor: String
    let href: String
    let periodLabel: String
    let stateLabel: String
    let isClosed: Bool
    let full: Bool
    let steps: [StepRow]
    let periodHref: String?
    let doelen: [DoelCard]
    let hasDoelen: Bool
    let acties: [ActieCard]
    let hasActies: Bool
    let newDoelHref: String?
    let newActieHref: String?
    let closeAction: String?
    let closeHint: String?
    let nextOptions: [ChoiceOption]
    let deleteHref: String?

    init(_ cycle: CycleRecord, _ context: BouwbladContext, full: Bool, nextOptions: [ChoiceOption], today: IsoDate) throws {
        let id = try cycle.requireID()
        let paths = context.paths.cycle(id)
        let canEdit = context.canEdit
        number = cycle.number
        anchor = "cyclus-\(cycle.number)"
        href = paths.path
        periodLabel = cycle.period.label ?? "geen periode opgegeven"
        isClosed = cycle.closedAt != nil
        stateLabel = isClosed ? "afgerond" : "loopt"
        self.full = full
        steps = CycleStep.allCases.map { step in
            let text = cycle.text(step)
            return StepRow(
                anchor: "stap-\(id)-\(step.rawValue)", number: step.number, title: step.title,
                excerpt: full || text.isEmpty ? nil : PlainText.excerpt(text), blocks: full ? BouwbladPage.blocks(text) : [],
                isEmpty: text.isEmpty, editHref: canEdit ? paths.step(step.rawValue).path : nil, editLabel: text.isEmpty ? "Invullen" : "Wijzigen")
        }
        periodHref = canEdit ? paths.period.path : nil
        doelen = context.doelen.filter { $0.cycleID == id }.enumerated().map { Self.card($1, number: $0 + 1, context, canEdit: canEdit) }
        hasDoelen = !doelen.isEmpty
        acties = context.acties.filter { $0.cycleID == id }.enumerated().map { Self.card($1, number: $0 + 1, context, canEdit: canEdit, today: today) }
        hasActies = !acties.isEmpty
        newDoelHref = canEdit ? paths.newDoel.path : nil
        newActieHref = canEdit ? paths.newActie.path : nil
        let mayClose = canEdit && cycle.id == context.newest?.id && !isClosed && !full
        let closable = !full && context.closable?.id == id
        closeAction = closable ? paths.close.path : nil
        closeHint = mayClose && !closable ? "Afronden kan als stap 3 en stap 4 zijn ingevuld." : nil
        self.nextOptions = nextOptions
        deleteHref = context.tenant.role.canEditBouwblad() && context.cycles.count > 1 ? paths.delete.path : nil
    }

    static func card(_ doel: Doel, number: Int, _ context: BouwbladContext, canEdit: Bool) -> DoelCard {
        var rows: [Row] = []
        if !doel.measure.isEmpty { rows.append(Row(key: "Wat meten jullie?", value: doel.measure)) }
        if let target = doel.targetLabel { rows.append(Row(key: "Streefwaarde", value: target)) }
        if let deadline = doel.deadline { rows.append(Row(key: "Uiterlijk", value: IsoDate(deadline)?.label ?? deadline)) }
        if !doel.owner.isEmpty { rows.append(Row(key: "Trekker", value: doel.owner)) }
        rows.append(Row(key: "Bereikt", value: doel.achieved.isEmpty ? "nog niet ingevuld" : doel.achievedLabel))
        if let source = doel.source { rows.append(Row(key: "Gemeten", value: source)) }
        if let verdict = doel.effectiveVerdict { rows.append(Row(key: "Oordeel", value: verdict.label)) }
        let hints = SmartHint.hints(text: doel.text, target: doel.target, deadline: doel.deadline, owner: doel.owner).map(\.text)
        return DoelCard(
            anchor: "doel-\(doel.id)", number: number, blocks: BouwbladPage.blocks(doel.text), rows: rows, hints: hints, hasHints: !hints.isEmpty,
            editHref: canEdit ? context.paths.doel(doel.id).path : nil, resultHref: canEdit ? context.paths.doelResult(doel.id).path : nil)
    }

    static func card(_ actie: Actie, number: Int, _ context: BouwbladContext, canEdit: Bool, today: IsoDate) -> ActieCard {
        let overdue = actie.isOverdue(today: today)
        return ActieCard(
            anchor: "actie-\(actie.id)", number: number, text: actie.text,
            rows: [Row(key: "Trekker", value: actie.ownerName.isEmpty ? "—" : actie.ownerName),
                   Row(key: "Wanneer", value: actie.wanneer?.label ?? "—"),
                   Row(key: "Status", value: actie.status.label + (overdue ? " (te laat)" : ""))],
            editHref: canEdit ? context.paths.actie(actie.id).path : nil)
    }
}
