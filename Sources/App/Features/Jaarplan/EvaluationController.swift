import Domain
import Fluent
import Vapor

/// `/c/{slug}/jaarplan/evaluatie/{1|2}`: an evaluation moment of the jaarplan, twice a
/// school year on days the coalition chooses. It lists each indicator's status and each
/// action's state by result area, where the team writes a short evaluation per area; one
/// area's evaluation can go into step 3 of a bouwblad.
struct EvaluationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let plan = Paths.coalition(.param).jaarplan
        routes.get(plan.evaluation(.param), use: show)
        routes.post(plan.evaluation(.param), use: save)
        routes.post(plan.insertEvaluation(.param), use: insert)
    }

    static func moment(_ req: Request) throws -> Int {
        guard let raw = req.parameters.get("moment"), let moment = Int(raw), moment == 1 || moment == 2 else { throw Abort(.notFound) }
        return moment
    }

    static func label(_ moment: Int, _ year: SchoolYear) -> String { "\(moment == 1 ? "1e" : "2e") helft \(year.key)" }

    /// What the team looks at per result area: the indicators and the actions.
    struct Fact: Encodable { let text: String; let state: StateTag?; let detail: String }
    struct Area: Encodable {
        let index: Int; let name: String; let facts: [Fact]; let hasFacts: Bool; let field: FormField; let areaName: String; let insertAction: String
        /// Saved, so it can go into a bouwblad.
        let isSaved: Bool
    }
    struct Page: Encodable {
        let layout: Layout; let title: String; let back: String; let action: String; let yearKey: String; let date: FormField; let version: Int
        let areas: [Area]; let hasAreas: Bool; let canEdit: Bool; let targets: [SelectOption]; let hasTargets: Bool
        let hasErrors: Bool; let errorSummary: [FormState.SummaryItem]; let problem: String?; let savedBy: String?
    }

    /// The areas of the year: those of the indicators and of the plan's own actions.
    static func areas(_ board: IndicatorBoard, _ actions: [PlanActionRecord]) -> [String] {
        Array(Set(board.rows.map(\.record.area) + actions.map(\.area))).sorted { $0.localizedStandardCompare($1) == .orderedAscending }
    }

    func show(req: Request) async throws -> Response {
        let tenant = try req.tenant, moment = try Self.moment(req), year = JaarplanController.year(req)
        let saved = try await JaarplanStore(tenant, on: req.db).evaluations(in: year).first { $0.moment == moment }
        var values = ["datum": saved?.heldOn ?? year.defaultEvaluationDay(moment).iso]
        for (i, area) in try await Self.areaNames(req, tenant, year).enumerated() { values["evaluatie-\(i)"] = saved?.textsByArea[area] ?? "" }
        return try await page(req, tenant, moment, year, saved, FormState(values: values))
    }

    static func areaNames(_ req: Request, _ tenant: Tenant, _ year: SchoolYear) async throws -> [String] {
        let board = try await IndicatorBoard.load(req, try await IndicatorAccess.load(req))
        return areas(board, try await JaarplanStore(tenant, on: req.db).actions(in: year))
    }

    func page(_ req: Request, _ tenant: Tenant, _ moment: Int, _ year: SchoolYear, _ saved: PlanEvaluationRecord?, _ state: FormState,
              version: Int? = nil, status: HTTPStatus = .ok, problem: String? = nil) async throws -> Response {
        var form = state
        let paths = Paths.coalition(tenant.coalition.slug).jaarplan
        let board = try await IndicatorBoard.load(req, try await IndicatorAccess.load(req))
        let actions = try await JaarplanStore(tenant, on: req.db).actions(in: year)
        let canEdit = JaarplanController.canEdit(tenant)
        // Each indicator as it stood on the day of the moment: its newest period with a value by then.
        let day = saved.flatMap { IsoDate($0.heldOn) } ?? year.defaultEvaluationDay(moment)
        let areas = Self.areas(board, actions).enumerated().map { i, name -> Area in
            let indicators = board.rows.filter { $0.record.area == name }.map { row in
                let point = row.trend.filter { $0.period.firstDay <= day }.latest
                return Fact(text: row.record.name, state: StateTag(point?.status ?? .geenMeting),
                            detail: (point?.measurement.value.map(row.record.unitValue.format) ?? "—") + (point.map { ", \($0.period.label)" } ?? ""))
            }
            let own = actions.filter { $0.area == name }.map { a in
                Fact(text: a.text, state: nil, detail: "\(a.status.label)\(a.wanneer.map { ", \($0.label)" } ?? "")\(a.owner.isEmpty ? "" : ", \(a.owner)")")
            }
            let field = form.field("evaluatie-\(i)", "Evaluatie van \(name.lowercased())", noun: "de evaluatie", type: "textarea",
                                   hint: "Wat ging goed, wat niet, en wat doen jullie het volgende half jaar anders?", required: false)
            return Area(index: i, name: name, facts: indicators + own, hasFacts: !(indicators + own).isEmpty, field: field, areaName: name,
                        insertAction: paths.insertEvaluation(String(moment)).path + "?jaar=" + year.key, isSaved: saved?.textsByArea[name] != nil)
        }
        let date = form.field("datum", "Datum van het evaluatiemoment", noun: "de datum", type: "date")
        let targets = try await EvidenceController.targets(req, tenant)
        let title = "Evaluatie \(Self.label(moment, year))"
        return try await req.page("jaarplan/evaluation", title: title, current: .jaarplan, status: status) { layout in
            Page(layout: layout, title: title, back: paths.path + "?jaar=" + year.key, action: paths.evaluation(String(moment)).path + "?jaar=" + year.key,
                 yearKey: year.key, date: date, version: version ?? saved?.version ?? 0, areas: areas, hasAreas: !areas.isEmpty, canEdit: canEdit,
                 targets: targets.map { SelectOption(value: $0.value, label: $0.label, selected: false) }, hasTargets: !targets.isEmpty && saved != nil,
                 hasErrors: !form.errors.isEmpty || problem != nil, errorSummary: form.summary, problem: problem,
                 savedBy: saved.map { "Het laatst opgeslagen door \($0.updatedByName)." })
        }
    }

    /// The posted form: the day, the version, and "gebied-i" with "evaluatie-i" per area.
    struct EvaluationForm: Decodable {
        let fields: [String: String]
        private struct Name: CodingKey {
            let stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Name.self)
            var fields: [String: String] = [:]
            for key in container.allKeys.prefix(300) where ["datum", "version"].contains(key.stringValue)
                || key.stringValue.hasPrefix("gebied-") || key.stringValue.hasPrefix("evaluatie-") {
                if let value = try? container.decode(String.self, forKey: key) { fields[key.stringValue] = String(value.prefix(CycleStep.maxLength + 1)) }
            }
            self.fields = fields
        }
    }

    func save(req: Request) async throws -> Response {
        let tenant = try JaarplanController.editing(req), moment = try Self.moment(req), year = JaarplanController.year(req)
        let posted = try req.form(EvaluationForm.self).fields
        guard let version = Versioned.parse(posted["version"] ?? "") else { throw Abort(.badRequest) }
        var errors = FieldErrors(), texts: [String: String] = [:]
        let typedDay = (posted["datum"] ?? "").trimmingWhitespace(), day = IsoDate(typedDay)
        if day == nil { errors.add("datum", typedDay.isEmpty ? .required : .notADate) }
        for i in 0..<100 {
            guard let area = posted["gebied-\(i)"] else { continue }
            let text = PlainText.validate(posted["evaluatie-\(i)"], field: "evaluatie-\(i)", max: 4_000, into: &errors) ?? ""
            if !text.isEmpty { texts[String(area.prefix(IndicatorInput.maxArea))] = text }
        }
        let saved = try await JaarplanStore(tenant, on: req.db).evaluations(in: year).first { $0.moment == moment }
        guard errors.isEmpty, let day else {
            return try await page(req, tenant, moment, year, saved, FormState(values: posted, errors: errors), version: version, status: .unprocessableEntity)
        }
        let by = req.currentUser?.name ?? "Onbekend", written = texts
        let stored = try await req.db.writeTransaction { db in
            try await JaarplanStore(tenant, on: db).save(year, moment: moment, heldOn: day, texts: written, from: version, by: by, now: req.now)
        }
        guard stored else {
            return try await page(req, tenant, moment, year, saved, FormState(values: posted), version: saved?.version, status: .conflict,
                                  problem: "Iemand anders heeft deze evaluatie intussen opgeslagen. Wat jij typte staat hieronder; kijk het na en sla opnieuw op.")
        }
        try await req.flash("De evaluatie is opgeslagen.")
        return .seeOther(Paths.coalition(tenant.coalition.slug).jaarplan.evaluation(String(moment)).path + "?jaar=" + year.key)
    }

    struct InsertForm: Codable { var area: String?; var bouwblad: String? }

    /// One area's saved evaluation, dated, into step 3 of the chosen bouwblad.
    func insert(req: Request) async throws -> Response {
        let tenant = try req.tenant, moment = try Self.moment(req), year = JaarplanController.year(req)
        let form = try req.form(InsertForm.self)
        let saved = try await JaarplanStore(tenant, on: req.db).evaluations(in: year).first { $0.moment == moment }
        guard let area = form.area, let text = saved?.textsByArea[area] else {
            throw UserProblem(status: .unprocessableEntity, title: "Nog geen evaluatie",
                              message: "Voor dit resultaatgebied is nog geen evaluatie opgeslagen. Sla de evaluatie eerst op. Er is niets veranderd.")
        }
        let day = saved.flatMap { IsoDate($0.heldOn) }?.label ?? req.today.label
        return try await EvidenceController.insert(req, bouwblad: form.bouwblad, summary: "Evaluatie \(area.lowercased()), \(Self.label(moment, year)) (\(day)):\n\n\(text)")
    }
}
