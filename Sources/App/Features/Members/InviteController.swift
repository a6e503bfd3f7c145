import Domain
import Fluent
import Vapor

/// The projectleider invites someone: a one-time link, mailed to them (through the outbox,
/// in the same transaction) and shown once to copy. Only its hash is stored.
struct InviteController: RouteCollection {
    static let validity: TimeInterval = 7 * 24 * 3600

    func boot(routes: any RoutesBuilder) throws {
        let invite = Paths.coalition(.param).invite
        routes.get(invite, use: show)
        routes.post(invite, use: submit)
    }

    struct Option: Encodable { let id: String; let value: String; let label: String; let selected: Bool }
    struct Page: Encodable {
        let layout: Layout
        let name: FormField
        let email: FormField
        let role: ChoiceField
        let locations: [Option]
        let hasLocations: Bool
        let locationsError: String?
        let partners: [Option]
        let hasPartners: Bool
        let partnerError: String?
        let hasErrors: Bool
        let errorSummary: [FormState.SummaryItem]
    }

    struct Created: Encodable { let layout: Layout; let name: String; let email: String; let mailed: Bool; let link: String; let validUntil: String }

    func show(req: Request) async throws -> Response {
        _ = try req.require(\.canManageMembers)
        return try await render(req, FormState(InvitationForm(role: Role.coordinator.rawValue)), chosenLocations: [])
    }

    func submit(req: Request) async throws -> Response {
        let tenant = try req.require(\.canManageMembers)
        let form = try req.form(InvitationForm.self)
        typealias F = InvitationForm.CodingKeys
        let chosenLocations = form.locations ?? []
        var errors = FieldErrors()
        let input = InvitationInput.validate(form, into: &errors)
        let options = try await Assignable.load(req, tenant)
        let locationIDs = chosenLocations.compactMap { UUID(uuidString: $0) }.filter { options.locations[$0] != nil }
        let partnerID = form.partner.flatMap { UUID(uuidString: $0) }.flatMap { options.partners[$0] == nil ? nil : $0 }
        if input?.role == .coordinator, !options.locations.isEmpty, locationIDs.isEmpty { errors.add(F.locations, .required) }
        if input?.role == .partner, !options.partners.isEmpty, partnerID == nil { errors.add(F.partner, .required) }
        guard let input, errors.isEmpty else {
            return try await render(req, FormState(form, errors: errors), chosenLocations: chosenLocations, status: .unprocessableEntity)
        }
        let token = Tokens.random()
        let now = req.now
        let expiresAt = now.addingTimeInterval(Self.validity)
        let link = req.absoluteURL(Paths.invitation(token).path)
        let inviter = try req.requireUser()
        let mail = Mails.invitation(to: input.email, name: input.name, coalition: tenant.coalition.name, role: input.role,
                                    invitedBy: inviter.name, link: link, validUntil: expiresAt)
        let refusal = try await MembersStore(tenant, on: req.db).invite(.init(
            name: input.name, email: input.email, role: input.role, partnerID: partnerID, locationIDs: locationIDs,
            tokenHash: Tokens.sha256(token), expiresAt: expiresAt, invitedBy: try inviter.requireID(), mail: mail), now: now)
        if let refusal {
            errors.add(F.email, refusal)
            return try await render(req, FormState(form, errors: errors), chosenLocations: chosenLocations, status: .unprocessableEntity)
        }
        // Shown in this response only; a reload asks the browser to send the form again,
        // which is refused as a duplicate, so the link is never shown twice.
        return try await req.page("members/invited", title: "Uitnodiging gemaakt", current: .leden, status: .created) { layout in
            Created(
                layout: layout,
                name: input.name, email: input.email, mailed: req.application.appConfig.smtp != nil,
                link: link, validUntil: DutchDate.dayMonthYear(expiresAt))
        }
    }

    private func render(_ req: Request, _ form: FormState, chosenLocations: [String], status: HTTPStatus = .ok) async throws -> Response {
        let tenant = try req.tenant
        var form = form
        typealias F = InvitationForm.CodingKeys
        let options = try await Assignable.load(req, tenant)
        let name = form.field(F.name, "Naam", noun: "de naam", autocomplete: "off")
        let email = form.field(F.email, "E-mailadres", noun: "het e-mailadres", type: "email", autocomplete: "off", hint: "Hiermee logt deze persoon straks in.")
        let role = form.choice(F.role, "Rol", noun: "een rol", options: Role.allCases.map { ($0.rawValue, Messages.roleLabel($0), Messages.roleHelp($0)) })
        let locationsError = form.errors[F.locations].map { _ in "Kies minstens één schoollocatie voor een coördinator." }
        let partnerError = form.errors[F.partner].map { _ in "Kies de partnerorganisatie van deze persoon." }
        return try await req.page("members/invite", title: "Iemand uitnodigen", current: .leden, status: status) { layout in
            Page(
                layout: layout,
                name: name, email: email, role: role,
                locations: options.sortedLocations.map { Option(id: "loc-\($0.0)", value: $0.0.uuidString, label: $0.1, selected: chosenLocations.contains($0.0.uuidString)) },
                hasLocations: !options.locations.isEmpty, locationsError: locationsError,
                partners: options.sortedPartners.map { Option(id: "par-\($0.0)", value: $0.0.uuidString, label: $0.1, selected: form.values[F.partner.fieldName] == $0.0.uuidString) },
                hasPartners: !options.partners.isEmpty, partnerError: partnerError,
                hasErrors: !form.errors.isEmpty,
                errorSummary: form.summary.map { item in
                    item.href == "#f-locations" ? .init(href: "#f-locations", message: locationsError ?? item.message)
                        : item.href == "#f-partner" ? .init(href: "#f-partner", message: partnerError ?? item.message) : item
                })
        }
    }
}

/// The locations and partner organisations a new member can be linked to.
struct Assignable {
    let locations: [UUID: String]
    let partners: [UUID: String]

    var sortedLocations: [(UUID, String)] { locations.sorted { $0.value < $1.value }.map { ($0.key, $0.value) } }
    var sortedPartners: [(UUID, String)] { partners.sorted { $0.value < $1.value }.map { ($0.key, $0.value) } }

    static func load(_ req: Request, _ tenant: Tenant) async throws -> Assignable {
        let store = MembersStore(tenant, on: req.db)
        return Assignable(locations: try await store.locationNames(), partners: try await store.partnerNames())
    }
}

extension Request {
    /// An address for links that leave the browser (invitations): BASE_URL when set.
    func absoluteURL(_ path: String) -> String {
        if application.appConfig.baseURL != nil { return application.absoluteURL(path) }
        let host = headers.first(name: .host) ?? "\(application.appConfig.hostname):\(application.appConfig.port)"
        return "http://\(host)\(path)"
    }
}
