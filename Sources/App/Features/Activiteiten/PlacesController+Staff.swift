import Domain
import Fluent
import Vapor

/// The staff of a partner organisation who work with children, and their VOG.
extension PlacesController {
    struct StaffRow: Encodable { let name: String; let role: String; let vog: String; let vogOK: Bool; let href: String? }
    struct PartnerPage: Encodable {
        let layout: Layout
        let name: String
        let kind: String
        let wijk: String?
        let contact: String
        let email: String?
        let staff: [StaffRow]
        let hasStaff: Bool
        let canManage: Bool
        let editHref: String
        let canEditStaff: Bool
        let action: String
        let fields: [FormField]
        let hasErrors: Bool
        let errorSummary: [FormState.SummaryItem]
        let vogYears: Int
    }

    func showPartner(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        let partner = try await findPartner(req, access)
        return try await partnerPage(req, access, partner, FormState())
    }

    func partnerPage(_ req: Request, _ access: ActivityAccess, _ partner: PartnerRecord, _ state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        var form = state
        let staff = try await access.places(req.db).staff(of: partner.requireID())
        let today = req.today
        let paths = Paths.coalition(access.slug).partner(try partner.requireID())
        let canEdit = access.canEditStaff(of: try partner.requireID())
        typealias F = StaffForm.CodingKeys
        let fields = [
            form.field(F.name, "Naam", noun: "de naam", autocomplete: "off"),
            form.field(F.role, "Rol", noun: "de rol", hint: "Bijvoorbeeld: trainer, docent, vrijwilliger", required: false),
            form.field(F.vogDate, "Datum van de VOG", noun: "de datum van de VOG", type: "date", hint: "De datum die op de Verklaring Omtrent het Gedrag staat. Leeg als er nog geen VOG is.", required: false),
        ]
        return try await req.page("activiteiten/partner", title: partner.name, current: .locaties, status: status) { layout in
            PartnerPage(
                layout: layout, name: partner.name,
                kind: PartnerInput.kindLabel(partner.kind), wijk: partner.wijk.nilIfEmpty, contact: partner.contactName.ifEmpty("—"), email: partner.contactEmail.isEmpty ? nil : partner.contactEmail,
                staff: try staff.map { s in
                    let vog = s.vog(validityYears: access.settings.vogYears, today: today)
                    return StaffRow(name: s.name, role: s.role.ifEmpty("—"), vog: vog.label, vogOK: vog.isValid, href: canEdit ? paths.staff(try s.requireID()).path : nil)
                },
                hasStaff: !staff.isEmpty, canManage: access.canManagePlaces, editHref: paths.edit.path, canEditStaff: canEdit, action: paths.staff.path,
                fields: fields, hasErrors: !form.errors.isEmpty, errorSummary: form.summary, vogYears: access.settings.vogYears)
        }
    }

    func addStaff(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        let partner = try await findPartner(req, access)
        guard access.canEditStaff(of: try partner.requireID()) else { throw Abort(.forbidden) }
        let form = try req.form(StaffForm.self)
        var errors = FieldErrors()
        guard let input = StaffInput.validate(form, today: req.today, into: &errors) else {
            return try await partnerPage(req, access, partner, FormState(form, errors: errors), status: .unprocessableEntity)
        }
        let staff = StaffRecord()
        staff.partnerID = try partner.requireID()
        staff.name = input.name
        staff.role = input.role
        staff.vogDate = input.vogDate?.iso
        staff.version = 1
        try await access.places(req.db).add(staff)
        try await req.flash("\(input.name) is toegevoegd.")
        return .seeOther(Paths.coalition(access.slug).partner(try partner.requireID()).path)
    }

    func editStaff(req: Request) async throws -> Response {
        let (access, partner, staff) = try await findStaff(req)
        return try await staffForm(req, access, partner, staff, FormState(StaffForm(name: staff.name, role: staff.role, vogDate: staff.vogDate ?? "")))
    }

    func updateStaff(req: Request) async throws -> Response {
        let (access, partner, staff) = try await findStaff(req)
        let edit = try req.form(Edit<StaffForm>.self)
        var errors = FieldErrors()
        guard let input = StaffInput.validate(edit.form, today: req.today, into: &errors) else {
            return try await staffForm(req, access, partner, staff, FormState(edit.form, errors: errors), status: .unprocessableEntity)
        }
        guard let version = edit.version else { throw Abort(.badRequest) }
        guard try await access.places(req.db).update(staff: staff.requireID(), from: version, input, now: req.now) else { throw Abort(.conflict) }
        try await req.flash("De gegevens van \(input.name) zijn opgeslagen.")
        return .seeOther(Paths.coalition(access.slug).partner(try partner.requireID()).path)
    }

    func deleteStaff(req: Request) async throws -> Response {
        let (access, partner, staff) = try await findStaff(req)
        try await access.places(req.db).delete(staff)
        try await req.flash("\(staff.name) is verwijderd, ook uit de activiteiten.")
        return .seeOther(Paths.coalition(access.slug).partner(try partner.requireID()).path)
    }

    func staffForm(_ req: Request, _ access: ActivityAccess, _ partner: PartnerRecord, _ staff: StaffRecord, _ state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        var form = state
        let paths = Paths.coalition(access.slug).partner(try partner.requireID())
        typealias F = StaffForm.CodingKeys
        let items: [FormPage.Item] = [
            .init(field: form.field(F.name, "Naam", noun: "de naam", autocomplete: "off")),
            .init(field: form.field(F.role, "Rol", noun: "de rol", required: false)),
            .init(field: form.field(F.vogDate, "Datum van de VOG", noun: "de datum van de VOG", type: "date", hint: "Leeg als er nog geen VOG is.", required: false)),
        ]
        let item = paths.staff(try staff.requireID())
        return try await req.page("activiteiten/staff", title: "Medewerker wijzigen", current: .locaties, status: status) { layout in
            StaffPage(
                layout: layout, form: FormPage(layout: layout, back: paths.path, backLabel: "Terug naar \(partner.name)",
                               title: "Medewerker wijzigen", action: item.path, items: items, submit: "Opslaan", version: staff.version, form: form),
                deleteAction: item.delete.path, name: staff.name)
        }
    }

    /// The layout sits at the top as on every page (inside `form` only, the page had no title).
    struct StaffPage: Encodable { let layout: Layout; let form: FormPage; let deleteAction: String; let name: String }

    func findStaff(_ req: Request) async throws -> (ActivityAccess, PartnerRecord, StaffRecord) {
        let access = try await ActivityAccess.load(req)
        let partner = try await findPartner(req, access)
        guard access.canEditStaff(of: try partner.requireID()) else { throw Abort(.forbidden) }
        guard let id = req.parameters.get("staffID", as: UUID.self),
              let staff = try await access.places(req.db).staffMember(id, of: partner.requireID())
        else { throw Abort(.notFound) }
        return (access, partner, staff)
    }
}
