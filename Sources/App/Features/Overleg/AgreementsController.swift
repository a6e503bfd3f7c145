import Domain
import Fluent
import Vapor

/// `/c/{slug}/overleg/{meetingID}/afspraken`: the agreements made at a meeting (what, who,
/// when). Each can become an action of a bouwblad's open cycle or of the jaarplan in one
/// step, when it is written down or later; the overleg page shows where it went.
struct AgreementsController: RouteCollection {
    /// Network agreements go to this result area of the jaarplan.
    static let area = "Samenwerking"

    func boot(routes: any RoutesBuilder) throws {
        let meeting = Paths.coalition(.param).overleg.meeting(.param)
        routes.get(meeting.newAgreement, use: new)
        routes.post(meeting.newAgreement, use: create)
        routes.get(meeting.agreement(.param).action, use: actionForm)
        routes.post(meeting.agreement(.param).action, use: makeAction)
        routes.post(meeting.agreement(.param).delete, use: delete)
    }

    /// The meeting of the address, with what the forms here need.
    struct Context {
        let tenant: Tenant
        let meetingID: UUID
        let meeting: MeetingInput
        let store: OverlegStore
        var paths: Paths.Meeting { Paths.coalition(tenant.coalition.slug).overleg.meeting(meetingID) }
        var back: String { OverlegController.back(tenant, meeting.day) + "#overleg-\(meetingID)" }
        var title: String { "\(meeting.kind), \(meeting.day.label)" }

        static func load(_ req: Request) async throws -> Context {
            let tenant = try req.require(\.keepsPlans)
            let record = try await OverlegController.meeting(req, tenant)
            guard let meeting = record.value else { throw Abort(.notFound) }
            return Context(tenant: tenant, meetingID: try record.requireID(), meeting: meeting, store: OverlegStore(tenant, on: req.db))
        }

        /// Where an action can go: the jaarplan of the meeting's school year, and every
        /// bouwblad with an open cycle.
        func places(_ req: Request) async throws -> [(place: ActionPlace, label: String, cycle: (BouwbladRecord, CycleRecord)?)] {
            let catalog = try await req.formatCatalog()
            let bouwbladen = try await store.openCycles().compactMap { open in
                open.bouwblad.id.map { (place: ActionPlace.bouwblad($0), label: "Bouwblad \(catalog.name(of: open.bouwblad)), cyclus \(open.cycle.number)",
                                        cycle: Optional((open.bouwblad, open.cycle))) }
            }.sorted { $0.label.localizedStandardCompare($1.label) == .orderedAscending }
            let year = SchoolYear(containing: meeting.day)
            return [(.jaarplan, "Jaarplan \(year.key), bij ‘\(AgreementsController.area)’", nil)] + bouwbladen
        }

        /// The action an agreement becomes at `place`, owned by who the agreement names.
        func action(_ req: Request, _ input: AgreementInput, at place: ActionPlace,
                    places: [(place: ActionPlace, label: String, cycle: (BouwbladRecord, CycleRecord)?)]) async throws -> AgreementAction {
            let organisations = input.organisation == nil ? [] : try await OverlegController.organisations(req, tenant)
            let organisation = organisations.first { $0.id == input.organisation }?.name
            let owner = String(input.ownerLabel(organisationName: organisation).prefix(DoelInput.shortMax))
            switch place {
            case .jaarplan:
                return .jaarplan(SchoolYear(containing: meeting.day), PlanActionInput(area: AgreementsController.area, text: input.text, owner: owner, deadline: input.deadline))
            case .bouwblad(let id):
                guard let (bouwblad, cycle) = places.first(where: { $0.place == place })?.cycle else { throw Abort(.notFound) }
                let actie = Actie(id: UUID(), bouwbladID: id, cycleID: try cycle.requireID(), text: input.text, ownerName: owner, deadline: input.deadline?.stored)
                return .bouwblad(actie, .init(bouwblad: bouwblad, cycleID: try cycle.requireID(), field: "actie", before: "", after: actie.summary,
                                              userID: try req.requireUser().requireID(), now: req.now))
            }
        }
    }

    // MARK: a new agreement

    func new(req: Request) async throws -> Response {
        let context = try await Context.load(req)
        return try await formPage(req, context, FormState(AgreementForm()))
    }

    func create(req: Request) async throws -> Response {
        let context = try await Context.load(req)
        let form = try req.form(AgreementForm.self)
        var errors = FieldErrors()
        let known = Set(try await OverlegController.organisations(req, context.tenant).map(\.id))
        let places = try await context.places(req)
        let input = AgreementInput.validate(form, organisations: known, into: &errors)
        let place = AgreementInput.place(form, places: Set(places.map(\.place)), required: false, into: &errors)
        guard let input, errors.isEmpty else {
            return try await formPage(req, context, FormState(form, errors: errors), status: .unprocessableEntity)
        }
        var action: AgreementAction?
        if let place { action = try await context.action(req, input, at: place, places: places) }
        try await context.store.add(input, to: context.meetingID, action: action)
        try await req.flash(action == nil ? "De afspraak staat erin." : "De afspraak staat erin, en is een actie geworden.")
        return .seeOther(context.back)
    }

    func formPage(_ req: Request, _ context: Context, _ state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        var form = state
        typealias F = AgreementForm.CodingKeys
        let organisations = try await OverlegController.organisations(req, context.tenant).map { (value: $0.id.uuidString, label: $0.name) }
        let places = try await context.places(req)
        var items: [FormPage.Item] = [
            .init(field: form.field(F.text, "Wat is er afgesproken?", noun: "de afspraak", type: "textarea")),
            .init(field: form.field(F.owner, "Wie doet het? (mag leeg)", noun: "wie het doet", hint: "Een naam of een rol, bijvoorbeeld ‘Fatima, jongerenwerker’.", required: false)),
        ]
        if !organisations.isEmpty {
            items.append(.init(select: form.select(F.organisation, "Voor welke organisatie? (mag leeg)", noun: "de organisatie", empty: "Geen organisatie",
                                                   options: organisations)))
        }
        items.append(.init(field: form.field(F.deadline, "Wanneer? (mag leeg)", noun: "wanneer", hint: "Een datum, zoals 15-3-2027, of woorden, zoals ‘voor de kerstvakantie’.",
                                             required: false)))
        items.append(.init(radios: form.choice(F.place, "Meteen een actie van maken?", noun: "waar de actie komt",
                                               options: [(value: "", label: "Nee, alleen de afspraak vastleggen", hint: nil)] + places.map { (value: $0.place.raw, label: $0.label, hint: nil) })))
        return try await req.page("forms/page", title: "Afspraak", current: .overleg, status: status) { layout in
            FormPage(layout: layout, back: context.back, backLabel: "Terug naar het overleg", title: "Afspraak",
                     lead: "Bij: \(context.title). Partners zien de afspraken van het overleg waar hun organisatie bij hoort.",
                     action: context.paths.newAgreement.path, items: items, submit: "Afspraak opslaan", form: form)
        }
    }

    // MARK: an action from an agreement

    static func agreement(_ req: Request, _ context: Context) async throws -> AgreementRecord {
        guard let id = req.parameters.get("agreementID", as: UUID.self), let found = try await context.store.agreement(id, of: context.meetingID) else {
            throw Abort(.notFound)
        }
        return found
    }

    func actionForm(req: Request) async throws -> Response {
        let context = try await Context.load(req)
        let agreement = try await Self.agreement(req, context)
        return try await actionPage(req, context, agreement, FormState(AgreementForm()), version: agreement.version)
    }

    func makeAction(req: Request) async throws -> Response {
        let context = try await Context.load(req)
        let agreement = try await Self.agreement(req, context)
        let body = try req.form(Edit<AgreementForm>.self)
        var errors = FieldErrors()
        let places = try await context.places(req)
        guard let place = AgreementInput.place(body.form, places: Set(places.map(\.place)), required: true, into: &errors) else {
            return try await actionPage(req, context, agreement, FormState(body.form, errors: errors), version: body.version ?? agreement.version, status: .unprocessableEntity)
        }
        guard let version = body.version else { throw Abort(.badRequest) }
        let action = try await context.action(req, agreement.value, at: place, places: places)
        guard !agreement.hasAction, try await context.store.makeAction(of: try agreement.requireID(), from: version, action, now: req.now) else {
            try await req.flash("Deze afspraak is intussen al een actie geworden, of veranderd. Kijk hieronder hoe het nu staat.")
            return .seeOther(context.back)
        }
        try await req.flash("De afspraak is een actie geworden.")
        return .seeOther(context.back)
    }

    func actionPage(_ req: Request, _ context: Context, _ agreement: AgreementRecord, _ state: FormState, version: Int, status: HTTPStatus = .ok) async throws -> Response {
        var form = state
        let places = try await context.places(req)
        let items: [FormPage.Item] = [
            .init(radios: form.choice(AgreementForm.CodingKeys.place, "Waar komt de actie?", noun: "waar de actie komt",
                                      options: places.map { (value: $0.place.raw, label: $0.label, hint: nil) })),
        ]
        let address = context.paths.agreement(try agreement.requireID()).action.path
        let lead = "Afspraak: ‘\(agreement.text)’." + (agreement.hasAction ? " Deze afspraak is al een actie." : "")
        return try await req.page("forms/page", title: "Actie maken van een afspraak", current: .overleg, status: status) { layout in
            FormPage(layout: layout, back: context.back, backLabel: "Terug naar het overleg", title: "Actie maken van een afspraak", lead: lead,
                     action: address, items: items, submit: "Actie maken", version: version, form: form)
        }
    }

    func delete(req: Request) async throws -> Response {
        let context = try await Context.load(req)
        let agreement = try await Self.agreement(req, context)
        try await context.store.delete(agreement: try agreement.requireID())
        try await req.flash(agreement.hasAction ? "De afspraak is verwijderd. De actie die ervan gemaakt is, blijft staan." : "De afspraak is verwijderd.")
        return .seeOther(context.back)
    }
}

/// The agreements of the meetings a page shows, each with where its action went.
struct AgreementRows {
    let rows: [UUID: [OverlegController.AgreementRow]]

    init(_ req: Request, _ tenant: Tenant, _ store: OverlegStore, meetings: [UUID], names: [UUID: String], editable: Bool) async throws {
        let records = try await store.agreements(of: meetings)
        let actions = try await store.actions(of: records)
        let catalog = try await req.formatCatalog()
        let coalition = Paths.coalition(tenant.coalition.slug)
        var rows: [UUID: [OverlegController.AgreementRow]] = [:]
        for record in records {
            guard let id = record.id else { continue }
            let input = record.value, paths = coalition.overleg.meeting(record.meetingID).agreement(id)
            var action: (String, String)?
            if let actieID = record.actieID, let found = actions.acties[actieID] {
                action = ("Actie in bouwblad \(catalog.name(of: found.bouwblad))", coalition.bouwblad(found.actie.bouwbladID).path + "#actie-\(actieID)")
            } else if let planID = record.planActionID, let found = actions.plan[planID] {
                action = ("Actie in het jaarplan \(found.schoolYear)", coalition.jaarplan.path + "?jaar=\(found.schoolYear)")
            }
            // Its bouwblad or cycle is in the prullenbak: the action is there, without a page to show.
            let placed = action?.0 ?? (record.hasAction ? "Actie gemaakt (staat nu in de prullenbak)" : nil)
            rows[record.meetingID, default: []].append(OverlegController.AgreementRow(
                text: input.text, who: input.ownerLabel(organisationName: input.organisation.flatMap { names[$0] }).nilIfEmpty,
                when: input.deadline?.label, action: placed, actionHref: action?.1,
                makeActionHref: editable && !record.hasAction ? paths.action.path : nil, deleteAction: editable ? paths.delete.path : nil))
        }
        self.rows = rows
    }
}
