import Domain
import Fluent
import Vapor

/// The sessions of an activity: generated from its weekdays and period, added or
/// cancelled by hand, and filled in afterwards with the pupils present, the
/// nabespreking, an incident and observations. Incidents go to the projectleider.
struct SessionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let activiteiten = Paths.coalition(.param).activiteiten, activity = activiteiten.activity(.param)
        routes.post(activity.generate, use: generate)
        routes.post(activity.sessions, use: add)
        routes.access(.bewerker).get(activity.session(.param), use: edit)
        routes.post(activity.session(.param), use: save)
        let incidents = routes.access(.projectleider)
        incidents.get(activiteiten.incidents, use: self.incidents)
        incidents.post(activiteiten.handled(.param), use: handle)
    }

    /// Creates the sessions that are missing: one per chosen weekday in the period.
    /// Existing sessions (also cancelled ones) are kept as they are.
    func generate(req: Request) async throws -> Response {
        let (access, activity) = try await recording(req)
        guard let period = activity.period, !activity.days.isEmpty else {
            try await req.flash("Kies eerst de dagen en de periode van de activiteit. Daarna kun je de sessies aanmaken.")
            return .seeOther(access.paths.activity(try activity.requireID()).path + "#sessies")
        }
        let dates = period.dates(on: activity.days)
        let id = try activity.requireID()
        let existing = Set(try await access.book(req.db).sessions(of: id).map(\.date))
        let missing = dates.filter { !existing.contains($0.iso) }
        try await req.db.transaction { db in
            try await access.book(db).addSessions(of: id, on: missing)
        }
        try await req.flash(missing.isEmpty ? "Alle sessies bestonden al." : "\(missing.count) sessies aangemaakt. Gaat een sessie niet door, bijvoorbeeld in een vakantie? Open haar en kies ‘Gaat niet door’.")
        return .seeOther(access.paths.activity(try activity.requireID()).path + "#sessies")
    }

    func add(req: Request) async throws -> Response {
        let (access, activity) = try await recording(req)
        guard let date = IsoDate((try req.form(NewSessionForm.self).date ?? "").trimmingWhitespace()) else {
            throw UserProblem(status: .unprocessableEntity, title: "Controleer de datum", message: "Vul een bestaande datum in, met dag, maand en jaar, zoals 2 3 2026. Er is geen sessie toegevoegd.")
        }
        let book = access.book(req.db)
        let exists = try await book.hasSession(of: activity.requireID(), on: date)
        if !exists {
            try await book.addSessions(of: activity.requireID(), on: [date])
        }
        try await req.flash(exists ? "Op \(date.label) is al een sessie." : "Sessie op \(date.label) toegevoegd.")
        return .seeOther(access.paths.activity(try activity.requireID()).path + "#sessies")
    }

    // MARK: one session

    struct LevelHelp: Encodable { let level: String; let text: String }
    struct CountField: Encodable { let id: String; let name: String; let label: String; let value: String }
    struct ScaleForm: Encodable {
        let key: String
        let label: String
        let mode: ChoiceField
        let score: ChoiceField
        let counts: [CountField]
        let countsError: String?
        let help: [LevelHelp]
    }
    struct Page: Encodable {
        let layout: Layout
        let back: String
        let activity: String
        let dateLabel: String
        let action: String
        let version: Int
        let date: FormField
        let cancelled: Bool
        let pupils: FormField
        let wentWell: FormField
        let improve: FormField
        let incident: ChoiceField
        let incidentText: FormField
        let scales: [ScaleForm]
        let hasErrors: Bool
        let errorSummary: [FormState.SummaryItem]
    }

    func edit(req: Request) async throws -> Response {
        let (access, activity) = try await recording(req)
        let session = try await find(req, access, activity)
        var form = SessionForm()
        (form.date, form.cancelled, form.pupils) = (session.date, session.cancelled ? "ja" : "", session.pupils.map(String.init) ?? "")
        (form.wentWell, form.improve) = (session.wentWell, session.improve)
        (form.incident, form.incidentText) = (session.incident ? "ja" : "nee", session.incidentText)
        var values: [String: String] = [:]
        for scale in LeuvenScale.allCases {
            switch session.observation(scale) {
            case .group(let score)?:
                values["\(scale.rawValue)-mode"] = "groep"
                values["\(scale.rawValue)-score"] = LeuvenScale.level(of: score)
            case .counts(let counts)?:
                values["\(scale.rawValue)-mode"] = "aantallen"
                for (i, n) in counts.enumerated() where n > 0 { values["\(scale.rawValue)-n\(i)"] = String(n) }
            case nil:
                values["\(scale.rawValue)-mode"] = "geen"
            }
        }
        form.observations = values
        return try await render(req, access, activity, session, FormState(form))
    }

    func save(req: Request) async throws -> Response {
        let (access, activity) = try await recording(req)
        let session = try await find(req, access, activity)
        let edit = try req.form(Edit<SessionForm>.self)
        var errors = FieldErrors()
        guard let input = SessionInput.validate(edit.form, into: &errors) else {
            return try await render(req, access, activity, session, FormState(edit.form, errors: errors), status: .unprocessableEntity)
        }
        guard let version = edit.version else { throw Abort(.badRequest) }
        let book = access.book(req.db)
        if input.date.iso != session.date, try await book.hasSession(of: activity.requireID(), on: input.date) {
            errors.add(SessionForm.CodingKeys.date, .sessionExists)
            return try await render(req, access, activity, session, FormState(edit.form, errors: errors), status: .unprocessableEntity)
        }
        // A changed or new incident is open again until the projectleider handles it.
        let incidentChanged = input.incident && (!session.incident || input.incidentText != session.incidentText)
        var columns: [(String, any Encodable & Sendable)] = [
            ("date", input.date.iso), ("cancelled", input.cancelled), ("pupils", input.pupils), ("went_well", input.wentWell),
            ("improve", input.improve), ("incident", input.incident), ("incident_text", input.incidentText),
            ("betrokkenheid", input.betrokkenheid?.stored), ("welbevinden", input.welbevinden?.stored),
            ("recorded_by_name", try req.requireUser().name),
        ]
        if incidentChanged || !input.incident {
            columns += [("incident_handled_at", Date?.none), ("incident_handled_by", String?.none)]
        }
        guard try await book.update(session: session.requireID(), from: version, set: columns, now: req.now) else { throw Abort(.conflict) }
        try await req.flash(incidentChanged ? "De sessie is opgeslagen. De projectleider ziet het incident in de lijst met incidenten." : "De sessie is opgeslagen.")
        return .seeOther(access.paths.activity(try activity.requireID()).path + "#sessies")
    }

    private func render(_ req: Request, _ access: ActivityAccess, _ activity: ActivityRecord, _ session: ActivitySessionRecord, _ state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        var form = state
        typealias F = SessionForm.CodingKeys
        let paths = access.paths.activity(try activity.requireID())
        let scales = LeuvenScale.allCases.map { scale -> ScaleForm in
            let key = scale.rawValue
            let mode = form.choice("\(key)-mode", "\(scale.label): hoe observeer je?", noun: "een manier", options: [
                ("geen", "Niet geobserveerd", nil), ("groep", "Eén score voor de groep", nil), ("aantallen", "Aantal leerlingen per niveau", nil),
            ])
            let score = form.select("\(key)-score", "Score voor de groep", noun: "een score", empty: "Kies…", options: LeuvenScale.levels.map { ($0, $0) })
            let countsError = form.message("\(key)-n0") ?? (0..<9).lazy.compactMap { form.message("\(key)-n\($0)") }.first
            return ScaleForm(
                key: key, label: scale.label, mode: mode, score: score,
                counts: LeuvenScale.levels.enumerated().map { i, level in
                    CountField(id: "f-\(key)-n\(i)", name: "\(key)-n\(i)", label: "Niveau \(level)", value: form.values["\(key)-n\(i)"] ?? "")
                },
                countsError: countsError, help: scale.descriptions.map { LevelHelp(level: $0.level, text: $0.text) })
        }
        return try await req.page("activiteiten/session", title: "Sessie van \(activity.name)", current: .activiteiten, status: status) { layout in
            Page(
                layout: layout, back: paths.path + "#sessies", activity: activity.name,
                dateLabel: session.isoDate?.label ?? session.date, action: paths.session(try session.requireID()).path, version: session.version,
                date: form.field(F.date, "Datum", noun: "de datum", type: "date"),
                cancelled: form.values[F.cancelled.fieldName] == "ja",
                pupils: form.field(F.pupils, "Aantal leerlingen aanwezig", noun: "het aantal leerlingen", type: "number", hint: "Alleen een aantal, geen namen.", required: false),
                wentWell: form.field(F.wentWell, "Wat ging goed?", noun: "wat goed ging", type: "textarea", required: false),
                improve: form.field(F.improve, "Wat kan de volgende keer beter?", noun: "wat beter kan", type: "textarea", required: false),
                incident: form.choice(F.incident, "Was er een incident?", noun: "of er een incident was", options: [("nee", "Nee", nil), ("ja", "Ja", nil)]),
                incidentText: form.field(F.incidentText, "Wat is er gebeurd? (alleen bij een incident)", noun: "wat er gebeurd is", type: "textarea",
                                         hint: "Beschrijf wat er gebeurde en wat er is gedaan. Noem geen namen van leerlingen.", required: false),
                scales: scales, hasErrors: !form.errors.isEmpty, errorSummary: form.summary)
        }
    }

    private func recording(_ req: Request) async throws -> (ActivityAccess, ActivityRecord) {
        let access = try await ActivityAccess.load(req)
        let activity = try await access.activity(req)
        guard access.canRecordSessions(activity) else { throw Abort(.forbidden) }
        return (access, activity)
    }

    private func find(_ req: Request, _ access: ActivityAccess, _ activity: ActivityRecord) async throws -> ActivitySessionRecord {
        guard let id = req.parameters.get("sessionID", as: UUID.self),
              let session = try await access.book(req.db).session(id, of: activity.requireID())
        else { throw Abort(.notFound) }
        return session
    }

    // MARK: incidents

    struct IncidentRow: Encodable { let date: String; let activity: String; let href: String; let blocks: [BouwbladPage.Block]; let handled: String?; let action: String? }
    struct IncidentsPage: Encodable { let layout: Layout; let open: [IncidentRow]; let handled: [IncidentRow]; let hasOpen: Bool; let hasHandled: Bool }

    func incidents(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        guard access.canSeeIncidents else { throw Abort(.forbidden) }
        let book = access.book(req.db)
        let sessions = try await book.incidents()
        let names = try await book.names(of: Set(sessions.map(\.activityID)))
        let rows = try sessions.map { s in
            IncidentRow(date: s.isoDate?.label ?? s.date, activity: names[s.activityID] ?? "", href: access.paths.activity(s.activityID).path,
                        blocks: BouwbladPage.blocks(s.incidentText),
                        handled: s.incidentHandledAt.map { "Afgehandeld door \(s.incidentHandledBy ?? "onbekend") op \(DutchDate.dayMonthYear($0))." },
                        action: s.incidentHandledAt == nil ? access.paths.handled(try s.requireID()).path : nil)
        }
        let open = rows.filter { $0.handled == nil }, handled = rows.filter { $0.handled != nil }
        return try await req.page("activiteiten/incidents", title: "Incidenten", current: .incidenten) { layout in
            IncidentsPage(layout: layout, open: open, handled: handled,
                                     hasOpen: !open.isEmpty, hasHandled: !handled.isEmpty)
        }
    }

    func handle(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        guard access.canSeeIncidents else { throw Abort(.forbidden) }
        guard let id = req.parameters.get("sessionID", as: UUID.self),
              let session = try await access.book(req.db).incident(id)
        else { throw Abort(.notFound) }
        if session.incidentHandledAt == nil {
            guard try await access.book(req.db).update(session: id, from: session.version,
                                                       set: [("incident_handled_at", req.now), ("incident_handled_by", try req.requireUser().name)], now: req.now)
            else { throw Abort(.conflict) }
        }
        try await req.flash("Het incident staat nu bij ‘afgehandeld’.")
        return .seeOther(access.paths.incidents.path)
    }
}

/// A session added by hand.
struct NewSessionForm: Codable {
    enum CodingKeys: String, CodingKey, FieldName { case date }
    var date: String?
}
