import Domain
import Fluent
import Vapor

/// `/activiteiten/instellingen`: how long a VOG counts, the coverage rule, and the
/// coalition's own domains beside cultuur, sport, cognitief and ontdekken.
struct ActivitySettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let settings = Paths.coalition(.param).activiteiten.settings
        routes.get(settings, use: show)
        routes.post(settings, use: save)
    }

    func show(req: Request) async throws -> Response {
        let access = try await ActivityAccess.managing(req)
        let s = access.settings
        return try await render(req, access, FormState(ActivitySettingsForm(
            vogYears: String(s.vogYears), minimum: String(s.minimumPerCell), domains: s.extraDomains)))
    }

    func save(req: Request) async throws -> Response {
        let access = try await ActivityAccess.managing(req)
        let edit = try req.form(Edit<ActivitySettingsForm>.self)
        var errors = FieldErrors()
        guard let input = ActivitySettingsInput.validate(edit.form, into: &errors) else {
            return try await render(req, access, FormState(edit.form, errors: errors), status: .unprocessableEntity)
        }
        let settings = access.settings
        if let id = settings.id {
            guard let version = edit.version else { throw Abort(.badRequest) }
            guard try await access.book(req.db).update(settings: id, from: version, input, now: req.now) else { throw Abort(.conflict) }
        } else {
            settings.vogYears = input.vogYears
            settings.minimumPerCell = input.minimumPerCell
            settings.extraDomains = input.extraDomains.joined(separator: "\n")
            try await access.book(req.db).add(settings)
        }
        try await req.flash("De instellingen zijn opgeslagen.")
        return .seeOther(access.paths.coverage.path)
    }

    private func render(_ req: Request, _ access: ActivityAccess, _ state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        var form = state
        typealias F = ActivitySettingsForm.CodingKeys
        let items: [FormPage.Item] = [
            .init(field: form.field(F.vogYears, "Hoeveel jaar telt een VOG als geldig?", noun: "het aantal jaren", type: "number", hint: "Veel coalities houden 3 jaar aan.")),
            .init(field: form.field(F.minimum, "Minstens zoveel activiteiten per domein per locatie", noun: "het aantal activiteiten", type: "number", hint: "De afspraak voor de dekking. Meestal 1.")),
            .init(field: form.field(F.domains, "Eigen domeinen", noun: "de domeinen", type: "textarea",
                                    hint: "Cultuur, sport, cognitief en ontdekken zijn er altijd. Zet elk extra domein op een eigen regel.", required: false)),
        ]
        return try await req.page("forms/page", title: "Instellingen activiteitenboek", current: .activiteiten, status: status) { layout in
            FormPage(
                layout: layout, back: access.paths.coverage.path, backLabel: "Terug naar de dekking",
                title: "Instellingen activiteitenboek", action: access.paths.settings.path, items: items, submit: "Opslaan",
                version: access.settings.id == nil ? 0 : access.settings.version, form: form)
        }
    }

}
