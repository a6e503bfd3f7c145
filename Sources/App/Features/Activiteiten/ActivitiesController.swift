import Domain
import Fluent
import Vapor

/// `/c/{slug}/activiteiten`: the activity book. Lists filter by location, domain,
/// partner, period and status; an activity has its own page with sessions.
struct ActivitiesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let activiteiten = Paths.coalition(.param).activiteiten, activity = activiteiten.activity(.param)
        routes.get(activiteiten.address, use: list)
        routes.access(.bewerker).get(activiteiten.new, use: new)
        routes.post(activiteiten.new, use: create)
        routes.get(activity.address, use: show)
        routes.access(.bewerker).get(activity.edit, use: edit)
        routes.post(activity.edit, use: update)
        routes.post(activity.status, use: changeStatus)
        routes.access(.bewerker).get(activity.check, use: checkForm)
        routes.post(activity.check, use: saveCheck)
    }

    // MARK: list

    struct Row: Encodable { let name: String; let href: String; let domain: String; let location: String; let partner: String; let when: String; let period: String; let status: String; let check: String; let checkOK: Bool }
    struct Option: Encodable { let value: String; let label: String; let selected: Bool }
    struct ListPage: Encodable {
        let layout: Layout
        let rows: [Row]
        let hasRows: Bool
        let total: Int
        let locations: [Option]
        let domains: [Option]
        let partners: [Option]
        let hasPartnerFilter: Bool
        let statuses: [Option]
        let from: FormField
        let to: FormField
        let filtered: Bool
        let canCreate: Bool
        let isEmptyBook: Bool
    }

    func list(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        let filter = ListFilter(req)
        let book = access.book(req.db), places = access.places(req.db)
        let activities = try await book.activities(access.visible, filter: .init(
            location: UUID(uuidString: filter.location), domain: filter.domain.isEmpty ? nil : filter.domain,
            partner: UUID(uuidString: filter.partner), status: ActivityStatus(rawValue: filter.status),
            from: IsoDate(filter.from), to: IsoDate(filter.to)), limit: 2000)
        let locations = try await places.locations()
        let partners = try await places.partners()
        let links = activities.isEmpty ? [] : try await book.staffLinks()
        let staff = links.isEmpty ? [] : try await places.staff()
        let staffByID = Dictionary(uniqueKeysWithValues: try staff.map { (try $0.requireID(), $0) })
        var staffOf: [UUID: [StaffRecord]] = [:]
        for link in links { if let s = staffByID[link.staffID] { staffOf[link.activityID, default: []].append(s) } }
        let locationNames = Dictionary(uniqueKeysWithValues: try locations.map { (try $0.requireID(), $0.name) })
        let partnerNames = Dictionary(uniqueKeysWithValues: try partners.map { (try $0.requireID(), $0.name) })
        let rows = try activities.map { a in
            let open = VoorafCheck.open(answers: a.check, staff: access.vog(staffOf[(try a.requireID())] ?? [], today: req.today))
            return Row(name: a.name, href: access.paths.activity(try a.requireID()).path, domain: a.domain, location: locationNames[a.locationID] ?? "",
                       partner: a.partnerID.flatMap { partnerNames[$0] } ?? "School zelf", when: Weekday.label(a.days, a.slot).ifEmpty("—"),
                       period: a.period?.label ?? "", status: a.status.label,
                       check: open.isEmpty ? "Gedaan" : a.check == nil ? "Nog niet gedaan" : "\(open.count) open", checkOK: open.isEmpty)
        }
        let total = try await book.count(access.visible)
        func options(_ rows: [(id: UUID, name: String)], chosen: String) -> [Option] {
            rows.map { Option(value: $0.id.uuidString, label: $0.name, selected: $0.id.uuidString == chosen) }
        }
        return try await req.page("activiteiten/list", title: "Activiteiten", current: .activiteiten) { layout in
            ListPage(
                layout: layout, rows: rows, hasRows: !rows.isEmpty, total: rows.count,
                locations: [Option(value: "", label: "Alle locaties", selected: filter.location.isEmpty)]
                    + options(try locations.map { (try $0.requireID(), $0.name) }, chosen: filter.location),
                domains: [Option(value: "", label: "Alle domeinen", selected: filter.domain.isEmpty)]
                    + access.settings.domains.map { Option(value: $0, label: $0, selected: $0 == filter.domain) },
                partners: access.role == .partner ? [] : [Option(value: "", label: "Alle partners", selected: filter.partner.isEmpty)]
                    + options(try partners.map { (try $0.requireID(), $0.name) }, chosen: filter.partner),
                hasPartnerFilter: access.role != .partner,
                statuses: [Option(value: "", label: "Alle", selected: filter.status.isEmpty)]
                    + ActivityStatus.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0.rawValue == filter.status) },
                from: FormField(filter: "van", label: "Loopt op of na", value: filter.from),
                to: FormField(filter: "tot", label: "Loopt op of vóór", value: filter.to), filtered: filter.isActive, canCreate: access.canCreate, isEmptyBook: total == 0)
        }
    }

    struct ListFilter: Encodable {
        let location: String, domain: String, partner: String, status: String, from: String, to: String
        init(_ req: Request) {
            func q(_ key: String) -> String { String(((try? req.query.get(String.self, at: key)) ?? "").prefix(100)) }
            (location, domain, partner, status, from, to) = (q("locatie"), q("domein"), q("aanbieder"), q("status"), req.queryDate("van"), req.queryDate("tot"))
        }
        var isActive: Bool { ![location, domain, partner, status, from, to].allSatisfy(\.isEmpty) }
    }

    // MARK: add and change

    func new(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        guard access.canCreate else { throw Abort(.forbidden) }
        return try await form(req, access, activity: nil, FormState(ActivityChoices.defaults(today: req.today)), days: [], staff: [])
    }

    func create(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        guard access.canCreate else { throw Abort(.forbidden) }
        let submitted = try req.form(ActivityForm.self)
        let options = try await ActivityChoices.load(req, access)
        var errors = FieldErrors()
        guard let valid = options.validate(submitted, access, into: &errors) else {
            return try await refuse(req, access, activity: nil, submitted, errors)
        }
        let activity = ActivityRecord()
        activity.apply(valid.input, locationID: valid.locationID, partnerID: valid.partnerID, doelID: valid.doelID)
        activity.status = .concept
        activity.version = 1
        try await req.db.transaction { db in
            try await access.book(db).add(activity, staff: valid.staffIDs)
        }
        try await req.flash("De activiteit \(activity.name) is toegevoegd. Doe nu de vooraf-check en maak de sessies aan.")
        return .seeOther(access.paths.activity(try activity.requireID()).path)
    }

    func edit(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        let activity = try await access.activity(req)
        guard access.canEdit(activity) else { throw Abort(.forbidden) }
        let staff = try await access.staff(of: activity, req.db)
        let current = ActivityChoices.form(of: activity, staff: try staff.map { try $0.requireID() })
        return try await form(req, access, activity: activity, FormState(current), days: Set(current.weekdays ?? []), staff: Set(current.staff ?? []))
    }

    func update(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        let activity = try await access.activity(req)
        guard access.canEdit(activity) else { throw Abort(.forbidden) }
        let edit = try req.form(Edit<ActivityForm>.self)
        let options = try await ActivityChoices.load(req, access)
        var errors = FieldErrors()
        guard let valid = options.validate(edit.form, access, into: &errors) else {
            return try await refuse(req, access, activity: activity, edit.form, errors)
        }
        guard let version = edit.version else { throw Abort(.badRequest) }
        activity.apply(valid.input, locationID: valid.locationID, partnerID: valid.partnerID, doelID: valid.doelID)
        let saved = try await req.db.transaction { db -> Bool in
            try await access.book(db).update(activity, from: version, staff: valid.staffIDs, now: req.now)
        }
        guard saved else { throw Abort(.conflict) }
        try await req.flash("De activiteit is opgeslagen.")
        return .seeOther(access.paths.activity(try activity.requireID()).path)
    }

    private func refuse(_ req: Request, _ access: ActivityAccess, activity: ActivityRecord?, _ submitted: ActivityForm, _ errors: FieldErrors) async throws -> Response {
        try await form(req, access, activity: activity, FormState(submitted, errors: errors),
                       days: Set(submitted.weekdays ?? []), staff: Set(submitted.staff ?? []), status: .unprocessableEntity)
    }

    private func form(_ req: Request, _ access: ActivityAccess, activity: ActivityRecord?, _ state: FormState, days: Set<String>, staff: Set<String>, status: HTTPStatus = .ok) async throws -> Response {
        var form = state
        let options = try await ActivityChoices.load(req, access)
        let items = try options.items(&form, access, chosenDays: days, chosenStaff: staff)
        let title = activity == nil ? "Nieuwe activiteit" : "Activiteit wijzigen"
        return try await req.page("forms/page", title: title, current: .activiteiten, status: status) { layout in
            FormPage(
                layout: layout,
                back: try activity.map { access.paths.activity(try $0.requireID()).path } ?? access.base, backLabel: activity == nil ? "Terug naar de activiteiten" : "Terug naar de activiteit",
                title: title, lead: options.locations.isEmpty ? "Er zijn nog geen locaties. De projectleider voegt die toe bij Locaties en partners." : nil,
                action: try activity.map { access.paths.activity(try $0.requireID()).edit.path } ?? access.paths.new.path,
                items: items, submit: "Opslaan", version: activity?.version, form: form)
        }
    }

    // MARK: show

    func show(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        let activity = try await access.activity(req)
        return try await ActivityPage.render(req, access, activity)
    }

    func changeStatus(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        let activity = try await access.activity(req)
        guard access.canEdit(activity) else { throw Abort(.forbidden) }
        let edit = try req.form(Edit<StatusForm>.self)
        guard let version = edit.version else { throw Abort(.badRequest) }
        guard let status = ActivityStatus(rawValue: edit.form.status ?? "") else {
            return try await ActivityPage.render(req, access, activity, statusError: "Kies een van de mogelijkheden.", status: .unprocessableEntity)
        }
        let staff = try await access.staff(of: activity, req.db)
        if case .vogMissing(let names)? = ActivityRules.mayMove(to: status, staff: access.vog(staff, today: req.today)) {
            return try await ActivityPage.render(req, access, activity, statusError:
                "De activiteit kan nog niet starten: \(names.joined(separator: ", ")) \(names.count == 1 ? "heeft" : "hebben") geen geldige VOG. Vul de VOG-datum in bij de partner, of haal deze begeleider uit de activiteit.",
                status: .unprocessableEntity)
        }
        guard try await access.book(req.db).update(status: status, of: activity.requireID(), from: version, now: req.now) else { throw Abort(.conflict) }
        try await req.flash("De status is nu: \(status.label).")
        return .seeOther(access.paths.activity(try activity.requireID()).path)
    }

    // MARK: vooraf-check

    struct CheckPage: Encodable {
        let layout: Layout
        let back: String
        let name: String
        let action: String
        let version: Int
        let questions: [ChoiceField]
        let evaluation: FormField
        let vog: [String]
        let hasVogProblems: Bool
        let hasStaff: Bool
        let hasErrors: Bool
        let errorSummary: [FormState.SummaryItem]
    }

    func checkForm(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        let activity = try await access.activity(req)
        guard access.canEdit(activity) else { throw Abort(.forbidden) }
        var form = VoorafCheckForm()
        if let answers = activity.check {
            for q in VoorafCheck.questions { form[q.field] = answers.yes.contains(q.key) ? "ja" : answers.no.contains(q.key) ? "nee" : nil }
            form.evaluatie = answers.evaluation
        }
        return try await renderCheck(req, access, activity, FormState(form))
    }

    func saveCheck(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        let activity = try await access.activity(req)
        guard access.canEdit(activity) else { throw Abort(.forbidden) }
        let edit = try req.form(Edit<VoorafCheckForm>.self)
        var errors = FieldErrors()
        guard let answers = VoorafCheck.validate(edit.form, into: &errors) else {
            return try await renderCheck(req, access, activity, FormState(edit.form, errors: errors), status: .unprocessableEntity)
        }
        guard let version = edit.version else { throw Abort(.badRequest) }
        guard try await access.book(req.db).update(check: answers, of: activity.requireID(), from: version, by: req.requireUser().name, now: req.now)
        else { throw Abort(.conflict) }
        try await req.flash(answers.no.isEmpty ? "De vooraf-check is opgeslagen." : "De vooraf-check is opgeslagen. Er staan nog punten open.")
        return .seeOther(access.paths.activity(try activity.requireID()).path + "#vooraf-check")
    }

    private func renderCheck(_ req: Request, _ access: ActivityAccess, _ activity: ActivityRecord, _ state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        var form = state
        let staff = access.vog(try await access.staff(of: activity, req.db), today: req.today)
        let yesNo: [(value: String, label: String, hint: String?)] = [("ja", "Ja", nil), ("nee", "Nee, nog niet", nil)]
        let questions = VoorafCheck.questions.map { form.choice($0.field, $0.text, noun: "een antwoord", options: yesNo) }
        let evaluation = form.field(VoorafCheckForm.CodingKeys.evaluatie, "Hoe evalueren jullie de activiteit?", noun: "hoe jullie evalueren", type: "textarea",
                                    hint: "Bijvoorbeeld: nabespreking na elke sessie, observatie met de Leuvense schaal, een korte vragenlijst voor de leerlingen.")
        return try await req.page("activiteiten/check", title: "Vooraf-check", current: .activiteiten, status: status) { layout in
            CheckPage(
                layout: layout, back: access.paths.activity(try activity.requireID()).path, name: activity.name,
                action: access.paths.activity(try activity.requireID()).check.path, version: activity.version, questions: questions, evaluation: evaluation,
                vog: staff.map { "\($0.name): \($0.vog.label.lowercased())" }, hasVogProblems: staff.contains { !$0.vog.isValid }, hasStaff: !staff.isEmpty,
                hasErrors: !form.errors.isEmpty, errorSummary: form.summary)
        }
    }
}

/// The status buttons on an activity's page.
struct StatusForm: Codable {
    enum CodingKeys: String, CodingKey, FieldName { case status }
    var status: String?
}
