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
        let cycle = try context.cycle(req)
        guard let step = req.parameters.get("step").flatMap(CycleStep.init(rawValue:)) else { throw Abort(.notFound) }
        let values = try req.formValues()
        var errors = FieldErrors()
        guard let text = PlainText.validate(values["text"], field: "step-\(cycle.id!)-\(step.rawValue)", max: CycleStep.maxLength, into: &errors) else {
            return try await BouwbladPage.render(req, context, form: FormState(values: ["step-\(cycle.id!)-\(step.rawValue)": values["text"] ?? ""], errors: errors), status: .unprocessableEntity)
        }
        guard let base = values["base"] else { throw Abort(.badRequest) }
        // The form carries a hash of the text the person started from: another text now is a conflict.
        let outcome = try await StepWriter.save(req, context, cycle: cycle, step: step,
                                                flash: "Stap \(step.number) van cyclus \(cycle.number) is opgeslagen.") { current in
            guard Tokens.sha256(current) == base else { return .conflict }
            return current == text ? .unchanged : .write(text)
        }
        if case .conflict(let theirs) = outcome {
            return try await ConflictPage.render(req, context, cycle: theirs, step: step, yours: text)
        }
        return .seeOther(context.base + "#stap-\(cycle.id!)-\(step.rawValue)")
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
        let saved = try await context.store(req.db).update(period: period, of: cycle.requireID(), from: version, now: req.now)
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
        let change = try context.change(req, cycle: nil, field: "title", before: context.bouwblad.title, after: title)
        let saved = try await req.db.transaction { db -> Bool in
            try await context.store(db).update(title: title, from: version, change)
        }
        guard saved else { throw Abort(.conflict) }
        try await req.flash("De titel is opgeslagen.")
        return .seeOther(context.base)
    }
}
