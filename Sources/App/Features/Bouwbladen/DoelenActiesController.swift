import Domain
import Fluent
import Vapor

/// The structured parts of steps 2 and 3: doelen with their results, and acties.
/// None of them is required; each save keeps a revision with a readable summary.
struct DoelenActiesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let bouwblad = Paths.coalition(.param).bouwblad(.param)
        routes.post(bouwblad.cycle(.param).newDoel, use: createDoel)
        routes.post(bouwblad.doel(.param).address, use: updateDoel)
        routes.post(bouwblad.doelResult(.param), use: saveResult)
        routes.post(bouwblad.doel(.param).delete, use: deleteDoel)
        routes.post(bouwblad.cycle(.param).newActie, use: createActie)
        routes.post(bouwblad.actie(.param).address, use: updateActie)
        routes.post(bouwblad.actie(.param).delete, use: deleteActie)
    }

    // MARK: doelen

    func createDoel(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        try context.requireEdit()
        let cycle = try context.cycle(req)
        let form = try req.form(DoelForm.self)
        var errors = FieldErrors()
        guard let input = DoelInput.validate(form, indicators: try await BouwbladForms.indicatorIDs(req, context), into: &errors) else {
            return try await BouwbladForms.doel(req, context, cycle: cycle, nil, form: refused("doel-new-\(try cycle.requireID())", form, errors), status: .unprocessableEntity)
        }
        let doel = Doel(id: UUID(), bouwbladID: context.bouwbladID, cycleID: try cycle.requireID(), input)
        let change = try context.change(req, cycle: cycle.requireID(), field: "doel", before: "", after: doel.summary)
        try await req.db.transaction { db in try await context.store(db).add(doel, change) }
        return try await done(req, context, "Het doel is toegevoegd.", anchor: "stap-\(try cycle.requireID())-doelen")
    }

    func updateDoel(req: Request) async throws -> Response {
        let (context, doel) = try await BouwbladForms.findDoel(req)
        let edit = try req.form(Edit<DoelForm>.self)
        var errors = FieldErrors()
        guard let input = DoelInput.validate(edit.form, indicators: try await BouwbladForms.indicatorIDs(req, context), into: &errors) else {
            return try await BouwbladForms.doel(req, context, cycle: nil, doel, form: refused("doel-\(doel.id)", edit.form, errors), status: .unprocessableEntity)
        }
        var changed = doel
        changed.apply(input)
        try await update(req, context, doel, to: changed, version: edit.version)
        return try await done(req, context, "Het doel is opgeslagen.", anchor: "stap-\(doel.cycleID)-doelen")
    }

    func saveResult(req: Request) async throws -> Response {
        let (context, doel) = try await BouwbladForms.findDoel(req)
        let edit = try req.form(Edit<ResultForm>.self)
        typealias F = ResultForm.CodingKeys
        var errors = FieldErrors()
        let achieved = Text.line(edit.form.achieved, field: F.achieved, max: 40, required: false, into: &errors) ?? ""
        let verdictRaw = (edit.form.verdict ?? "").trimmingWhitespace()
        if !verdictRaw.isEmpty, Verdict(rawValue: verdictRaw) == nil { errors.add(F.verdict, .unknownChoice) }
        guard errors.isEmpty else {
            return try await BouwbladForms.result(req, context, doel, form: refused("result-\(doel.id)", edit.form, errors), status: .unprocessableEntity)
        }
        var changed = doel
        changed.achieved = achieved
        changed.verdict = Verdict(rawValue: verdictRaw)
        try await update(req, context, doel, to: changed, version: edit.version)
        return try await done(req, context, "Het resultaat is opgeslagen.", anchor: "stap-\(doel.cycleID)-bereikt")
    }

    func deleteDoel(req: Request) async throws -> Response {
        let (context, doel) = try await BouwbladForms.findDoel(req)
        let change = try context.change(req, cycle: doel.cycleID, field: "doel", before: doel.summary, after: "")
        try await req.db.transaction { db in try await context.store(db).remove(doel, change) }
        return try await done(req, context, "Het doel is verwijderd. Je vindt het nog in de geschiedenis.", anchor: "stap-\(doel.cycleID)-doelen")
    }

    // MARK: acties

    func createActie(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        try context.requireEdit()
        let cycle = try context.cycle(req)
        let form = try req.form(ActieForm.self)
        var errors = FieldErrors()
        guard let input = ActieInput.validate(form, into: &errors), let owner = try await owner(req, context, input, &errors) else {
            return try await BouwbladForms.actie(req, context, cycle: cycle, nil, form: refused("actie-new-\(try cycle.requireID())", form, errors), status: .unprocessableEntity)
        }
        let actie = Actie(id: UUID(), bouwbladID: context.bouwbladID, cycleID: try cycle.requireID(), input, owner: owner)
        let change = try context.change(req, cycle: cycle.requireID(), field: "actie", before: "", after: actie.summary)
        try await req.db.transaction { db in try await context.store(db).add(actie, change) }
        return try await done(req, context, "De actie is toegevoegd.", anchor: "stap-\(try cycle.requireID())-doelen")
    }

    func updateActie(req: Request) async throws -> Response {
        let (context, actie) = try await BouwbladForms.findActie(req)
        let edit = try req.form(Edit<ActieForm>.self)
        var errors = FieldErrors()
        guard let input = ActieInput.validate(edit.form, into: &errors), let owner = try await owner(req, context, input, &errors) else {
            return try await BouwbladForms.actie(req, context, cycle: nil, actie, form: refused("actie-\(actie.id)", edit.form, errors),
                                                 back: Self.backToActies(req, context), status: .unprocessableEntity)
        }
        var changed = actie
        changed.apply(input, owner: owner)
        try await update(req, context, actie, to: changed, version: edit.version)
        if let back = Self.backToActies(req, context) {
            try await req.flash("De actie is opgeslagen.")
            return .seeOther(back)
        }
        return try await done(req, context, "De actie is opgeslagen.", anchor: "stap-\(actie.cycleID)-doelen")
    }

    func deleteActie(req: Request) async throws -> Response {
        let (context, actie) = try await BouwbladForms.findActie(req)
        let change = try context.change(req, cycle: actie.cycleID, field: "actie", before: actie.summary, after: "")
        try await req.db.transaction { db in try await context.store(db).remove(actie, change) }
        return try await done(req, context, "De actie is verwijderd. Je vindt haar nog in de geschiedenis.", anchor: "stap-\(actie.cycleID)-doelen")
    }

    // MARK: shared

    /// A chosen member must be a member of this coalition; their name is kept as text too,
    /// so the action plan still reads well if they leave.
    private func owner(_ req: Request, _ context: BouwbladContext, _ input: ActieInput, _ errors: inout FieldErrors) async throws -> (member: UUID?, name: String)? {
        guard let raw = input.ownerMemberID else { return (nil, input.ownerName) }
        guard let id = UUID(uuidString: raw),
              let membership = try await context.store(req.db).member(id)
        else { errors.add("ownerMember", .unknownChoice); return nil }
        return (id, input.ownerName.isEmpty ? membership.user.name : input.ownerName)
    }

    /// A doel changed on the version the form names, with a revision when its text changed.
    private func update(_ req: Request, _ context: BouwbladContext, _ doel: Doel, to changed: Doel, version: Int?) async throws {
        guard let version else { throw Abort(.badRequest) }
        let change = try context.change(req, cycle: doel.cycleID, field: "doel", before: doel.summary, after: changed.summary)
        guard try await req.db.transaction({ db in try await context.store(db).update(changed, from: version, change) }) else { throw Abort(.conflict) }
    }

    private func update(_ req: Request, _ context: BouwbladContext, _ actie: Actie, to changed: Actie, version: Int?) async throws {
        guard let version else { throw Abort(.badRequest) }
        let change = try context.change(req, cycle: actie.cycleID, field: "actie", before: actie.summary, after: changed.summary)
        guard try await req.db.transaction({ db in try await context.store(db).update(changed, from: version, change) }) else { throw Abort(.conflict) }
    }

    /// What was typed in a refused form, under the prefix its page gives its fields.
    private func refused(_ prefix: String, _ form: some Encodable, _ errors: FieldErrors) -> FormState {
        FormState(values: FormState(form).values.prefixed(prefix), errors: errors.prefixed(prefix))
    }

    /// `?terug=acties`: the action was opened from the coalition's list of actions.
    static func backToActies(_ req: Request, _ context: BouwbladContext) -> String? {
        (try? req.query.get(String.self, at: "terug")).flatMap { $0 == "acties" ? Paths.coalition(context.tenant.coalition.slug).acties.path : nil }
    }

    private func done(_ req: Request, _ context: BouwbladContext, _ message: String, anchor: String) async throws -> Response {
        try await req.flash(message)
        return .seeOther(context.base + "#" + anchor)
    }
}

/// What a doel achieved (stap 3), posted from the bouwblad page.
struct ResultForm: Codable {
    enum CodingKeys: String, CodingKey, FieldName { case achieved, verdict }
    var achieved, verdict: String?
}
