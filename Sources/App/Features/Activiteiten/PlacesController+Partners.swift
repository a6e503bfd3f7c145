import Domain
import Fluent
import Vapor

/// The partner organisations of `/c/{slug}/locaties`.
extension PlacesController {
    func newPartner(req: Request) async throws -> Response {
        let access = try await ActivityAccess.managing(req)
        return try await partnerForm(req, access, partner: nil, FormState())
    }

    func createPartner(req: Request) async throws -> Response {
        let access = try await ActivityAccess.managing(req)
        let form = try req.form(PartnerForm.self)
        var errors = FieldErrors()
        guard let input = PartnerInput.validate(form, into: &errors) else {
            return try await partnerForm(req, access, partner: nil, FormState(form, errors: errors), status: .unprocessableEntity)
        }
        let partner = PartnerRecord(coalitionID: access.tenant.coalitionID, name: input.name, kind: input.kind, wijk: input.wijk, contactName: input.contactName, contactEmail: input.contactEmail)
        try await access.places(req.db).add(partner)
        try await req.flash("De partner \(input.name) is toegevoegd. Voeg nu de medewerkers toe die met kinderen werken.")
        return .seeOther(Paths.coalition(access.slug).partner(try partner.requireID()).path)
    }

    func editPartner(req: Request) async throws -> Response {
        let access = try await ActivityAccess.managing(req)
        let partner = try await findPartner(req, access)
        return try await partnerForm(req, access, partner: partner, FormState(PartnerForm(
            name: partner.name, kind: partner.kind, wijk: partner.wijk, contactName: partner.contactName, contactEmail: partner.contactEmail)))
    }

    func updatePartner(req: Request) async throws -> Response {
        let access = try await ActivityAccess.managing(req)
        let partner = try await findPartner(req, access)
        let edit = try req.form(Edit<PartnerForm>.self)
        var errors = FieldErrors()
        guard let input = PartnerInput.validate(edit.form, into: &errors) else {
            return try await partnerForm(req, access, partner: partner, FormState(edit.form, errors: errors), status: .unprocessableEntity)
        }
        guard let version = edit.version else { throw Abort(.badRequest) }
        guard try await access.places(req.db).update(partner: partner.requireID(), from: version, input, now: req.now) else { throw Abort(.conflict) }
        try await req.flash("De partner \(input.name) is opgeslagen.")
        return .seeOther(Paths.coalition(access.slug).partner(try partner.requireID()).path)
    }

    func partnerForm(_ req: Request, _ access: ActivityAccess, partner: PartnerRecord?, _ state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        var form = state
        typealias F = PartnerForm.CodingKeys
        let items: [FormPage.Item] = [
            .init(field: form.field(F.name, "Naam van de organisatie", noun: "de naam van de organisatie")),
            .init(select: form.select(F.kind, "Soort organisatie", noun: "een soort organisatie", empty: "Kies…", options: PartnerInput.kinds)),
            .init(field: form.field(F.wijk, "Wijk of kern (mag leeg)", noun: "de wijk", hint: "Waar de organisatie werkt, bijvoorbeeld ‘Noord’. Leeg als het de hele gemeente is.", required: false)),
            .init(field: form.field(F.contactName, "Contactpersoon", noun: "de contactpersoon", autocomplete: "off", required: false)),
            .init(field: form.field(F.contactEmail, "E-mailadres van de contactpersoon", noun: "het e-mailadres", type: "email", autocomplete: "off", required: false)),
        ]
        let coalition = Paths.coalition(access.slug)
        return try await req.page("forms/page", title: partner == nil ? "Partner toevoegen" : "Partner wijzigen", current: .locaties, status: status) { layout in
            FormPage(
                layout: layout,
                back: try partner.map { coalition.partner(try $0.requireID()).path } ?? coalition.locaties.path, backLabel: partner == nil ? "Terug naar locaties en partners" : "Terug naar de partner",
                title: partner == nil ? "Partner toevoegen" : "Partner wijzigen", action: try partner.map { coalition.partner(try $0.requireID()).edit.path } ?? coalition.newPartner.path,
                items: items, submit: "Opslaan", version: partner?.version, form: form)
        }
    }

    func findPartner(_ req: Request, _ access: ActivityAccess) async throws -> PartnerRecord {
        guard let id = req.parameters.get("partnerID", as: UUID.self),
              let partner = try await access.places(req.db).partner(id)
        else { throw Abort(.notFound) }
        guard access.maySee(partner: id) else { throw Abort(.notFound) }
        return partner
    }
}
