import Domain
import Fluent
import Reports
import Vapor

/// `/c/{slug}/jaarplan`: one plan per school year. The jaarplan's own actions by result
/// area, and the acties of every bouwblad by bouwsteen, each with owner, "wanneer",
/// status and the indicators it serves; as CSV for Excel. The projectleider and
/// coordinators keep it; everyone else reads.
struct JaarplanController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let plan = Paths.coalition(.param).jaarplan
        routes.get(plan.address, use: show)
        routes.get(plan.new, use: new)
        routes.post(plan.new, use: create)
        routes.get(plan.action(.param).address, use: edit)
        routes.post(plan.action(.param).address, use: save)
        routes.post(plan.action(.param).delete, use: delete)
        routes.get(plan.export, use: export)
        routes.get(plan.docx, use: docx)
    }

    static func canEdit(_ tenant: Tenant) -> Bool { tenant.role.keepsPlans }
    static func editing(_ req: Request) throws -> Tenant { try req.require(\.keepsPlans) }

    /// `?jaar=2026-2027`; the current school year when none (or a wrong one) is given.
    static func year(_ req: Request) -> SchoolYear {
        req.query[String.self, at: "jaar"].flatMap { SchoolYear(String($0.prefix(9))) } ?? SchoolYear(containing: req.today)
    }

    // MARK: the plan

    struct Row: Encodable {
        let text: String; let href: String?; let activity: String; let owner: String; let when: String; let status: String; let late: Bool
        let indicators: String; let editHref: String?
    }
    struct Group: Encodable { let name: String; let rows: [Row] }
    struct Page: Encodable {
        let layout: Layout; let year: String; let yearKey: String; let previousHref: String; let nextHref: String; let canEdit: Bool; let newHref: String
        let areas: [Group]; let hasAreas: Bool; let bouwstenen: [Group]; let hasBouwstenen: Bool; let csvHref: String
        let docxHref: String; let moments: [Moment]
    }
    struct Moment: Encodable { let label: String; let href: String; let state: String }

    /// The two evaluation moments of a year, with their day and whether they were written.
    static func moments(_ db: any Database, _ tenant: Tenant, _ year: SchoolYear) async throws -> [(moment: Int, day: IsoDate, written: Bool, href: String)] {
        let saved = try await JaarplanStore(tenant, on: db).evaluations(in: year)
        let paths = Paths.coalition(tenant.coalition.slug).jaarplan
        return [1, 2].map { m in
            let record = saved.first { $0.moment == m }
            return (m, record.flatMap { IsoDate($0.heldOn) } ?? year.defaultEvaluationDay(m), !(record?.textsByArea.isEmpty ?? true),
                    paths.evaluation(String(m)).path + "?jaar=" + year.key)
        }
    }

    /// The plan's rows: own actions by result area, bouwblad acties by bouwsteen.
    struct Plan {
        let areas: [(name: String, rows: [Row])]
        let bouwstenen: [(name: String, rows: [Row])]
    }

    static func plan(_ req: Request, _ tenant: Tenant, _ year: SchoolYear) async throws -> Plan {
        let store = JaarplanStore(tenant, on: req.db), coalition = Paths.coalition(tenant.coalition.slug), today = req.today
        let board = try await IndicatorBoard.load(req, try await IndicatorAccess.load(req))
        let names = Dictionary(uniqueKeysWithValues: board.rows.compactMap { row in row.record.id.map { ($0, "\(row.record.name) (\((row.latest?.status ?? .geenMeting).label.lowercased()))") } })
        let editable = canEdit(tenant)
        let own = try await store.actions(in: year).map { a in
            (area: a.area, row: Row(text: a.text, href: nil, activity: a.activity, owner: a.owner, when: a.wanneer?.label ?? "", status: a.status.label,
                late: ActieInput.isOverdue(status: a.status, deadline: a.wanneer?.date, today: today),
                indicators: a.indicators.compactMap { names[$0] }.joined(separator: "; "),
                editHref: editable ? coalition.jaarplan.action(a.id!).path : nil))
        }
        let ownByArea = Dictionary(grouping: own, by: \.area)
        let catalog = try await req.formatCatalog()
        let acties = try await store.bouwbladActies(in: year)
        let byBouwsteen = Dictionary(grouping: acties, by: \.bouwblad.bouwsteenID)
        let bouwstenen = catalog.bouwstenen.compactMap { b -> (String, [Row])? in
            guard let group = byBouwsteen[b.id], !group.isEmpty else { return nil }
            return (b.key.name, group.map { actie, bouwblad in
                Row(text: actie.text, href: coalition.bouwblad(actie.bouwbladID).path + "#actie-\(actie.id)", activity: bouwblad.title,
                    owner: actie.ownerName, when: actie.wanneer?.label ?? "", status: actie.status.label, late: actie.isOverdue(today: today),
                    indicators: "", editHref: nil)
            })
        }
        return Plan(areas: ownByArea.keys.sorted { $0.localizedStandardCompare($1) == .orderedAscending }.map { ($0, ownByArea[$0]!.map(\.row)) },
                    bouwstenen: bouwstenen)
    }

    func show(req: Request) async throws -> Response {
        let tenant = try req.tenant, year = Self.year(req), paths = Paths.coalition(tenant.coalition.slug).jaarplan
        let plan = try await Self.plan(req, tenant, year)
        let moments = try await Self.moments(req.db, tenant, year).map {
            Moment(label: "Evaluatie \(EvaluationController.label($0.moment, year))", href: $0.href,
                   state: "\($0.day.label), \($0.written ? "geschreven" : "nog niet geschreven")")
        }
        return try await req.page("jaarplan/show", title: "Jaarplan \(year.key)", current: .jaarplan) { layout in
            Page(layout: layout, year: year.label, yearKey: year.key, previousHref: paths.path + "?jaar=" + year.previous.key,
                 nextHref: paths.path + "?jaar=" + year.next.key, canEdit: Self.canEdit(tenant), newHref: paths.new.path + "?jaar=" + year.key,
                 areas: plan.areas.map { Group(name: $0.name, rows: $0.rows) }, hasAreas: !plan.areas.isEmpty,
                 bouwstenen: plan.bouwstenen.map { Group(name: $0.name, rows: $0.rows) }, hasBouwstenen: !plan.bouwstenen.isEmpty,
                 csvHref: paths.export.path + "?jaar=" + year.key, docxHref: paths.docx.path + "?jaar=" + year.key, moments: moments)
        }
    }

    func export(req: Request) async throws -> Response {
        let tenant = try req.tenant, year = Self.year(req)
        let plan = try await Self.plan(req, tenant, year)
        var rows = [["Resultaatgebied of bouwsteen", "Actie", "Activiteit of bouwblad", "Verantwoordelijke", "Wanneer", "Status", "Indicatoren"]]
        for (name, group) in plan.areas + plan.bouwstenen {
            for r in group { rows.append([name, r.text, r.activity, r.owner, r.when, r.status + (r.late ? " (te laat)" : ""), r.indicators]) }
        }
        return .csv(CSV.write(rows), name: "jaarplan-\(tenant.coalition.slug)-\(year.key).csv")
    }

    /// The plan as a Word document, with the evaluations written this school year.
    func docx(req: Request) async throws -> Response {
        let tenant = try req.tenant, year = Self.year(req)
        let plan = try await Self.plan(req, tenant, year)
        func cells(_ r: Row, indicators: Bool) -> [String] {
            [r.text, r.activity, r.owner, r.when, r.status + (r.late ? " (te laat)" : "")] + (indicators ? [r.indicators] : [])
        }
        let evaluations = try await JaarplanStore(tenant, on: req.db).evaluations(in: year).sorted { $0.moment < $1.moment }.map { e in
            PlanDocument.Evaluation(title: "Evaluatie \(EvaluationController.label(e.moment, year)) (\(IsoDate(e.heldOn)?.label ?? e.heldOn))",
                                    texts: e.textsByArea.sorted { $0.key.localizedStandardCompare($1.key) == .orderedAscending }.map { (area: $0.key, text: $0.value) })
        }
        let document = PlanDocument(title: "Jaarplan \(year.key)", coalition: tenant.coalition.name, schoolYear: year.key, date: req.today.label,
                                    areas: plan.areas.map { PlanDocument.Group(name: $0.name, rows: $0.rows.map { cells($0, indicators: true) }) },
                                    bouwstenen: plan.bouwstenen.map { PlanDocument.Group(name: $0.name, rows: $0.rows.map { cells($0, indicators: false) }) },
                                    evaluations: evaluations)
        return ReportController.file(try PlanDocx.write(document), type: ReportController.docxType, name: "jaarplan-\(tenant.coalition.slug)-\(year.key).docx")
    }

    // MARK: the plan's own actions

    func new(req: Request) async throws -> Response {
        let tenant = try Self.editing(req)
        return try await formPage(req, tenant, nil, Self.year(req), FormState(PlanActionForm(area: ResultArea.defaults[0], status: ActieStatus.gepland.rawValue)))
    }

    func create(req: Request) async throws -> Response {
        let tenant = try Self.editing(req), year = Self.year(req)
        let form = try req.form(PlanActionForm.self)
        var errors = FieldErrors()
        guard let input = PlanActionInput.validate(form, indicators: try await Self.indicatorIDs(req, tenant), into: &errors) else {
            return try await formPage(req, tenant, nil, year, FormState(form, errors: errors), status: .unprocessableEntity)
        }
        try await JaarplanStore(tenant, on: req.db).add(PlanActionRecord(coalitionID: tenant.coalitionID, year: year, input))
        try await req.flash("De actie staat in het jaarplan.")
        return .seeOther(Paths.coalition(tenant.coalition.slug).jaarplan.path + "?jaar=" + year.key)
    }

    static func action(_ req: Request, _ tenant: Tenant) async throws -> PlanActionRecord {
        guard let id = req.parameters.get("planActionID", as: UUID.self), let found = try await JaarplanStore(tenant, on: req.db).action(id) else { throw Abort(.notFound) }
        return found
    }

    func edit(req: Request) async throws -> Response {
        let tenant = try Self.editing(req)
        let a = try await Self.action(req, tenant)
        let form = PlanActionForm(area: a.area, text: a.text, activity: a.activity, owner: a.owner, deadline: a.wanneer?.stored, status: a.status.rawValue,
                                  indicators: a.indicators.map(\.uuidString))
        return try await formPage(req, tenant, a, SchoolYear(a.schoolYear) ?? Self.year(req), FormState(form), version: a.version)
    }

    func save(req: Request) async throws -> Response {
        let tenant = try Self.editing(req)
        let a = try await Self.action(req, tenant)
        let year = SchoolYear(a.schoolYear) ?? Self.year(req)
        let body = try req.form(Edit<PlanActionForm>.self)
        var errors = FieldErrors()
        guard let input = PlanActionInput.validate(body.form, indicators: try await Self.indicatorIDs(req, tenant), into: &errors) else {
            return try await formPage(req, tenant, a, year, FormState(body.form, errors: errors), version: body.version ?? a.version, chosen: body.form.indicators,
                                      status: .unprocessableEntity)
        }
        guard let version = body.version else { throw Abort(.badRequest) }
        guard try await JaarplanStore(tenant, on: req.db).update(try a.requireID(), from: version, input, now: req.now) else {
            return try await formPage(req, tenant, a, year, FormState(body.form), version: a.version, chosen: body.form.indicators, status: .conflict,
                                      lead: "Iemand anders heeft deze actie intussen opgeslagen. Wat jij typte staat hieronder; kijk het na en sla opnieuw op.")
        }
        try await req.flash("De actie is opgeslagen.")
        return .seeOther(Paths.coalition(tenant.coalition.slug).jaarplan.path + "?jaar=" + year.key)
    }

    func delete(req: Request) async throws -> Response {
        let tenant = try Self.editing(req)
        let a = try await Self.action(req, tenant)
        try await JaarplanStore(tenant, on: req.db).delete(try a.requireID())
        try await req.flash("De actie is uit het jaarplan gehaald.")
        return .seeOther(Paths.coalition(tenant.coalition.slug).jaarplan.path + "?jaar=" + a.schoolYear)
    }

    static func indicatorIDs(_ req: Request, _ tenant: Tenant) async throws -> Set<UUID> {
        Set(try await IndicatorenStore(tenant, on: req.db).indicators().compactMap(\.id))
    }

    func formPage(_ req: Request, _ tenant: Tenant, _ a: PlanActionRecord?, _ year: SchoolYear, _ state: FormState, version: Int? = nil,
                  chosen: [String]? = nil, status: HTTPStatus = .ok, lead: String? = nil) async throws -> Response {
        var form = state
        typealias F = PlanActionForm.CodingKeys
        let paths = Paths.coalition(tenant.coalition.slug).jaarplan
        let indicators = try await IndicatorenStore(tenant, on: req.db).indicators()
        let ticked = Set(chosen ?? a?.indicators.map(\.uuidString) ?? [])
        var items: [FormPage.Item] = [
            .init(field: form.field(F.area, "Resultaatgebied", noun: "het resultaatgebied",
                                    hint: "Bijvoorbeeld \(ResultArea.defaults.map { $0.lowercased() }.joined(separator: ", ")).")),
            .init(field: form.field(F.text, "Actie", noun: "de actie", type: "textarea", hint: "Wat gaan jullie doen?")),
            .init(field: form.field(F.activity, "Activiteit (mag leeg)", noun: "de activiteit", hint: "Waar hoort de actie bij, bijvoorbeeld ‘Nieuw aanbod sport’.", required: false)),
            .init(field: form.field(F.owner, "Verantwoordelijke (mag leeg)", noun: "de verantwoordelijke", required: false)),
            .init(field: form.field(F.deadline, "Wanneer (mag leeg)", noun: "wanneer", hint: "Een datum zoals 15-3-2027, of woorden zoals ‘voor de zomer’.", required: false)),
            .init(radios: form.choice(F.status, "Status", noun: "de status", options: ActieStatus.allCases.map { (value: $0.rawValue, label: $0.label, hint: nil) })),
        ]
        if !indicators.isEmpty {
            items.append(.init(checks: form.checks(F.indicators, "Voor welke indicatoren? (mag leeg)", noun: "een indicator",
                                                   options: indicators.map { (value: $0.id!.uuidString, label: "\($0.name) (\($0.area))") }, chosen: ticked)))
        }
        let title = a == nil ? "Actie toevoegen aan het jaarplan" : "Actie van het jaarplan"
        return try await req.page("forms/page", title: title, current: .jaarplan, status: status) { layout in
            FormPage(layout: layout, back: paths.path + "?jaar=" + year.key, backLabel: "Terug naar het jaarplan \(year.key)", title: title,
                     lead: lead ?? "Een actie die bij geen bouwblad hoort. Acties van bouwbladen staan vanzelf in het jaarplan.",
                     action: a.map { paths.action($0.id!).path } ?? paths.new.path + "?jaar=" + year.key, items: items, submit: "Opslaan", version: version,
                     form: form, danger: a.map { FormPage.Danger(action: paths.action($0.id!).delete.path, label: "Actie verwijderen") })
        }
    }
}

extension Response {
    /// A CSV file to download, never kept by a cache.
    static func csv(_ text: String, name: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
