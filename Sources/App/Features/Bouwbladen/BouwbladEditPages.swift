import Domain
import Fluent
import Vapor

/// One thing per page: every text of a bouwblad is changed on a page that holds only that
/// form, opened from the bouwblad page with "Wijzigen" (GET on the address the form posts
/// to). A refused save shows the same page again with what was typed.
struct BouwbladEditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let bouwblad = Paths.coalition(.param).bouwblad(.param)
        routes.get(bouwblad.cycle(.param).address) { req in try await CyclePage.render(req, try await BouwbladContext.load(req)) }
        routes.get(bouwblad.cycle(.param).step(.param)) { req in
            let context = try await BouwbladContext.load(req)
            try context.requireEdit()
            return try await StepPage.render(req, context, cycle: try context.cycle(req), step: try StepPage.step(req))
        }
        routes.get(bouwblad.cycle(.param).period) { req in
            let context = try await BouwbladContext.load(req)
            try context.requireEdit()
            return try await BouwbladForms.period(req, context, try context.cycle(req))
        }
        routes.get(bouwblad.cycle(.param).newDoel) { req in
            let context = try await BouwbladContext.load(req)
            try context.requireEdit()
            return try await BouwbladForms.doel(req, context, cycle: try context.cycle(req), nil)
        }
        routes.get(bouwblad.doel(.param).address) { req in
            let (context, doel) = try await BouwbladForms.findDoel(req)
            return try await BouwbladForms.doel(req, context, cycle: nil, doel)
        }
        routes.get(bouwblad.doelResult(.param)) { req in
            let (context, doel) = try await BouwbladForms.findDoel(req)
            return try await BouwbladForms.result(req, context, doel)
        }
        routes.get(bouwblad.cycle(.param).newActie) { req in
            let context = try await BouwbladContext.load(req)
            try context.requireEdit()
            return try await BouwbladForms.actie(req, context, cycle: try context.cycle(req), nil)
        }
        routes.get(bouwblad.actie(.param).address) { req in
            let (context, actie) = try await BouwbladForms.findActie(req)
            return try await BouwbladForms.actie(req, context, cycle: nil, actie, back: DoelenActiesController.backToActies(req, context))
        }
        routes.get(bouwblad.links) { req in
            let context = try await BouwbladContext.load(req)
            try context.requireEdit()
            return try await BouwbladForms.link(req, context)
        }
        routes.get(bouwblad.settings) { req in
            let context = try await BouwbladContext.load(req)
            try context.requireEdit()
            return try await BouwbladForms.settings(req, context)
        }
    }
}

/// The small forms of a bouwblad, each a `FormPage` of its own.
enum BouwbladForms {
    static func findDoel(_ req: Request) async throws -> (BouwbladContext, Doel) {
        let context = try await BouwbladContext.load(req)
        try context.requireEdit()
        guard let id = req.parameters.get("doelID", as: UUID.self), let doel = context.storedDoelen.first(where: { $0.id == id }) else { throw Abort(.notFound) }
        return (context, doel)
    }

    /// The coalition's indicators a goal may point to.
    static func indicatorIDs(_ req: Request, _ context: BouwbladContext) async throws -> Set<UUID> {
        Set(try await IndicatorenStore(context.tenant, on: req.db).indicators().compactMap(\.id))
    }

    static func findActie(_ req: Request) async throws -> (BouwbladContext, Actie) {
        let context = try await BouwbladContext.load(req)
        try context.requireEdit()
        guard let id = req.parameters.get("actieID", as: UUID.self), let actie = context.acties.first(where: { $0.id == id }) else { throw Abort(.notFound) }
        return (context, actie)
    }

    private static func page(_ req: Request, _ context: BouwbladContext, title: String, lead: String? = nil, action: String, items: [FormPage.Item],
                             submit: String, version: Int?, form: FormState, danger: FormPage.Danger? = nil, back: String? = nil,
                             status: HTTPStatus) async throws -> Response {
        try await req.page("forms/page", title: title, current: .start, status: status) { layout in
            FormPage(layout: layout, back: back ?? context.base, backLabel: back == nil ? context.heading : "Acties", title: title, lead: lead, action: action,
                     items: items, submit: submit, version: version, form: form, danger: danger)
        }
    }

    static func doel(_ req: Request, _ context: BouwbladContext, cycle: CycleRecord?, _ doel: Doel?, form: FormState = FormState(), status: HTTPStatus = .ok) async throws -> Response {
        var form = form
        let prefix = try doel.map { "doel-\($0.id)" } ?? "doel-new-\(try cycle?.requireID().uuidString ?? "")"
        typealias F = DoelForm.CodingKeys
        let items: [FormPage.Item] = [
            .init(field: form.subField(prefix, F.text, "Doel", noun: "het doel", type: "textarea", hint: "Wat willen jullie bereiken?", value: doel?.text ?? "")),
            .init(field: form.subField(prefix, F.measure, "Wat meten jullie? (mag leeg)", noun: "wat jullie meten", hint: "Bijvoorbeeld: activiteiten met een nabespreking", value: doel?.measure ?? "")),
            .init(field: form.subField(prefix, F.target, "Streefwaarde (mag leeg)", noun: "de streefwaarde",
                                       hint: "In woorden, zoals: minimaal één activiteit per domein op elke locatie. Of een getal of datum met de eenheid hieronder: dan rekent Bouwstenen het oordeel uit.", value: doel?.target ?? "")),
            .init(select: form.subChoice(prefix, F.unit, "Eenheid van de streefwaarde", noun: "een eenheid", value: doel?.unit?.rawValue ?? "",
                                         options: [("", "geen (streefwaarde in woorden)")] + TargetUnit.allCases.map { ($0.rawValue, $0.label) })),
            .init(field: form.subField(prefix, F.deadline, "Uiterlijk op (mag leeg)", noun: "de datum", type: "date", value: doel?.deadline ?? "")),
            .init(field: form.subField(prefix, F.owner, "Trekker (mag leeg)", noun: "de trekker", value: doel?.owner ?? "")),
            .init(select: form.subChoice(prefix, F.indicator, "Gemeten met een indicator (mag leeg)", noun: "een indicator", value: doel?.indicatorID?.uuidString ?? "",
                                         options: [("", "geen: jullie vullen de bereikte waarde zelf in")]
                                            + (try await IndicatorenStore(context.tenant, on: req.db).indicators()).map { ($0.id!.uuidString, "\($0.name) (\($0.area))") })),
        ]
        guard let doel else {
            guard let cycle else { throw Abort(.notFound) }
            return try await page(req, context, title: "Doel toevoegen aan cyclus \(cycle.number)", action: context.paths.cycle(try cycle.requireID()).newDoel.path,
                                  items: items, submit: "Doel toevoegen", version: nil, form: form, status: status)
        }
        return try await page(req, context, title: "Doel wijzigen", action: context.paths.doel(doel.id).path, items: items, submit: "Doel opslaan",
                              version: doel.version, form: form, danger: .init(action: context.paths.doel(doel.id).delete.path, label: "Doel verwijderen"), status: status)
    }

    static func result(_ req: Request, _ context: BouwbladContext, _ doel: Doel, form: FormState = FormState(), status: HTTPStatus = .ok) async throws -> Response {
        var form = form
        let prefix = "result-\(doel.id)"
        // A goal measured by an indicator: its value and verdict as shown, and where they come from.
        let shown = context.doelen.first { $0.id == doel.id } ?? doel
        let computed = shown.computedVerdict
        let items: [FormPage.Item] = [
            .init(field: form.subField(prefix, ResultForm.CodingKeys.achieved, "Bereikte waarde", noun: "de bereikte waarde",
                                       hint: shown.source.map { "\($0) Zolang de cyclus loopt, komt de waarde uit de indicator." }
                                           ?? (doel.target.isEmpty ? nil : "Streefwaarde: \(doel.targetLabel ?? doel.target)"), value: shown.achieved)),
            .init(select: form.subChoice(prefix, ResultForm.CodingKeys.verdict, "Oordeel", noun: "een oordeel", value: doel.verdict?.rawValue ?? "",
                                         options: [("", "Automatisch" + (computed.map { " (nu: \($0.label.lowercased()))" } ?? " uit streefwaarde en bereikte waarde"))]
                                            + Verdict.allCases.map { ($0.rawValue, $0.label) })),
        ]
        return try await page(req, context, title: "Resultaat van het doel", lead: PlainText.excerpt(doel.text), action: context.paths.doelResult(doel.id).path,
                              items: items, submit: "Resultaat opslaan", version: doel.version, form: form, status: status)
    }

    static func actie(_ req: Request, _ context: BouwbladContext, cycle: CycleRecord?, _ actie: Actie?, form: FormState = FormState(), back: String? = nil,
                      status: HTTPStatus = .ok) async throws -> Response {
        var form = form
        let prefix = try actie.map { "actie-\($0.id)" } ?? "actie-new-\(try cycle?.requireID().uuidString ?? "")"
        typealias F = ActieForm.CodingKeys
        let members = try await context.members(req).map { (try $0.requireID(), $0.user.name) }.sorted { $0.1 < $1.1 }
        let items: [FormPage.Item] = [
            .init(field: form.subField(prefix, F.text, "Actie", noun: "de actie", type: "textarea", value: actie?.text ?? "")),
            .init(select: form.subChoice(prefix, F.ownerMember, "Trekker", noun: "een trekker", value: actie?.ownerMemberID?.uuidString ?? "",
                                         options: [("", "niemand van de leden")] + members.map { ($0.0.uuidString, $0.1) })),
            .init(field: form.subField(prefix, F.ownerName, "Of een andere trekker, zoals een partner", noun: "een naam",
                                       value: actie.map { $0.ownerMemberID == nil ? $0.ownerName : "" } ?? "")),
            .init(field: form.subField(prefix, F.deadline, "Wanneer (mag leeg)", noun: "wanneer", hint: "Een datum, zoals 15-3-2026, of in woorden: najaar 2025, voor de zomervakantie 2026, schooljaar 2025–2026",
                                       value: actie?.deadline ?? "")),
            .init(select: form.subChoice(prefix, F.status, "Status", noun: "een status", value: actie?.status.rawValue ?? ActieStatus.gepland.rawValue,
                                         options: ActieStatus.allCases.map { ($0.rawValue, $0.label) })),
        ]
        guard let actie else {
            guard let cycle else { throw Abort(.notFound) }
            return try await page(req, context, title: "Actie toevoegen aan cyclus \(cycle.number)", action: context.paths.cycle(try cycle.requireID()).newActie.path,
                                  items: items, submit: "Actie toevoegen", version: nil, form: form, status: status)
        }
        let action = context.paths.actie(actie.id).path + (back == nil ? "" : "?terug=acties")
        return try await page(req, context, title: "Actie wijzigen", action: action, items: items, submit: "Actie opslaan", version: actie.version, form: form,
                              danger: .init(action: context.paths.actie(actie.id).delete.path, label: "Actie verwijderen"), back: back, status: status)
    }

    static func period(_ req: Request, _ context: BouwbladContext, _ cycle: CycleRecord, form: FormState = FormState(), status: HTTPStatus = .ok) async throws -> Response {
        var form = form
        let prefix = "periode-\(try cycle.requireID())"
        let items: [FormPage.Item] = [
            .init(field: form.subField(prefix, PeriodForm.CodingKeys.periodFrom, "Van", noun: "de beginmaand", type: "month",
                                       hint: "Bijvoorbeeld september 2025.", value: cycle.periodFrom ?? "")),
            .init(field: form.subField(prefix, PeriodForm.CodingKeys.periodTo, "Tot en met", noun: "de eindmaand", type: "month",
                                       hint: "Bijvoorbeeld januari 2026.", value: cycle.periodTo ?? "")),
        ]
        return try await page(req, context, title: "Periode van cyclus \(cycle.number)", action: context.paths.cycle(try cycle.requireID()).period.path,
                              items: items, submit: "Periode opslaan", version: cycle.version, form: form, status: status)
    }

    /// A new link: where to (a bouwsteen, a bouwblad, or still open), the coalition's own
    /// word for the move, the cycle it belongs to (the newest by default) and a note.
    static func link(_ req: Request, _ context: BouwbladContext, form: FormState = FormState(), status: HTTPStatus = .ok) async throws -> Response {
        var form = form
        let catalog = try await req.formatCatalog()
        let bouwbladen = try await context.store(req.db).bouwbladen()
        typealias F = LinkForm.CodingKeys
        let cycles = context.cycles.sorted { $0.number > $1.number }
        let defaults = [F.kind.fieldName: LinkKind.naastgelegen.rawValue,
                        F.cycle.fieldName: cycles.first?.id?.uuidString ?? LinkForm.wholeBouwblad]
        form.values.merge(defaults) { typed, _ in typed }
        let targets = [("", "Kies een bouwsteen"), (LinkForm.open, "Nog open: dat weten we nog niet")]
            + (try Target.options(context, catalog: catalog, bouwbladen: bouwbladen, includeOwn: true).map { ($0.value, $0.label.trimmingWhitespace()) })
        let cycleOptions = try cycles.map { (value: try $0.requireID().uuidString, label: "Cyclus \($0.number)", hint: $0.period.label) }
            + [(value: LinkForm.wholeBouwblad, label: "Het hele bouwblad, niet één cyclus", hint: nil)]
        let items: [FormPage.Item] = [
            .init(select: form.choice(F.target, "Welke bouwsteen raakt dit?", noun: "een bouwsteen", options: targets.map { ($0.0, $0.1, nil) })),
            .init(radios: form.choice(F.kind, "Hoe noemen jullie deze verbinding?", noun: "een soort verbinding",
                                      options: LinkKind.allCases.map { ($0.rawValue, $0.choice, $0.hint) })),
            .init(radios: form.choice(F.cycle, "Bij welke cyclus hoort deze verbinding?", noun: "een cyclus", options: cycleOptions)),
            .init(field: form.field(F.note, "Korte toelichting", noun: "een toelichting",
                                    hint: "Wat verandert er daar door dit werk? Verplicht als de bouwsteen nog open is.", required: false)),
        ]
        return try await page(req, context, title: "Verbinding toevoegen", action: context.paths.links.path, items: items, submit: "Verbinding opslaan",
                              version: nil, form: form, status: status)
    }

    /// Title for everyone who edits; keeper and contributors only for those who
    /// manage the bouwblad. One form, so saving never drops a typed title.
    /// - Parameter contributors: the ticked contributors of a refused form (nil: as saved).
    static func settings(_ req: Request, _ context: BouwbladContext, form: FormState = FormState(), contributors: [String]? = nil,
                         status: HTTPStatus = .ok) async throws -> Response {
        var form = form
        if form.values[TitleForm.CodingKeys.title.fieldName] == nil { form.values[TitleForm.CodingKeys.title.fieldName] = context.bouwblad.title }
        var items: [FormPage.Item] = [
            .init(field: form.field(TitleForm.CodingKeys.title, "Korte titel", noun: "een titel", hint: "Mag leeg blijven. Bijvoorbeeld: Van improvisatie naar gezamenlijke structuur", required: false)),
        ]
        let manages = context.tenant.role.canEditBouwblad()
        if manages {
            let members = try await context.members(req).map { (try $0.requireID().uuidString, $0.user.name) }.sorted { $0.1 < $1.1 }
            let keeper = form.values[SettingsForm.CodingKeys.keeper.fieldName] ?? context.bouwblad.keeperID?.uuidString ?? ""
            form.values[SettingsForm.CodingKeys.keeper.fieldName] = keeper
            items.append(.init(select: form.select(SettingsForm.CodingKeys.keeper, "Trekker van dit bouwblad", noun: "een lid", empty: "Niemand", options: members)))
            items.append(.init(checks: form.checks(SettingsForm.CodingKeys.contributors, "Wie draagt bij? (partners kunnen dan ook schrijven)", noun: "een lid",
                                                   options: members, chosen: Set(contributors ?? context.contributors.map(\.membershipID.uuidString)))))
        }
        return try await page(req, context, title: "Instellingen van dit bouwblad", action: manages ? context.paths.settings.path : context.paths.title.path,
                              items: items, submit: "Instellingen opslaan", version: context.bouwblad.version, form: form,
                              danger: manages ? .init(action: context.paths.delete.path, label: "Dit bouwblad verwijderen", isLink: true) : nil, status: status)
    }
}
