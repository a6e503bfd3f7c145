import Domain
import Fluent
import Vapor

/// `/c/{slug}/indicatoren`: the coalition's indicators by result area, each with its status
/// and trend; defining and changing them (the projectleider).
struct IndicatorenController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let list = Paths.coalition(.param).indicatoren, one = list.indicator(.param)
        routes.get(list.address, use: self.list)
        routes.get(list.new, use: new)
        routes.post(list.new, use: create)
        routes.get(one.edit, use: edit)
        routes.post(one.edit, use: save)
        routes.post(one.delete, use: delete)
    }

    // MARK: list

    struct Row: Encodable {
        let name: String; let href: String; let source: String; let state: StateTag; let value: String; let periodLabel: String
        let norm: String; let sparkline: String
    }
    struct Area: Encodable { let name: String; let rows: [Row] }
    struct ListPage: Encodable {
        let layout: Layout; let areas: [Area]; let hasAreas: Bool; let canDefine: Bool; let newHref: String; let legend: [StateTag]; let scopeNote: String?
    }

    func list(req: Request) async throws -> Response {
        let access = try await IndicatorAccess.load(req)
        let board = try await IndicatorBoard.load(req, access)
        let areas = Dictionary(grouping: board.rows, by: \.record.area).sorted { $0.key.localizedStandardCompare($1.key) == .orderedAscending }
            .map { Area(name: $0.key, rows: $0.value.map { Self.row($0, access) }) }
        return try await req.page("indicatoren/list", title: "Indicatoren", current: .indicatoren) { layout in
            ListPage(layout: layout, areas: areas, hasAreas: !areas.isEmpty, canDefine: access.canDefine, newHref: access.paths.new.path,
                     legend: StateTag.indicatorLegend, scopeNote: Self.scopeNote(access))
        }
    }

    static func row(_ row: IndicatorBoard.Row, _ access: IndicatorAccess) -> Row {
        let r = row.record, latest = row.latest
        let chart = TrendChart(id: "i", title: r.name, unit: r.unitValue, norm: r.normValue, points: row.trend)
        return Row(name: r.name, href: access.paths.indicator(r.id!).path, source: r.sourceValue.label,
                   state: StateTag(latest?.status ?? .geenMeting), value: latest?.measurement.value.map(r.unitValue.format) ?? "—",
                   periodLabel: latest?.period.label ?? "", norm: r.normValue.label(r.unitValue), sparkline: chart.sparkline)
    }

    /// Whose data the values are, when it is not the whole coalition.
    static func scopeNote(_ access: IndicatorAccess) -> String? {
        switch access.role {
        case .coordinator: return "Je ziet de waarden van je eigen locaties."
        case .partner: return "Je ziet de indicatoren over activiteiten, berekend over de activiteiten van je eigen organisatie."
        default: return nil
        }
    }

    // MARK: new and edit

    func new(req: Request) async throws -> Response {
        let access = try await IndicatorAccess.defining(req)
        let start = IndicatorForm(area: ResultArea.defaults[0], source: IndicatorSource.dekking.rawValue, measure: QuestionnaireMeasure.topTwo.rawValue,
                                  unit: IndicatorUnit.aantal.rawValue, direction: Direction.hoger.rawValue, rhythm: Rhythm.schooljaar.rawValue, perLocation: "nee")
        return try await formPage(req, access, nil, FormState(start))
    }

    func create(req: Request) async throws -> Response {
        let access = try await IndicatorAccess.defining(req)
        let form = try req.form(IndicatorForm.self)
        var errors = FieldErrors()
        guard let input = IndicatorInput.validate(form, questions: Set(try await Self.questionOptions(access, req.db).map(\.value)),
                                                  rules: try await Self.ruleRhythms(access, req.db), into: &errors) else {
            return try await formPage(req, access, nil, FormState(form, errors: errors), status: .unprocessableEntity)
        }
        let record = IndicatorRecord(coalitionID: access.tenant.coalitionID, input)
        try await access.store(req.db).add(record)
        try await req.flash("De indicator \(input.name) is gemaakt.")
        return .seeOther(access.paths.indicator(try record.requireID()).path)
    }

    func edit(req: Request) async throws -> Response {
        let access = try await IndicatorAccess.defining(req)
        let r = try await access.indicator(req)
        let form = IndicatorForm(name: r.name, area: r.area, source: r.source, question: r.questionnaireID.map { "\($0.uuidString)/\(r.questionID ?? "")" },
                                 measure: r.measure ?? QuestionnaireMeasure.topTwo.rawValue, rule: r.cadenceRuleID?.uuidString, unit: r.unit, direction: r.direction,
                                 norm: IndicatorUnit.decimal(r.norm, places: r.norm.rounded() == r.norm ? 0 : 2),
                                 signal: r.signal.map { IndicatorUnit.decimal($0, places: $0.rounded() == $0 ? 0 : 2) }, rhythm: r.rhythm, perLocation: r.perLocation ? "ja" : "nee")
        return try await formPage(req, access, r, FormState(form), version: r.version)
    }

    func save(req: Request) async throws -> Response {
        let access = try await IndicatorAccess.defining(req)
        let r = try await access.indicator(req)
        let body = try req.form(Edit<IndicatorForm>.self)
        var errors = FieldErrors()
        guard let input = IndicatorInput.validate(body.form, questions: Set(try await Self.questionOptions(access, req.db).map(\.value)),
                                                  rules: try await Self.ruleRhythms(access, req.db), into: &errors) else {
            return try await formPage(req, access, r, FormState(body.form, errors: errors), version: body.version ?? r.version, status: .unprocessableEntity)
        }
        guard let version = body.version else { throw Abort(.badRequest) }
        guard try await access.store(req.db).update(try r.requireID(), from: version, input, now: req.now) else {
            return try await formPage(req, access, r, FormState(body.form), version: r.version, status: .conflict,
                                      lead: "Iemand anders heeft deze indicator intussen opgeslagen. Wat jij typte staat hieronder; kijk het na en sla opnieuw op.")
        }
        try await req.flash("De indicator is opgeslagen.")
        return .seeOther(access.paths.indicator(try r.requireID()).path)
    }

    func formPage(_ req: Request, _ access: IndicatorAccess, _ r: IndicatorRecord?, _ state: FormState, version: Int? = nil,
                  status: HTTPStatus = .ok, lead: String? = nil) async throws -> Response {
        var form = state
        typealias F = IndicatorForm.CodingKeys
        let questions = try await Self.questionOptions(access, req.db)
        let rules = try await Self.ruleOptions(req, access)
        let items: [FormPage.Item] = [
            .init(field: form.field(F.name, "Naam", noun: "de naam", hint: "Bijvoorbeeld: locaties met elk domein minstens één activiteit.")),
            .init(field: form.field(F.area, "Resultaatgebied", noun: "het resultaatgebied",
                                    hint: "Bijvoorbeeld \(ResultArea.defaults.map { $0.lowercased() }.joined(separator: ", ")). Indicatoren met hetzelfde gebied staan bij elkaar.")),
            .init(radios: form.choice(F.source, "Waar komt de waarde vandaan?", noun: "waar de waarde vandaan komt",
                                      options: IndicatorSource.allCases.map { (value: $0.rawValue, label: $0.label, hint: $0.hint) })),
            .init(heading: "Bij een vragenlijst"),
            .init(select: form.select(F.question, "Vraag", noun: "een vraag", empty: questions.isEmpty ? "Er zijn nog geen vragenlijsten met een schaalvraag" : "Kies een schaalvraag",
                                      options: questions)),
            .init(radios: form.choice(F.measure, "Welk getal?", noun: "welk getal", options: QuestionnaireMeasure.allCases.map { (value: $0.rawValue, label: $0.label, hint: nil) })),
            .init(heading: "Bij een afspraak over overleg"),
            .init(select: form.select(F.rule, "Afspraak", noun: "een afspraak over overleg",
                                      empty: rules.isEmpty ? "Er zijn nog geen afspraken over overleg" : "Kies een afspraak (er wordt gemeten per periode van de afspraak)",
                                      options: rules)),
            .init(heading: "De norm"),
            .init(radios: form.choice(F.unit, "Eenheid bij zelf invullen", noun: "de eenheid",
                                      options: IndicatorUnit.allCases.map { (value: $0.rawValue, label: $0.label, hint: nil) })),
            .init(radios: form.choice(F.direction, "Wat is beter?", noun: "wat beter is", options: Direction.allCases.map { (value: $0.rawValue, label: $0.label, hint: nil) })),
            .init(field: form.field(F.norm, "Norm", noun: "de norm", hint: "De grens die jullie willen halen, zoals 100 (procent) of 3,5.")),
            .init(field: form.field(F.signal, "Signaalwaarde (mag leeg)", noun: "de signaalwaarde",
                                    hint: "Tussen de norm en deze waarde staat de indicator op ‘aandacht’. Bij ‘hoger is beter’ ligt hij boven de norm.", required: false)),
            .init(radios: form.choice(F.rhythm, "Hoe vaak meten?", noun: "hoe vaak jullie meten", options: Rhythm.allCases.map { (value: $0.rawValue, label: $0.label, hint: nil) })),
            .init(radios: form.choice(F.perLocation, "Zelf invullen: per locatie?", noun: "of je per locatie invult", options: [
                (value: "nee", label: "Eén waarde voor de hele coalitie", hint: nil),
                (value: "ja", label: "Een waarde per locatie", hint: Optional("Coördinatoren vullen hun eigen locaties in. Aantallen worden opgeteld, andere waarden gemiddeld.")),
            ])),
        ]
        let title = r == nil ? "Nieuwe indicator" : "Indicator aanpassen"
        let back = r.map { access.paths.indicator($0.id!).path } ?? access.paths.path
        return try await req.page("forms/page", title: title, current: .indicatoren, status: status) { layout in
            FormPage(layout: layout, back: back, backLabel: r == nil ? "Terug naar indicatoren" : "Terug naar de indicator", title: title,
                     lead: lead ?? "Een berekende waarde is altijd bij: hij komt uit wat jullie in Bouwstenen bijhouden. Eenheid en vraag tellen alleen bij de bron die ze noemt.",
                     action: r.map { access.paths.indicator($0.id!).edit.path } ?? access.paths.new.path, items: items, submit: "Opslaan", version: version,
                     form: form, danger: r.map { FormPage.Danger(action: access.paths.indicator($0.id!).delete.path, label: "Indicator verwijderen") })
        }
    }

    /// The cadence rules an indicator may take, with their rhythm (its periods).
    static func ruleRhythms(_ access: IndicatorAccess, _ db: any Database) async throws -> [UUID: Rhythm] {
        Dictionary(uniqueKeysWithValues: try await OverlegStore(access.tenant, on: db).rules().compactMap { r in r.id.flatMap { id in r.rule.map { (id, $0.rhythm) } } })
    }

    static func ruleOptions(_ req: Request, _ access: IndicatorAccess) async throws -> [(value: String, label: String)] {
        let names = Dictionary(uniqueKeysWithValues: try await OverlegController.organisations(req, access.tenant).map { ($0.id, $0.name) })
        return try await OverlegStore(access.tenant, on: req.db).rules().compactMap { r in
            r.id.flatMap { id in r.rule.map { (value: id.uuidString, label: String($0.label(names: names).prefix(140))) } }
        }
    }

    /// The scale questions an indicator may take: "<questionnaire>/<question>".
    static func questionOptions(_ access: IndicatorAccess, _ db: any Database) async throws -> [(value: String, label: String)] {
        try await VragenlijstenStore(access.tenant, on: db).questionnaires().flatMap { q in
            q.questionList.questions.filter(\.kind.isScale).map { question in
                (value: "\(q.id!.uuidString)/\(question.id)", label: "\(q.title): \(question.text.count > 80 ? String(question.text.prefix(79)) + "…" : question.text)")
            }
        }
    }

    // MARK: delete

    func delete(req: Request) async throws -> Response {
        let access = try await IndicatorAccess.defining(req)
        let r = try await access.indicator(req)
        try await access.store(req.db).delete(try r.requireID())
        try await req.flash("De indicator \(r.name) is verwijderd, met de waarden die erbij waren ingevuld.")
        return .seeOther(access.paths.path)
    }
}
