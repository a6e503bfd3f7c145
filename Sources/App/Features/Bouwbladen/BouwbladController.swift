import Domain
import Fluent
import Vapor

/// `/c/{slug}/bouwbladen/{id}`: one bouwblad, its cycles and their four steps.
struct BouwbladController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let bouwblad = Paths.coalition(.param).bouwblad(.param)
        routes.get(bouwblad.address, use: show)
        routes.post(bouwblad.cycle(.param).step(.param), use: saveStep)
        routes.post(bouwblad.cycle(.param).period, use: savePeriod)
        routes.post(bouwblad.title, use: saveTitle)
    }

    func show(req: Request) async throws -> Response {
        try await BouwbladPage.render(req, try await BouwbladContext.load(req))
    }

    func saveStep(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        try context.requireEdit()
        let cycle = try context.cycle(req)
        let step = try StepPage.step(req)
        let form = try req.form(StepForm.self)
        var errors = FieldErrors()
        guard let version = Versioned.parse(form.version) else { throw Abort(.badRequest) }
        guard let text = PlainText.validate(form.text, field: StepForm.CodingKeys.text, max: CycleStep.maxLength, into: &errors) else {
            return try await StepPage.render(req, context, cycle: cycle, step: step, typed: form.text ?? "", version: version, errors: errors, status: .unprocessableEntity)
        }
        if form.then == StepForm.preview {
            return try await StepPage.render(req, context, cycle: cycle, step: step, typed: text, version: version, preview: true)
        }
        // The form carries the version of the step the person started from: a newer one is a conflict.
        let outcome = try await StepWriter.save(req, context, cycle: cycle, step: step,
                                                flash: "Stap \(step.number) van cyclus \(cycle.number) is opgeslagen.") { current, currentVersion in
            guard currentVersion == version else { return .conflict }
            return current == text ? .unchanged : .write(text)
        }
        if case .conflict(let theirs) = outcome {
            return try await ConflictPage.render(req, context, cycle: theirs, step: step, yours: text)
        }
        if form.then == StepForm.next, let next = CycleStep.allCases.first(where: { $0.number == step.number + 1 }) {
            return .seeOther(context.paths.cycle(try cycle.requireID()).step(next.rawValue).path)
        }
        return .seeOther(context.base + "#stap-\(try cycle.requireID())-\(step.rawValue)")
    }

    func savePeriod(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        try context.requireEdit()
        let cycle = try context.cycle(req)
        let edit = try req.form(Edit<PeriodForm>.self)
        var errors = FieldErrors()
        guard let period = CyclePeriod.validate(edit.form, into: &errors), let version = edit.version else {
            if errors.isEmpty { throw Abort(.badRequest) }
            let prefix = "periode-\(try cycle.requireID())"
            return try await BouwbladForms.period(req, context, cycle, form: FormState(values: FormState(edit.form).values.prefixed(prefix), errors: errors.prefixed(prefix)),
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
        let edit = try req.form(Edit<TitleForm>.self)
        var errors = FieldErrors()
        guard let title = Text.line(edit.form.title, field: TitleForm.CodingKeys.title, max: BouwsteenController.titleMax, required: false, into: &errors),
              let version = edit.version else {
            if errors.isEmpty { throw Abort(.badRequest) }
            return try await BouwbladForms.settings(req, context, form: FormState(edit.form, errors: errors), status: .unprocessableEntity)
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

/// One step's text, the version of the step it was based on, and where to go after
/// saving (`then`: the next step, back to the bouwblad, or a preview without saving).
struct StepForm: Codable {
    enum CodingKeys: String, CodingKey, FieldName { case text, version, then }
    var text, version, then: String?
    static let next = "volgende", preview = "voorbeeld"
}

/// A bouwblad's short title (also on a new bouwblad).
struct TitleForm: Codable {
    enum CodingKeys: String, CodingKey, FieldName { case title }
    var title: String?
}
