import Domain
import Fluent
import Vapor

/// `/c/{slug}/bouwbladen/{id}`: one bouwblad, its cycles and their four steps.
struct BouwbladController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let bouwblad = routes.grouped("bouwbladen", ":bouwbladID")
        bouwblad.get(use: show)
        bouwblad.post("cycli", ":cycleID", "stappen", ":step", use: saveStep)
        bouwblad.post("cycli", ":cycleID", "periode", use: savePeriod)
        bouwblad.post("titel", use: saveTitle)
    }

    func show(req: Request) async throws -> Response {
        try await BouwbladPage.render(req, try await BouwbladContext.load(req))
    }

    func saveStep(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        try context.requireEdit()
        var cycle = try context.cycle(req)
        guard let step = req.parameters.get("step").flatMap(CycleStep.init(rawValue:)) else { throw Abort(.notFound) }
        let values = try req.formValues()
        var errors = FieldErrors()
        guard let text = PlainText.validate(values["text"], field: "step-\(cycle.id!)-\(step.rawValue)", max: CycleStep.maxLength, into: &errors) else {
            return try await BouwbladPage.render(req, context, form: FormState(values: ["step-\(cycle.id!)-\(step.rawValue)": values["text"] ?? ""], errors: errors), status: .unprocessableEntity)
        }
        guard let base = values["base"] else { throw Abort(.badRequest) }
        let userID = try req.requireUser().id!
        // Another save may land between our read and our write; the version check in
        // the UPDATE catches that, and we look again.
        for _ in 0..<5 {
            let current = cycle.text(step)
            guard Tokens.sha256(current) == base else {
                return try await ConflictPage.render(req, context, cycle: cycle, step: step, yours: text)
            }
            if current == text { return .seeOther(context.base + "#stap-\(cycle.id!)-\(step.rawValue)") }
            let saved = try await req.db.transaction { [cycle] db in
                guard try await StepWriter.write(db, context: context, cycle: cycle, field: step.rawValue, before: current, after: text, userID: userID, now: req.now) else {
                    return false
                }
                try await req.flash("Stap \(step.number) van cyclus \(cycle.number) is opgeslagen.", on: db)
                return true
            }
            if saved { return .seeOther(context.base + "#stap-\(cycle.id!)-\(step.rawValue)") }
            guard let fresh = try await CycleRecord.query(on: req.db).filter(\.$id == cycle.id!).filter(\.$coalitionID == context.tenant.coalitionID).first() else {
                throw Abort(.notFound)
            }
            cycle = fresh
        }
        throw Abort(.conflict)
    }

    func savePeriod(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        try context.requireEdit()
        let cycle = try context.cycle(req)
        let values = try req.formValues()
        var errors = FieldErrors()
        guard let period = CyclePeriod.validate(from: values["periodFrom"], to: values["periodTo"], into: &errors),
              let version = Versioned.parse(values["version"]) else {
            if errors.isEmpty { throw Abort(.badRequest) }
            let prefix = "periode-\(cycle.id!)"
            return try await BouwbladPage.render(req, context, form: FormState(values: values.prefixed(prefix), errors: errors.prefixed(prefix)),
                                                 status: .unprocessableEntity)
        }
        let saved = try await Versioned.update(
            CycleRecord.schema, id: cycle.id!, coalitionID: context.tenant.coalitionID, expectedVersion: version,
            set: [("period_from", period.from?.iso), ("period_to", period.to?.iso)], on: req.db, now: req.now)
        guard saved else { throw Abort(.conflict) }
        try await req.flash("De periode van cyclus \(cycle.number) is opgeslagen.")
        return .seeOther(context.base + "#cyclus-\(cycle.number)")
    }

    func saveTitle(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        try context.requireEdit()
        let values = try req.formValues()
        var errors = FieldErrors()
        guard let title = Text.line(values["title"], field: "title", max: BouwsteenController.titleMax, required: false, into: &errors),
              let version = Versioned.parse(values["version"]) else {
            if errors.isEmpty { throw Abort(.badRequest) }
            return try await BouwbladPage.render(req, context, form: FormState(values: values, errors: errors), status: .unprocessableEntity)
        }
        let userID = try req.requireUser().id!
        let saved = try await req.db.transaction { db -> Bool in
            guard try await Versioned.update(BouwbladRecord.schema, id: context.bouwblad.id!, coalitionID: context.tenant.coalitionID,
                                             expectedVersion: version, set: [("title", title), ("updated_by", userID)], on: db, now: req.now) else { return false }
            if title != context.bouwblad.title {
                try await RevisionRecord(coalitionID: context.tenant.coalitionID, bouwbladID: context.bouwblad.id!, cycleID: nil,
                                         field: "title", before: context.bouwblad.title, after: title, userID: userID, createdAt: req.now).create(on: db)
            }
            return true
        }
        guard saved else { throw Abort(.conflict) }
        try await req.flash("De titel is opgeslagen.")
        return .seeOther(context.base)
    }
}

/// Writes one step of a cycle together with its revision, in one transaction (or in the
/// caller's: Fluent runs a transaction inside a transaction as part of the outer one).
enum StepWriter {
    static func write(
        _ db: any Database, context: BouwbladContext, cycle: CycleRecord, field: String, before: String, after: String, userID: UUID, now: Date
    ) async throws -> Bool {
        try await db.transaction { db in
            guard try await Versioned.update(CycleRecord.schema, id: cycle.id!, coalitionID: context.tenant.coalitionID,
                                             expectedVersion: cycle.version, set: [(field, after)], on: db, now: now) else { return false }
            try await RevisionRecord(coalitionID: context.tenant.coalitionID, bouwbladID: context.bouwblad.id!, cycleID: cycle.id,
                                     field: field, before: before, after: after, userID: userID, createdAt: now).create(on: db)
            try await touch(db, bouwblad: context.bouwblad, userID: userID, now: now)
            return true
        }
    }

    /// The raster shows who changed a bouwblad last, and when.
    static func touch(_ db: any Database, bouwblad: BouwbladRecord, userID: UUID, now: Date) async throws {
        try await BouwbladRecord.query(on: db).filter(\.$id == bouwblad.id!)
            .set(\.$updatedBy, to: userID).set(\.$updatedAt, to: now).update()
    }
}
