import Domain
import Vapor

/// One step of a cycle on a page of its own: one text, one form. "Voorbeeld" shows how
/// the typed text will look (lists and paragraphs) without saving it.
enum StepPage {
    struct Page: Encodable {
        let layout: Layout
        let header: Header
        let cycleNumber: Int
        let stepNumber: Int
        let title: String
        let field: FormField
        let stepVersion: Int
        let action: String
        let nextLabel: String?
        let carriedFrom: Carried?
        /// The typed text as it will look, after "Voorbeeld bekijken".
        let blocks: [BouwbladPage.Block]
        let hasPreview: Bool
        let isDoelen: Bool
        /// Step 2's preview: the tables the report prints under the text, so nothing is written twice.
        let doelRows: [[String]]
        let actieRows: [[String]]
        let cycleHref: String
        let hasErrors: Bool
        let errorSummary: [FormState.SummaryItem]
    }
    struct Carried: Encodable { let number: Int; let blocks: [BouwbladPage.Block] }

    static func step(_ req: Request) throws -> CycleStep {
        guard let step = req.parameters.get("step").flatMap(CycleStep.init(rawValue:)) else { throw Abort(.notFound) }
        return step
    }

    /// - Parameters:
    ///   - typed: what was typed, when the page is shown again after a refused save or a preview.
    ///   - version: the version the typed text was based on (kept through a preview).
    static func render(_ req: Request, _ context: BouwbladContext, cycle: CycleRecord, step: CycleStep, typed: String? = nil, version: Int? = nil,
                       errors: FieldErrors = FieldErrors(), preview: Bool = false, status: HTTPStatus = .ok) async throws -> Response {
        let members = try await context.members(req)
        let id = try cycle.requireID()
        var form = FormState(values: typed.map { ["text": $0] } ?? [:], errors: errors)
        let text = typed ?? cycle.text(step)
        let field = form.field(StepForm.CodingKeys.text, "Stap \(step.number): \(step.title)", noun: "de tekst", type: "textarea",
                               hint: step.hint + " Een lege regel begint een nieuwe alinea. Een regel die begint met een streepje, bolletje of nummer (\"- \", \"• \", \"1. \") wordt een lijst; inspringen of \"o \" maakt een lijst daaronder.",
                               required: false)
        let shown = FormField(id: field.id, name: field.name, label: field.label, type: field.type, value: text, autocomplete: nil,
                              hint: field.hint, error: field.error, required: false)
        let previous = context.cycles.first { $0.number == cycle.number - 1 }
        let carried = step != .startvraag ? nil : previous.flatMap { p in
            p.bijgesteld.isEmpty || p.bijgesteld == cycle.startvraag ? nil : Carried(number: p.number, blocks: BouwbladPage.blocks(p.bijgesteld))
        }
        let next = CycleStep.allCases.first { $0.number == step.number + 1 }
        let blocks = preview ? BouwbladPage.blocks(text) : []
        // As it is in the database (not typed, no errors, no preview), the form is the same for
        // everyone with this role and edit right until the coalition changes.
        let tenant = context.tenant
        let asStored = typed == nil && version == nil && errors.isEmpty && !preview && status == .ok
        let key = asStored ? "step main \(id) \(step.rawValue) \(tenant.coalition.slug) \(tenant.role) \(context.canEdit)" : nil
        return try await req.page(main: "bouwbladen/step", title: "Cyclus \(cycle.number), stap \(step.number) – \(context.heading)", current: .start,
                                  keptAs: key, status: status) { layout in
            Page(layout: layout, header: Header(context, members: members, crumbToBouwblad: true), cycleNumber: cycle.number, stepNumber: step.number,
                 title: step.title, field: shown, stepVersion: version ?? cycle.version(of: step), action: context.paths.cycle(id).step(step.rawValue).path,
                 nextLabel: next.map { "Opslaan en naar stap \($0.number)" }, carriedFrom: carried, blocks: blocks, hasPreview: preview,
                 isDoelen: step == .doelen,
                 doelRows: step == .doelen ? context.doelen.filter { $0.cycleID == id }.map { [$0.text, $0.measure, $0.targetLabel ?? ""] } : [],
                 actieRows: step == .doelen ? context.acties.filter { $0.cycleID == id }.map { [$0.text, $0.ownerName, $0.wanneer?.label ?? ""] } : [],
                 cycleHref: context.base + "#cyclus-\(cycle.number)", hasErrors: !form.errors.isEmpty, errorSummary: form.summary)
        }
    }
}

/// A whole cycle to read (older cycles live here), with "Wijzigen" where one may edit.
enum CyclePage {
    struct Page: Encodable {
        let layout: Layout
        let header: Header
        let cycle: CycleView
    }

    static func render(_ req: Request, _ context: BouwbladContext) async throws -> Response {
        let cycle = try context.cycle(req)
        let members = try await context.members(req)
        let view = try CycleView(cycle, context, full: true, nextOptions: [], today: req.today)
        return try await req.page("bouwbladen/cycle", title: "Cyclus \(cycle.number) – \(context.heading)", current: .start) { layout in
            Page(layout: layout, header: Header(context, members: members, crumbToBouwblad: true), cycle: view)
        }
    }
}
