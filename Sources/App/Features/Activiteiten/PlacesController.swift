import Domain
import Fluent
import Vapor

/// `/c/{slug}/locaties`: the school locations with their coordinators, and the partner
/// organisations with the staff who work with children and their VOG.
struct PlacesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let coalition = Paths.coalition(.param), partner = coalition.partner(.param)
        routes.get(coalition.locaties, use: list)
        let managing = routes.access(.projectleider)
        managing.get(coalition.newLocation, use: newLocation)
        managing.post(coalition.newLocation, use: createLocation)
        managing.get(coalition.location(.param), use: editLocation)
        managing.post(coalition.location(.param), use: updateLocation)
        managing.get(coalition.newPartner, use: newPartner)
        managing.post(coalition.newPartner, use: createPartner)
        routes.get(partner.address, use: showPartner)
        managing.get(partner.edit, use: editPartner)
        managing.post(partner.edit, use: updatePartner)
        routes.post(partner.staff, use: addStaff)
        routes.access(.bewerker).get(partner.staff(.param).address, use: editStaff)
        routes.post(partner.staff(.param).address, use: updateStaff)
        routes.post(partner.staff(.param).delete, use: deleteStaff)
    }

    // MARK: list

    struct LocationRow: Encodable { let name: String; let school: String; let address: String; let groups: String; let coordinators: String; let href: String? }
    struct PartnerRow: Encodable { let name: String; let kind: String; let wijk: String; let contact: String; let staff: Int; let vogProblems: Int; let href: String? }
    struct ListPage: Encodable {
        let layout: Layout
        let locations: [LocationRow]
        let partners: [PartnerRow]
        let hasLocations: Bool
        let hasPartners: Bool
        let canManage: Bool
        let vogYears: Int
    }

    func list(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        let places = access.places(req.db)
        let locations = try await places.locations()
        let partners = try await places.partners()
        let staff = try await places.staff()
        let coordinators = try await places.coordinators()
        let today = req.today
        let coalition = Paths.coalition(access.slug)
        return try await req.page("activiteiten/places", title: "Locaties en partners", current: .locaties) { layout in
            ListPage(
                layout: layout,
                locations: try locations.map { l in
                    LocationRow(name: l.name, school: l.school, address: l.address, groups: YearGroups(l.yearGroups.split(separator: ",").compactMap { Int($0) })?.label ?? "—",
                                coordinators: (coordinators.byLocation[(try l.requireID())] ?? []).sorted().joined(separator: ", ").ifEmpty("—"),
                                href: access.canManagePlaces ? coalition.location(try l.requireID()).path : nil)
                },
                partners: try partners.map { p in
                    let own = staff.filter { $0.partnerID == p.id }
                    return PartnerRow(name: p.name, kind: PartnerInput.kindLabel(p.kind), wijk: p.wijk.ifEmpty("Hele gemeente"), contact: p.contactName.ifEmpty("—"), staff: own.count,
                                      vogProblems: own.filter { !$0.vog(validityYears: access.settings.vogYears, today: today).isValid }.count,
                                      href: access.maySee(partner: try p.requireID()) ? coalition.partner(try p.requireID()).path : nil)
                },
                hasLocations: !locations.isEmpty, hasPartners: !partners.isEmpty, canManage: access.canManagePlaces, vogYears: access.settings.vogYears)
        }
    }

    // MARK: locations

    func newLocation(req: Request) async throws -> Response {
        let access = try await ActivityAccess.managing(req)
        return try await locationForm(req, access, location: nil, FormState(), chosen: [])
    }

    func createLocation(req: Request) async throws -> Response {
        let access = try await ActivityAccess.managing(req)
        let body = try req.form(LocationBody.self)
        var errors = FieldErrors()
        let chosen = body.chosen
        guard let input = LocationInput.validate(body.form, into: &errors) else {
            return try await locationForm(req, access, location: nil, FormState(body.form, errors: errors), chosen: chosen, status: .unprocessableEntity)
        }
        let location = LocationRecord(coalitionID: access.tenant.coalitionID, name: input.name, school: input.school, address: input.address, yearGroups: input.yearGroups?.stored ?? "")
        let coordinators = try await Self.chosen(chosen, of: access.places(req.db))
        try await req.db.transaction { db in
            try await access.places(db).add(location, coordinators: coordinators)
        }
        try await req.flash("De locatie \(input.name) is toegevoegd.")
        return .seeOther(Paths.coalition(access.slug).locaties.path)
    }

    func editLocation(req: Request) async throws -> Response {
        let access = try await ActivityAccess.managing(req)
        let location = try await findLocation(req, access)
        let chosen = try await access.places(req.db).coordinators(of: location.requireID()).map(\.uuidString)
        let form = LocationForm(name: location.name, school: location.school, address: location.address,
                                yearGroups: YearGroups(location.yearGroups.split(separator: ",").compactMap { Int($0) })?.label.replacingOccurrences(of: "groep ", with: "") ?? "")
        return try await locationForm(req, access, location: location, FormState(form), chosen: Set(chosen))
    }

    func updateLocation(req: Request) async throws -> Response {
        let access = try await ActivityAccess.managing(req)
        let location = try await findLocation(req, access)
        let body = try req.form(LocationBody.self)
        var errors = FieldErrors()
        let chosen = body.chosen
        guard let input = LocationInput.validate(body.form, into: &errors) else {
            return try await locationForm(req, access, location: location, FormState(body.form, errors: errors), chosen: chosen, status: .unprocessableEntity)
        }
        guard let version = body.version else { throw Abort(.badRequest) }
        let coordinators = try await Self.chosen(chosen, of: access.places(req.db))
        let id = try location.requireID()
        let saved = try await req.db.transaction { db -> Bool in
            try await access.places(db).update(location: id, from: version, input, coordinators: coordinators, now: req.now)
        }
        guard saved else { throw Abort(.conflict) }
        try await req.flash("De locatie \(input.name) is opgeslagen.")
        return .seeOther(Paths.coalition(access.slug).locaties.path)
    }

    /// The chosen memberships that are coordinators of this coalition; other ids are ignored.
    static func chosen(_ members: Set<String>, of places: PlacesStore) async throws -> [UUID] {
        try await places.coordinators().members.map(\.0).filter { members.contains($0.uuidString) }
    }

    func locationForm(_ req: Request, _ access: ActivityAccess, location: LocationRecord?, _ state: FormState, chosen: Set<String>, status: HTTPStatus = .ok) async throws -> Response {
        var form = state
        let coordinators = try await access.places(req.db).coordinators()
        typealias F = LocationForm.CodingKeys
        var items: [FormPage.Item] = [
            .init(field: form.field(F.name, "Naam van de locatie", noun: "de naam van de locatie")),
            .init(field: form.field(F.school, "School", noun: "de school", hint: "Bijvoorbeeld: Openbare basisschool De Regenboog", required: false)),
            .init(field: form.field(F.address, "Adres", noun: "het adres", autocomplete: "off", required: false)),
            .init(field: form.field(F.yearGroups, "Groepen", noun: "de groepen", hint: "Bijvoorbeeld 1-8, of 5, 6 en 7", required: false)),
        ]
        if !coordinators.members.isEmpty {
            items.append(.init(checks: form.checks(LocationBody.CodingKeys.coordinators, "Coördinatoren van deze locatie", noun: "de coördinatoren",
                                                   options: coordinators.members.map { ($0.0.uuidString, $0.1) }, chosen: chosen)))
        }
        let coalition = Paths.coalition(access.slug), base = coalition.locaties.path
        return try await req.page("forms/page", title: location == nil ? "Locatie toevoegen" : "Locatie wijzigen", current: .locaties, status: status) { layout in
            FormPage(
                layout: layout,
                back: base, backLabel: "Terug naar locaties en partners", title: location == nil ? "Locatie toevoegen" : "Locatie wijzigen",
                lead: coordinators.members.isEmpty ? "Coördinatoren koppel je hier zodra ze lid zijn van de coalitie." : nil,
                action: try location.map { coalition.location(try $0.requireID()).path } ?? coalition.newLocation.path, items: items, submit: "Opslaan", version: location?.version, form: form)
        }
    }

    func findLocation(_ req: Request, _ access: ActivityAccess) async throws -> LocationRecord {
        guard let id = req.parameters.get("locationID", as: UUID.self),
              let location = try await access.places(req.db).location(id)
        else { throw Abort(.notFound) }
        return location
    }
}

/// The location form with the coordinators ticked (`coordinators[]`) and the version.
struct LocationBody: Decodable {
    enum CodingKeys: String, CodingKey, FieldName { case coordinators }
    let form: LocationForm
    let chosen: Set<String>
    let version: Int?

    init(from decoder: any Decoder) throws {
        let edit = try Edit<LocationForm>(from: decoder)
        (form, version) = (edit.form, edit.version)
        chosen = Set(try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent([String].self, forKey: .coordinators) ?? [])
    }
}

extension String {
    func ifEmpty(_ fallback: String) -> String { isEmpty ? fallback : self }
    /// Nil for an empty text: a mustache section treats "" as something to show.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
