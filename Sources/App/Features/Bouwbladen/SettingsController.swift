import Domain
import Fluent
import Vapor

/// Who keeps a bouwblad, who contributes, and whether it is ready for the report.
/// Only projectleider and coordinator change this: a partner must not grant itself rights.
struct SettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(Paths.coalition(.param).bouwblad(.param).settings, use: save)
    }

    func save(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        guard context.tenant.role.canEditBouwblad() else { throw Abort(.forbidden) }
        let edit = try req.form(Edit<SettingsForm>.self)
        guard let version = edit.version else { throw Abort(.badRequest) }
        let memberIDs = try await context.store(req.db).memberIDs()
        let keeper = edit.form.keeper.flatMap { UUID(uuidString: $0) }
        guard keeper.map(memberIDs.contains) ?? true else { throw Abort(.badRequest) }
        let contributors = Set((edit.form.contributors ?? []).compactMap { UUID(uuidString: $0) })
        guard contributors.isSubset(of: memberIDs) else { throw Abort(.badRequest) }
        let ready = edit.form.ready == "ja"
        if ready, !context.cycles.contains(where: { $0.closedAt != nil }) {
            return try await BouwbladPage.render(req, context, problem: "Een bouwblad is klaar voor het rapport als er minstens één cyclus is afgerond.", status: .unprocessableEntity)
        }
        let userID = try req.requireUser().requireID(), bouwbladID = try context.bouwblad.requireID()
        let saved = try await req.db.transaction { db -> Bool in
            try await context.store(db).update(settingsOf: bouwbladID, from: version, keeper: keeper, ready: ready,
                                               contributors: contributors, by: userID, now: req.now)
        }
        guard saved else { throw Abort(.conflict) }
        try await req.flash(ready ? "Opgeslagen. Dit bouwblad staat op ‘klaar voor rapport’." : "De instellingen van het bouwblad zijn opgeslagen.")
        return .seeOther(context.base)
    }
}

/// Who keeps the bouwblad, who contributes (`contributors[]`), and whether it is ready.
struct SettingsForm: Codable {
    enum CodingKeys: String, CodingKey, FieldName { case keeper, contributors, ready }
    var keeper, ready: String?
    var contributors: [String]?
}
