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
        guard let input = DoelInput.validate(form, into: &errors) else {
            return try await refuse(req, context, prefix: "doel-new-\(try cycle.requireID())", form, errors)
        }
        let doel = DoelRecord()
        doel.bouwbladID = try context.bouwblad.requireID()
        doel.cycleID = try cycle.requireID()
        apply(input, to: doel)
        doel.achieved = ""
        doel.version = 1
        let change = try context.change(req, cycle: cycle.requireID(), field: "doel", before: "", after: doel.summary)
        try await req.db.transaction { db in try await context.store(db).add(doel, change) }
        return try await done(req, context, "Het doel is toegevoegd.", anchor: "stap-\(try cycle.requireID())-doelen")
    }

    func updateDoel(req: Request) async throws -> Response {
        let (context, doel) = try await findDoel(req)
        let edit = try req.form(Edit<DoelForm>.self)
        var errors = FieldErrors()
        guard let input = DoelInput.validate(edit.form, into: &errors) else {
            return try await refuse(req, context, prefix: "doel-\(try doel.requireID())", edit.form, errors)
        }
        let before = doel.summary
        apply(input, to: doel)
        try await update(req, context, record: doel, schema: DoelRecord.schema, version: edit.version, field: "doel", before: before, after: doel.summary, columns: [
            ("text", doel.text), ("measure", doel.measure), ("target", doel.target), ("unit", doel.unit),
            ("deadline", doel.deadline), ("owner", doel.owner),
        ])
        return try await done(req, context, "Het doel is opgeslagen.", anchor: "stap-\(doel.cycleID)-doelen")
    }

    func saveResult(req: Request) async throws -> Response {
        let (context, doel) = try await findDoel(req)
        let edit = try req.form(Edit<ResultForm>.self)
        typealias F = ResultForm.CodingKeys
        var errors = FieldErrors()
        let achieved = Text.line(edit.form.achieved, field: F.achieved, max: 40, required: false, into: &errors) ?? ""
        let verdictRaw = (edit.form.verdict ?? "").trimmingWhitespace()
        if !verdictRaw.isEmpty, Verdict(rawValue: verdictRaw) == nil { errors.add(F.verdict, .unknownChoice) }
        guard errors.isEmpty else { return try await refuse(req, context, prefix: "result-\(try doel.requireID())", edit.form, errors) }
        let before = doel.summary
        doel.achieved = achieved
        doel.verdict = verdictRaw.isEmpty ? nil : verdictRaw
        try await update(req, context, record: doel, schema: DoelRecord.schema, version: edit.version, field: "doel", before: before, after: doel.summary, columns: [
            ("achieved", doel.achieved), ("verdict", doel.verdict),
        ])
        return try await done(req, context, "Het resultaat is opgeslagen.", anchor: "stap-\(doel.cycleID)-bereikt")
    }

    func deleteDoel(req: Request) async throws -> Response {
        let (context, doel) = try await findDoel(req)
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
            return try await refuse(req, context, prefix: "actie-new-\(try cycle.requireID())", form, errors)
        }
        let actie = ActieRecord()
        actie.bouwbladID = try context.bouwblad.requireID()
        actie.cycleID = try cycle.requireID()
        apply(input, owner: owner, to: actie)
        actie.version = 1
        let change = try context.change(req, cycle: cycle.requireID(), field: "actie", before: "", after: actie.summary)
        try await req.db.transaction { db in try await context.store(db).add(actie, change) }
        return try await done(req, context, "De actie is toegevoegd.", anchor: "stap-\(try cycle.requireID())-doelen")
    }

    func updateActie(req: Request) async throws -> Response {
        let (context, actie) = try await findActie(req)
        let edit = try req.form(Edit<ActieForm>.self)
        var errors = FieldErrors()
        guard let input = ActieInput.validate(edit.form, into: &errors), let owner = try await owner(req, context, input, &errors) else {
            return try await refuse(req, context, prefix: "actie-\(try actie.requireID())", edit.form, errors)
        }
        let before = actie.summary
        apply(input, owner: owner, to: actie)
        try await update(req, context, record: actie, schema: ActieRecord.schema, version: edit.version, field: "actie", before: before, after: actie.summary, columns: [
            ("text", actie.text), ("owner_member_id", actie.ownerMemberID), ("owner_name", actie.ownerName),
            ("deadline", actie.deadline), ("status", actie.status.rawValue),
        ])
        let back = (try? req.query.get(String.self, at: "terug")).flatMap { $0 == "acties" ? Paths.coalition(context.tenant.coalition.slug).acties.path : nil }
        if let back {
            try await req.flash("De actie is opgeslagen.")
            return .seeOther(back)
        }
        return try await done(req, context, "De actie is opgeslagen.", anchor: "stap-\(actie.cycleID)-doelen")
    }

    func deleteActie(req: Request) async throws -> Response {
        let (context, actie) = try await findActie(req)
        let change = try context.change(req, cycle: actie.cycleID, field: "actie", before: actie.summary, after: "")
        try await req.db.transaction { db in try await context.store(db).remove(actie, change) }
        return try await done(req, context, "De actie is verwijderd. Je vindt haar nog in de geschiedenis.", anchor: "stap-\(actie.cycleID)-doelen")
    }

    // MARK: shared

    private func apply(_ input: DoelInput, to doel: DoelRecord) {
        doel.text = input.text
        doel.measure = input.measure
        doel.target = input.target
        doel.unit = input.unit?.rawValue
        doel.deadline = input.deadline?.iso
        doel.owner = input.owner
    }

    private func apply(_ input: ActieInput, owner: (UUID?, String), to actie: ActieRecord) {
        actie.text = input.text
        actie.ownerMemberID = owner.0
        actie.ownerName = owner.1
        actie.deadline = input.deadline?.iso
        actie.status = input.status
    }

    /// A chosen member must be a member of this coalition; their name is kept as text too,
    /// so the action plan still reads well if they leave.
    private func owner(_ req: Request, _ context: BouwbladContext, _ input: ActieInput, _ errors: inout FieldErrors) async throws -> (UUID?, String)? {
        guard let raw = input.ownerMemberID else { return (nil, input.ownerName) }
        guard let id = UUID(uuidString: raw),
              let membership = try await context.store(req.db).member(id)
        else { errors.add("ownerMember", .unknownChoice); return nil }
        return (id, input.ownerName.isEmpty ? membership.user.name : input.ownerName)
    }

    private func findDoel(_ req: Request) async throws -> (BouwbladContext, DoelRecord) {
        let context = try await BouwbladContext.load(req)
        try context.requireEdit()
        guard let id = req.parameters.get("doelID", as: UUID.self), let doel = context.doelen.first(where: { $0.id == id }) else { throw Abort(.notFound) }
        return (context, doel)
    }

    private func findActie(_ req: Request) async throws -> (BouwbladContext, ActieRecord) {
        let context = try await BouwbladContext.load(req)
        try context.requireEdit()
        guard let id = req.parameters.get("actieID", as: UUID.self), let actie = context.acties.first(where: { $0.id == id }) else { throw Abort(.notFound) }
        return (context, actie)
    }

    /// A doel or actie based on the version the form names, with a revision when its text changed.
    private func update(
        _ req: Request, _ context: BouwbladContext, record: some Model, schema: String, version: Int?, field: String,
        before: String, after: String, columns: [(String, any Encodable & Sendable)]
    ) async throws {
        guard let version, let id = record.id as? UUID else { throw Abort(.badRequest) }
        let cycleID = (record as? DoelRecord)?.cycleID ?? (record as? ActieRecord)?.cycleID
        let change = try context.change(req, cycle: cycleID, field: field, before: before, after: after)
        let saved = try await req.db.transaction { db -> Bool in
            try await context.store(db).update(schema, id: id, from: version, set: columns, change)
        }
        guard saved else { throw Abort(.conflict) }
    }

    private func refuse(_ req: Request, _ context: BouwbladContext, prefix: String, _ form: some Encodable, _ errors: FieldErrors) async throws -> Response {
        try await BouwbladPage.render(req, context, form: FormState(values: FormState(form).values.prefixed(prefix), errors: errors.prefixed(prefix)), status: .unprocessableEntity)
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
