import Domain
import Fluent
import Vapor

/// The title, who keeps a bouwblad and who contributes, saved together from the
/// Instellingen page (whether it is ready for the report follows from its data). Only projectleider and coordinator change
/// this: a partner must not grant itself rights (a contributor changes only the title).
struct SettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(Paths.coalition(.param).bouwblad(.param).settings, use: save)
    }

    func save(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        guard context.tenant.role.canEditBouwblad() else { throw Abort(.forbidden) }
        let edit = try req.form(Edit<SettingsForm>.self)
        guard let version = edit.version else { throw Abort(.badRequest) }
        var errors = FieldErrors()
        guard let title = Text.line(edit.form.title ?? context.bouwblad.title, field: TitleForm.CodingKeys.title, max: BouwsteenController.titleMax,
                                    required: false, into: &errors) else {
            return try await BouwbladForms.settings(req, context, form: FormState(edit.form, errors: errors), contributors: edit.form.contributors ?? [],
                                                    status: .unprocessableEntity)
        }
        let memberIDs = try await context.store(req.db).memberIDs()
        let keeper = edit.form.keeper.flatMap { UUID(uuidString: $0) }
        guard keeper.map(memberIDs.contains) ?? true else { throw Abort(.badRequest) }
        let contributors = Set((edit.form.contributors ?? []).compactMap { UUID(uuidString: $0) })
        guard contributors.isSubset(of: memberIDs) else { throw Abort(.badRequest) }
        let userID = try req.requireUser().requireID(), bouwbladID = try context.bouwblad.requireID()
        let change = try context.change(req, cycle: nil, field: "title", before: context.bouwblad.title, after: title)
        // The title's update raises the version by one; the settings follow on that version.
        let saved = try await req.db.transaction { db -> Bool in
            let store = context.store(db)
            guard try await store.update(title: title, from: version, change) else { return false }
            return try await store.update(settingsOf: bouwbladID, from: version + 1, keeper: keeper,
                                          contributors: contributors, by: userID, now: req.now)
        }
        guard saved else { throw Abort(.conflict) }
        try await req.flash("De instellingen van het bouwblad zijn opgeslagen.")
        return .seeOther(context.base)
    }
}

/// The title, who keeps the bouwblad and who contributes (`contributors[]`).
struct SettingsForm: Codable {
    enum CodingKeys: String, CodingKey, FieldName { case title, keeper, contributors }
    var title, keeper: String?
    var contributors: [String]?
}
