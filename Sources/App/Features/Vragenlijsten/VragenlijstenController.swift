import Domain
import Fluent
import Vapor

/// `/c/{slug}/vragenlijsten`: the coalition's questionnaires; making one from a template,
/// its settings, opening and closing it, a copy.
struct VragenlijstenController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let list = Paths.coalition(.param).vragenlijsten, one = list.vragenlijst(.param)
        routes.get(list.address, use: self.list)
        routes.get(list.new, use: new)
        routes.post(list.new, use: create)
        routes.get(one.settings, use: settings)
        routes.post(one.settings, use: saveSettings)
        routes.post(one.status, use: status)
        routes.post(one.copy, use: copy)
        routes.post(one.delete, use: delete)
    }

    // MARK: list

    struct Row: Encodable { let title: String; let href: String; let audience: String; let status: String; let answers: Int; let period: String }
    struct ListPage: Encodable {
        let layout: Layout; let rows: [Row]; let hasRows: Bool; let canMake: Bool; let newHref: String
        /// The audience filter, shown once there are questionnaires for more than one audience.
        let audiences: [SelectOption]; let hasAudiences: Bool; let filtered: Bool
    }

    func list(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.load(req)
        let store = access.store(req.db)
        let all = try await store.questionnaires().filter(access.maySee)
        let chosen = req.query[String.self, at: "voor"].flatMap(Audience.init(rawValue:))
        let present = Set(all.map(\.audienceValue))
        let shown = all.filter { chosen == nil || $0.audienceValue == chosen }
        let counts = try await store.responseCounts()
        return try await req.page("vragenlijsten/list", title: "Vragenlijsten", current: .vragenlijsten) { layout in
            ListPage(layout: layout, rows: try shown.map { q in
                let id = try q.requireID(), paths = access.paths.vragenlijst(id)
                return Row(title: q.title, href: access.mayChange(q) ? paths.path : paths.results.path, audience: q.audienceValue.label,
                           status: q.statusValue.label, answers: counts[id] ?? 0, period: Self.period(q))
            }, hasRows: !shown.isEmpty, canMake: access.canMake, newHref: access.paths.new.path,
               audiences: [SelectOption(value: "", label: "Iedereen", selected: chosen == nil)]
                + Audience.allCases.filter(present.contains).map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == chosen) },
               hasAudiences: present.count > 1 || chosen != nil, filtered: chosen != nil)
        }
    }

    static func period(_ q: QuestionnaireRecord) -> String {
        let opens = q.opensOn.flatMap(IsoDate.init)?.label, closes = q.closesOn.flatMap(IsoDate.init)?.label
        switch (opens, closes) {
        case let (o?, c?): return "\(o) tot en met \(c)"
        case let (o?, nil): return "vanaf \(o)"
        case let (nil, c?): return "tot en met \(c)"
        default: return "zolang hij open staat"
        }
    }

    // MARK: new

    struct NewForm: Codable { enum CodingKeys: String, CodingKey, FieldName { case template }; var template: String }

    func new(req: Request) async throws -> Response {
        try await newPage(req, try await VragenlijstAccess.making(req), FormState(values: ["template": "interesses"]))
    }

    func newPage(_ req: Request, _ access: VragenlijstAccess, _ state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        var form = state
        let domains = try await ActiviteitenStore(access.tenant, on: req.db).settings().domains
        let options = QuestionnaireTemplate.all(domains: domains).map { (value: $0.key, label: $0.name, hint: Optional($0.description)) }
            + [(value: "leeg", label: "Lege vragenlijst", hint: Optional("Je maakt alle vragen zelf."))]
        let items: [FormPage.Item] = [.init(radios: form.choice(NewForm.CodingKeys.template, "Waar begin je mee?", noun: "een begin", options: options))]
        return try await req.page("forms/page", title: "Nieuwe vragenlijst", current: .vragenlijsten, status: status) { layout in
            FormPage(layout: layout, back: access.paths.path, backLabel: "Terug naar vragenlijsten", title: "Nieuwe vragenlijst",
                     lead: "Begin met een voorbeeld en pas het aan, of begin leeg. Daarna kies je de titel, voor wie hij is en wanneer hij open is.",
                     action: access.paths.new.path, items: items, submit: "Vragenlijst maken", form: form)
        }
    }

    func create(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.making(req)
        let key = (try? req.form(NewForm.self).template) ?? ""
        let domains = try await ActiviteitenStore(access.tenant, on: req.db).settings().domains
        let record: QuestionnaireRecord
        // A coordinator's questionnaire has a link per location of theirs from the start.
        let locations = access.newLocations, scope: QuestionnaireScope = locations.isEmpty ? .geen : .locatie
        if let template = QuestionnaireTemplate.named(key, domains: domains) {
            record = QuestionnaireRecord(coalitionID: access.tenant.coalitionID, QuestionnaireInput(
                title: template.title, intro: template.intro, audience: template.audience, scope: scope, opensOn: nil, closesOn: nil),
                questions: QuestionList(template.questions), locations: locations)
        } else if key == "leeg" {
            record = QuestionnaireRecord(coalitionID: access.tenant.coalitionID, QuestionnaireInput(
                title: "Nieuwe vragenlijst", intro: "", audience: .ouders, scope: scope, opensOn: nil, closesOn: nil), questions: QuestionList(),
                locations: locations)
        } else {
            var errors = FieldErrors()
            errors.add(NewForm.CodingKeys.template, key.isEmpty ? .required : .unknownChoice)
            return try await newPage(req, access, FormState(values: ["template": key], errors: errors), status: .unprocessableEntity)
        }
        try await access.store(req.db).add(record)
        try await req.flash("De vragenlijst is gemaakt. Kijk de instellingen en de vragen na, en open hem als hij klaar is.")
        return .seeOther(access.paths.vragenlijst(try record.requireID()).settings.path)
    }

    // MARK: settings

    func settings(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.making(req)
        let q = try await access.changeable(req)
        let form = QuestionnaireForm(title: q.title, intro: q.intro, audience: q.audience, scope: q.scope, opensOn: q.opensOn ?? "", closesOn: q.closesOn ?? "",
                                     inReport: q.inReport ? "ja" : "")
        return try await settingsPage(req, access, q, FormState(form), version: q.version)
    }

    func saveSettings(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.making(req)
        let q = try await access.changeable(req)
        let body = try req.form(Edit<QuestionnaireForm>.self)
        var errors = FieldErrors()
        guard let input = QuestionnaireInput.validate(body.form, into: &errors) else {
            return try await settingsPage(req, access, q, FormState(body.form, errors: errors), version: body.version ?? q.version, status: .unprocessableEntity)
        }
        guard let version = body.version else { throw Abort(.badRequest) }
        let id = try q.requireID()
        // One link for everyone would lose the location a coordinator's questionnaire is for.
        if input.scope == .geen, !q.locations.isEmpty {
            errors.add(QuestionnaireForm.CodingKeys.scope, .unknownChoice)
            return try await settingsPage(req, access, q, FormState(body.form, errors: errors), version: version, status: .unprocessableEntity,
                                          lead: "Deze vragenlijst is voor \(try await Self.locationNames(q, access, req.db)). Kies een link per locatie of per activiteit.")
        }
        // Answers already carry their place: the scope stays once there are answers.
        if input.scope != q.scopeValue, try await access.store(req.db).hasResponses(id) {
            errors.add(QuestionnaireForm.CodingKeys.scope, .unknownChoice)
            return try await settingsPage(req, access, q, FormState(body.form, errors: errors), version: version, status: .unprocessableEntity,
                                          lead: "Er zijn al antwoorden, dus de links blijven zoals ze zijn. Maak een kopie als je andere links wilt.")
        }
        guard try await access.store(req.db).update(id, from: version, input, now: req.now) else {
            return try await settingsPage(req, access, q, FormState(body.form), version: q.version, status: .conflict,
                                          lead: "Iemand anders heeft deze instellingen intussen opgeslagen. Wat jij typte staat hieronder; kijk het na en sla opnieuw op.")
        }
        try await req.flash("De instellingen zijn opgeslagen.")
        return .seeOther(access.paths.vragenlijst(id).path)
    }

    func settingsPage(_ req: Request, _ access: VragenlijstAccess, _ q: QuestionnaireRecord, _ state: FormState, version: Int,
                      status: HTTPStatus = .ok, lead: String? = nil) async throws -> Response {
        var form = state
        typealias F = QuestionnaireForm.CodingKeys
        let items: [FormPage.Item] = [
            .init(field: form.field(F.title, "Titel", noun: "de titel", hint: "De respondent ziet deze titel boven de vragen.")),
            .init(field: form.field(F.intro, "Inleiding", noun: "de inleiding", type: "textarea",
                                    hint: "Waarom je het vraagt en hoe lang het duurt. Schrijf eenvoudig, zeker voor leerlingen.", required: false)),
            .init(radios: form.choice(F.audience, "Voor wie is de vragenlijst?", noun: "voor wie de vragenlijst is",
                                      options: Audience.allCases.map { (value: $0.rawValue, label: $0.label, hint: nil) })),
            .init(radios: form.choice(F.scope, "Links", noun: "de links",
                                      options: QuestionnaireScope.allCases.filter { $0 != .geen || q.locations.isEmpty }.map { (value: $0.rawValue, label: $0.label, hint: Self.scopeHint($0)) })),
            .init(field: form.field(F.opensOn, "Open vanaf", noun: "de eerste dag", type: "date", required: false)),
            .init(field: form.field(F.closesOn, "Open tot en met", noun: "de laatste dag", type: "date", required: false)),
            .init(checks: form.checks(F.inReport, "Kwaliteitsrapport", noun: "het rapport", hint: "Alleen uitkomsten van groepen van 5 of meer.",
                                      options: [(value: "ja", label: "Een samenvatting opnemen in het kwaliteitsrapport")], chosen: form.values[F.inReport.rawValue] == "ja" ? ["ja"] : [])),
        ]
        let back = access.paths.vragenlijst(try q.requireID())
        let forWhom = q.locations.isEmpty ? nil : "Deze vragenlijst is voor \(try await Self.locationNames(q, access, req.db))."
        return try await req.page("forms/page", title: "Instellingen van de vragenlijst", current: .vragenlijsten, status: status) { layout in
            FormPage(layout: layout, back: back.path, backLabel: "Terug naar de vragenlijst", title: "Instellingen van de vragenlijst", lead: lead ?? forWhom,
                     action: back.settings.path, items: items, submit: "Opslaan", version: version, form: form)
        }
    }

    static func scopeHint(_ scope: QuestionnaireScope) -> String? {
        switch scope {
        case .geen: return nil
        case .locatie: return "Dan zie je de resultaten per locatie."
        case .activiteit: return "Dan zie je de resultaten per activiteit, en ziet een partner die van zijn eigen activiteiten."
        }
    }

    // MARK: status, copy, delete

    struct StatusForm: Codable { enum CodingKeys: String, CodingKey { case status, version }; let status: String; let version: String }

    func status(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.making(req)
        let q = try await access.changeable(req)
        let form = try req.form(StatusForm.self)
        guard let status = QuestionnaireStatus(rawValue: form.status), status != .concept, let version = Versioned.parse(form.version) else { throw Abort(.badRequest) }
        let id = try q.requireID()
        if status == .open, q.questionList.answerable.isEmpty {
            try await req.flash("Voeg eerst een vraag toe. Een vragenlijst zonder vragen kan niet open.")
            return .seeOther(access.paths.vragenlijst(id).path)
        }
        let places = try await Self.places(for: q, access, req.db)
        let saved = try await req.db.writeTransaction { db -> Bool in
            let store = VragenlijstenStore(access.tenant, on: db)
            guard try await store.update(id, from: version, status: status, now: req.now) else { return false }
            if status == .open { try await store.addMissingLinks(of: id, places: places) }
            return true
        }
        guard saved else { throw Abort(.conflict) }
        try await req.flash(status == .open ? "De vragenlijst is open. Deel de link of de code." : "De vragenlijst is gesloten. Er kunnen geen antwoorden meer bij.")
        return .seeOther(status == .open ? access.paths.vragenlijst(id).links.path : access.paths.vragenlijst(id).path)
    }

    /// The places a questionnaire gets a link for: one, each location, or each activity;
    /// for a coordinator's questionnaire only those of its locations.
    static func places(for q: QuestionnaireRecord, _ access: VragenlijstAccess, _ db: any Database) async throws -> [(location: UUID?, activity: UUID?)] {
        let only = q.locations
        func kept(_ location: UUID) -> Bool { only.isEmpty || only.contains(location) }
        switch q.scopeValue {
        case .geen: return [(nil, nil)]
        case .locatie: return try await PlacesStore(access.tenant, on: db).locations().map { try $0.requireID() }.filter(kept).map { ($0, nil) }
        case .activiteit: return try await ActiviteitenStore(access.tenant, on: db).activities(.all).filter { kept($0.locationID) }.map { ($0.locationID, try $0.requireID()) }
        }
    }

    /// "Noord en Zuid": the locations a coordinator's questionnaire is for.
    static func locationNames(_ q: QuestionnaireRecord, _ access: VragenlijstAccess, _ db: any Database) async throws -> String {
        let names = try await PlacesStore(access.tenant, on: db).locations().filter { q.locations.contains(try $0.requireID()) }.map(\.name)
        return names.count <= 1 ? names.first ?? "geen locatie" : names.dropLast().joined(separator: ", ") + " en " + names.last!
    }

    func copy(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.making(req)
        let q = try await access.questionnaire(req)
        // A coordinator may copy any questionnaire they can see; the copy is for their own
        // locations (and so gets a link per location when the original had one for everyone).
        let locations = access.role == .coordinator ? access.ownLocations : q.locations
        let scope = !locations.isEmpty && q.scopeValue == .geen ? .locatie : q.scopeValue
        let copy = QuestionnaireRecord(coalitionID: access.tenant.coalitionID, QuestionnaireInput(
            title: String(("Kopie van " + q.title).prefix(QuestionnaireInput.maxTitle)), intro: q.intro, audience: q.audienceValue, scope: scope,
            opensOn: nil, closesOn: nil), questions: q.questionList, locations: locations)
        try await access.store(req.db).add(copy)
        try await req.flash("De kopie is gemaakt. Hij heeft nog geen antwoorden; je kunt alle vragen veranderen.")
        return .seeOther(access.paths.vragenlijst(try copy.requireID()).path)
    }

    func delete(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.making(req)
        let q = try await access.changeable(req)
        let id = try q.requireID()
        if try await access.store(req.db).hasResponses(id) {
            try await req.flash("Deze vragenlijst heeft antwoorden en blijft daarom bestaan. Sluit hem als er geen antwoorden meer bij mogen.")
            return .seeOther(access.paths.vragenlijst(id).path)
        }
        try await access.store(req.db).delete(id)
        try await req.flash("De vragenlijst \(q.title) is verwijderd.")
        return .seeOther(access.paths.path)
    }
}
