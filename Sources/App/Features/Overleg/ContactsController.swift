import Domain
import Fluent
import Vapor

/// `/c/{slug}/netwerk/contactpersonen`: the people the coalition works with at its
/// organisations. Someone who starts elsewhere, in another function or for another wijk,
/// makes an "overstap": the old role ends that day and stays in their history, so the
/// network does not lose them when they change jobs. The projectleider and coordinators keep
/// the list.
struct ContactsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let netwerk = Paths.coalition(.param).netwerk
        routes.get(netwerk.newContact, use: new)
        routes.post(netwerk.newContact, use: create)
        routes.get(netwerk.contact(.param).address, use: edit)
        routes.post(netwerk.contact(.param).address, use: save)
        routes.get(netwerk.contact(.param).move, use: moveForm)
        routes.post(netwerk.contact(.param).move, use: move)
        routes.post(netwerk.contact(.param).delete, use: delete)
    }

    /// What the forms choose from: the organisations, the members' accounts, the wijken.
    struct Choices {
        let organisations: [(id: UUID, name: String)]
        let accounts: [(id: UUID, name: String)]
        let wijken: [String]

        static func load(_ req: Request, _ tenant: Tenant) async throws -> Choices {
            let partners = try await PlacesStore(tenant, on: req.db).partners()
            let members = try await MembersStore(tenant, on: req.db).memberships()
            var seen = Set<String>()
            return Choices(organisations: try await OverlegController.organisations(req, tenant),
                           accounts: members.compactMap { m in m.id.map { ($0, m.user.name) } }.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending },
                           wijken: partners.map(\.wijk).filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
                            .sorted { $0.localizedStandardCompare($1) == .orderedAscending })
        }
    }

    static func back(_ tenant: Tenant) -> String { Paths.coalition(tenant.coalition.slug).netwerk.path + "#contactpersonen" }

    // MARK: a new contact person

    func new(req: Request) async throws -> Response {
        let tenant = try req.require(\.keepsPlans)
        return try await personPage(req, tenant, nil, FormState(ContactForm(from: req.today.iso)))
    }

    func create(req: Request) async throws -> Response {
        let tenant = try req.require(\.keepsPlans)
        let form = try req.form(ContactForm.self)
        let choices = try await Choices.load(req, tenant)
        var errors = FieldErrors()
        let input = ContactInput.validate(form, accounts: Set(choices.accounts.map(\.id)), into: &errors)
        let role = ContactRoleInput.validate(form, organisations: Set(choices.organisations.map(\.id)), today: req.today, into: &errors)
        guard let input, let role, errors.isEmpty else {
            return try await personPage(req, tenant, nil, FormState(form, errors: errors), status: .unprocessableEntity)
        }
        try await ContactsStore(tenant, on: req.db).add(input, role: role)
        try await req.flash("\(input.name) staat bij de contactpersonen.")
        return .seeOther(Self.back(tenant))
    }

    // MARK: changing a person

    static func contact(_ req: Request, _ tenant: Tenant) async throws -> ContactRecord {
        guard let id = req.parameters.get("contactID", as: UUID.self), let found = try await ContactsStore(tenant, on: req.db).contact(id) else { throw Abort(.notFound) }
        return found
    }

    func edit(req: Request) async throws -> Response {
        let tenant = try req.require(\.keepsPlans)
        let contact = try await Self.contact(req, tenant)
        let form = ContactForm(name: contact.name, email: contact.email, phone: contact.phone, account: contact.membershipID?.uuidString)
        return try await personPage(req, tenant, contact, FormState(form), version: contact.version)
    }

    func save(req: Request) async throws -> Response {
        let tenant = try req.require(\.keepsPlans)
        let contact = try await Self.contact(req, tenant)
        let body = try req.form(Edit<ContactForm>.self)
        let choices = try await Choices.load(req, tenant)
        var errors = FieldErrors()
        guard let input = ContactInput.validate(body.form, accounts: Set(choices.accounts.map(\.id)), into: &errors) else {
            return try await personPage(req, tenant, contact, FormState(body.form, errors: errors), version: body.version ?? contact.version, status: .unprocessableEntity)
        }
        guard let version = body.version else { throw Abort(.badRequest) }
        guard try await ContactsStore(tenant, on: req.db).update(try contact.requireID(), from: version, input, now: req.now) else {
            return try await personPage(req, tenant, contact, FormState(body.form), version: contact.version, status: .conflict,
                                        lead: "Iemand anders heeft deze contactpersoon intussen opgeslagen. Wat jij typte staat hieronder; kijk het na en sla opnieuw op.")
        }
        try await req.flash("\(input.name) is opgeslagen.")
        return .seeOther(Self.back(tenant))
    }

    func delete(req: Request) async throws -> Response {
        let tenant = try req.require(\.keepsPlans)
        let contact = try await Self.contact(req, tenant)
        try await ContactsStore(tenant, on: req.db).delete(contact: try contact.requireID())
        try await req.flash("\(contact.name) is verwijderd, met de geschiedenis.")
        return .seeOther(Self.back(tenant))
    }

    /// The form of a person: for a new one with where they work; for an existing one their
    /// history above it, and the way to an overstap.
    func personPage(_ req: Request, _ tenant: Tenant, _ contact: ContactRecord?, _ state: FormState, version: Int? = nil,
                    status: HTTPStatus = .ok, lead: String? = nil) async throws -> Response {
        var form = state
        typealias F = ContactForm.CodingKeys
        let choices = try await Choices.load(req, tenant)
        let netwerk = Paths.coalition(tenant.coalition.slug).netwerk
        var items: [FormPage.Item] = [
            .init(field: form.field(F.name, "Naam", noun: "de naam", autocomplete: "off")),
            .init(field: form.field(F.email, "E-mailadres (mag leeg)", noun: "het e-mailadres", type: "email", autocomplete: "off", required: false)),
            .init(field: form.field(F.phone, "Telefoon (mag leeg)", noun: "het telefoonnummer", type: "tel", autocomplete: "off", required: false)),
        ]
        if !choices.accounts.isEmpty {
            items.append(.init(select: form.select(F.account, "Account in Bouwstenen (mag leeg)", noun: "het account", empty: "Geen account",
                                                   options: choices.accounts.map { (value: $0.id.uuidString, label: $0.name) })))
        }
        if contact == nil { items += roleItems(&form, choices, heading: "Waar werkt deze persoon?") } else { items.insert(.init(heading: "Gegevens"), at: 0) }
        var table: FormPage.Table?
        if let contact {
            table = try await history(req, tenant, try contact.requireID(), choices)
            table?.link = FormPage.Link(href: netwerk.contact(try contact.requireID()).move.path, label: "Overstap vastleggen: andere organisatie, functie of wijk")
        }
        let title = contact == nil ? "Contactpersoon toevoegen" : contact!.name
        let action = try contact.map { netwerk.contact(try $0.requireID()).path } ?? netwerk.newContact.path
        let danger = try contact.map { FormPage.Danger(action: netwerk.contact(try $0.requireID()).delete.path, label: "Contactpersoon verwijderen") }
        let defaultLead = contact == nil
            ? "Een contactpersoon is iemand van een organisatie met wie jullie samenwerken. Het is geen account; je kunt wel een account koppelen."
            : "Werkt deze persoon nu ergens anders, of in een andere functie? Leg dan een overstap vast: de geschiedenis blijft bewaard."
        return try await req.page("forms/page", title: title, current: .overleg, status: status) { layout in
            FormPage(layout: layout, back: Self.back(tenant), backLabel: "Terug naar het netwerk", title: title, lead: lead ?? defaultLead,
                     action: action, items: items, submit: "Opslaan", version: version, form: form, danger: danger, table: table)
        }
    }

    func roleItems(_ form: inout FormState, _ choices: Choices, heading: String) -> [FormPage.Item] {
        typealias F = ContactForm.CodingKeys
        let known = choices.wijken.isEmpty ? "" : " Wijken van jullie organisaties: \(choices.wijken.joined(separator: ", "))."
        return [
            .init(heading: heading),
            .init(select: form.select(F.organisation, "Organisatie", noun: "de organisatie", empty: "Kies…",
                                      options: choices.organisations.map { (value: $0.id.uuidString, label: $0.name) })),
            .init(field: form.field(F.function, "Functie (mag leeg)", noun: "de functie", hint: "Bijvoorbeeld ‘jongerenwerker’ of ‘beleidsmedewerker onderwijs’.", required: false)),
            .init(field: form.field(F.wijk, "Vaste contactpersoon voor wijk of kern (mag leeg)", noun: "de wijk",
                                    hint: "Leeg als deze persoon geen vaste contactpersoon voor een wijk is." + known, required: false)),
            .init(field: form.field(F.from, "Vanaf", noun: "de datum vanaf", type: "date")),
        ]
    }

    /// Where the person worked, newest first.
    func history(_ req: Request, _ tenant: Tenant, _ id: UUID, _ choices: Choices) async throws -> FormPage.Table {
        let names = Dictionary(uniqueKeysWithValues: choices.organisations.map { ($0.id, $0.name) })
        let roles = try await ContactsStore(tenant, on: req.db).roles(of: id).reversed()
        return FormPage.Table(title: "Waar deze persoon werkt en werkte", columns: ["Organisatie", "Functie", "Vaste contactpersoon voor", "Periode"], rows: roles.map { r in
            FormPage.Table.Row(cells: [names[r.organisationID] ?? "Onbekende organisatie", r.function.isEmpty ? "—" : r.function, r.wijk.isEmpty ? "—" : r.wijk,
                                       r.until.map { "\(r.from?.label ?? r.fromDay) tot \($0.label)" } ?? "Vanaf \(r.from?.label ?? r.fromDay)"])
        })
    }

    // MARK: an overstap

    func moveForm(req: Request) async throws -> Response {
        let tenant = try req.require(\.keepsPlans)
        let contact = try await Self.contact(req, tenant)
        return try await movePage(req, tenant, contact, FormState(ContactForm(from: req.today.iso)), version: contact.version)
    }

    func move(req: Request) async throws -> Response {
        let tenant = try req.require(\.keepsPlans)
        let contact = try await Self.contact(req, tenant)
        let body = try req.form(Edit<ContactForm>.self)
        let choices = try await Choices.load(req, tenant)
        let current = try await ContactsStore(tenant, on: req.db).roles(of: try contact.requireID()).last { $0.untilDay == nil }
        var errors = FieldErrors()
        guard let role = ContactRoleInput.validate(body.form, organisations: Set(choices.organisations.map(\.id)), today: req.today,
                                                   after: current?.from, into: &errors) else {
            return try await movePage(req, tenant, contact, FormState(body.form, errors: errors), version: body.version ?? contact.version, status: .unprocessableEntity)
        }
        guard let version = body.version else { throw Abort(.badRequest) }
        guard try await ContactsStore(tenant, on: req.db).move(try contact.requireID(), from: version, to: role, now: req.now) else {
            return try await movePage(req, tenant, contact, FormState(body.form), version: contact.version, status: .conflict,
                                      lead: "Iemand anders heeft deze contactpersoon intussen veranderd. Wat jij koos staat hieronder; kijk het na en sla opnieuw op.")
        }
        try await req.flash("De overstap van \(contact.name) is vastgelegd.")
        return .seeOther(Self.back(tenant))
    }

    func movePage(_ req: Request, _ tenant: Tenant, _ contact: ContactRecord, _ state: FormState, version: Int, status: HTTPStatus = .ok, lead: String? = nil) async throws -> Response {
        var form = state
        let choices = try await Choices.load(req, tenant)
        let id = try contact.requireID()
        let items = roleItems(&form, choices, heading: "Waar werkt \(contact.name) nu?")
        let table = try await history(req, tenant, id, choices)
        let title = "Overstap van \(contact.name)"
        return try await req.page("forms/page", title: title, current: .overleg, status: status) { layout in
            FormPage(layout: layout, back: Paths.coalition(tenant.coalition.slug).netwerk.contact(id).path, backLabel: "Terug naar \(contact.name)", title: title,
                     lead: lead ?? "Andere organisatie, andere functie of een andere wijk: vanaf de datum die je kiest. Wat de persoon hiervoor deed, blijft in de geschiedenis.",
                     action: Paths.coalition(tenant.coalition.slug).netwerk.contact(id).move.path, items: items, submit: "Overstap vastleggen", version: version,
                     form: form, table: table)
        }
    }
}
