import Domain
import Fluent
import Vapor

/// Removing a bouwblad or a cycle asks first and puts it in the prullenbak, where it
/// can be put back for 30 days. Only the projectleider removes things for good.
struct TrashController: RouteCollection {
    static let keepDays = 30

    func boot(routes: any RoutesBuilder) throws {
        let bouwblad = Paths.coalition(.param).bouwblad(.param), trash = Paths.coalition(.param).prullenbak
        routes.access(.bewerker).get(bouwblad.delete, use: confirmBouwblad)
        routes.post(bouwblad.delete, use: removeBouwblad)
        routes.access(.bewerker).get(bouwblad.cycle(.param).delete, use: confirmCycle)
        routes.post(bouwblad.cycle(.param).delete, use: removeCycle)
        routes.get(trash.address, use: list)
        routes.post(trash.restoreBouwblad(.param), use: restoreBouwblad)
        routes.post(trash.restoreCycle(.param), use: restoreCycle)
        routes.access(.projectleider).post(trash.empty, use: empty)
    }

    struct Confirm: Encodable { let layout: Layout; let what: String; let detail: String; let action: String; let backHref: String }

    func confirmBouwblad(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        guard context.tenant.role.canEditBouwblad() else { throw Abort(.forbidden) }
        let cycles = context.cycles.count == 1 ? "1 cyclus" : "\(context.cycles.count) cycli"
        return try await confirm(req, what: "het bouwblad ‘\(context.bouwblad.title.isEmpty ? context.questionText : context.bouwblad.title)’",
                                 detail: "Met \(cycles), de doelen en de acties.", action: context.paths.delete.path, back: context.base)
    }

    func removeBouwblad(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        guard context.tenant.role.canEditBouwblad() else { throw Abort(.forbidden) }
        try await TrashStore(context.tenant, on: req.db).remove(context.bouwblad, by: try req.requireUser().id)
        try await req.flash("Het bouwblad staat in de prullenbak. Je kunt het daar \(Self.keepDays) dagen terugzetten.")
        return .seeOther(Paths.coalition(context.tenant.coalition.slug).bouwsteen(context.bouwsteen.key.code).path)
    }

    func confirmCycle(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        guard context.tenant.role.canEditBouwblad() else { throw Abort(.forbidden) }
        let cycle = try context.cycle(req)
        guard context.cycles.count > 1 else { return try await BouwbladPage.render(req, context, problem: Self.lastCycle, status: .unprocessableEntity) }
        return try await confirm(req, what: "cyclus \(cycle.number)", detail: "Met de vier stappen, de doelen en de acties van deze cyclus.",
                                 action: context.paths.cycle(try cycle.requireID()).delete.path, back: context.base + "#cyclus-\(cycle.number)")
    }

    static let lastCycle = "Dit is de enige cyclus van het bouwblad. Verwijder dan het hele bouwblad."

    func removeCycle(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        guard context.tenant.role.canEditBouwblad() else { throw Abort(.forbidden) }
        let cycle = try context.cycle(req)
        guard context.cycles.count > 1 else { return try await BouwbladPage.render(req, context, problem: Self.lastCycle, status: .unprocessableEntity) }
        try await TrashStore(context.tenant, on: req.db).remove(cycle, by: try req.requireUser().id)
        try await req.flash("Cyclus \(cycle.number) staat in de prullenbak. Je kunt hem daar \(Self.keepDays) dagen terugzetten.")
        return .seeOther(context.base)
    }

    struct Item: Encodable { let kind: String; let what: String; let deletedBy: String; let deletedOn: String; let restoreAction: String? }
    struct Page: Encodable { let layout: Layout; let items: [Item]; let hasItems: Bool; let canEmpty: Bool; let emptyAction: String; let keepDays: Int }

    func list(req: Request) async throws -> Response {
        let tenant = try req.tenant
        let store = TrashStore(tenant, on: req.db)
        // After 30 days an item is gone for good.
        try await store.purge(removedBefore: req.now.addingTimeInterval(-Double(Self.keepDays) * 24 * 3600))
        let bouwbladen = try await store.deletedBouwbladen()
        let cycles = try await store.deletedCycles()
        let live = try await store.liveBouwbladen()
        let catalog = try await req.formatCatalog()
        let names = try await store.names(of: Set(bouwbladen.compactMap(\.deletedBy) + cycles.compactMap(\.deletedBy)))
        func label(_ b: BouwbladRecord) -> String {
            let name = catalog.bouwsteen(id: b.bouwsteenID)?.key.name ?? ""
            return "\(name): \(b.title.isEmpty ? (b.questionID.flatMap { catalog.question(id: $0)?.1.text } ?? b.ownQuestion ?? "") : b.title)"
        }
        let canRestore = tenant.role.canEditBouwblad()
        let trash = Paths.coalition(tenant.coalition.slug).prullenbak
        var items = try bouwbladen.map { b in
            Item(kind: "Bouwblad", what: label(b), deletedBy: b.deletedBy.flatMap { names[$0] } ?? "onbekend",
                 deletedOn: DutchDate.dayMonthYear(b.deletedAt ?? req.now), restoreAction: canRestore ? trash.restoreBouwblad(try b.requireID()).path : nil)
        }
        // A cycle of a bouwblad that is itself in the prullenbak comes back with it.
        let liveByID = Dictionary(uniqueKeysWithValues: try live.map { (try $0.requireID(), $0) })
        items += try cycles.compactMap { c in
            guard let b = liveByID[c.bouwbladID] else { return nil }
            return Item(kind: "Cyclus \(c.number)", what: label(b), deletedBy: c.deletedBy.flatMap { names[$0] } ?? "onbekend",
                        deletedOn: DutchDate.dayMonthYear(c.deletedAt ?? req.now), restoreAction: canRestore ? trash.restoreCycle(try c.requireID()).path : nil)
        }
        return try await req.page("trash/list", title: "Prullenbak", current: .prullenbak) { layout in
            Page(layout: layout, items: items, hasItems: !items.isEmpty,
                            canEmpty: tenant.role == .projectleider, emptyAction: trash.empty.path, keepDays: Self.keepDays)
        }
    }

    func restoreBouwblad(req: Request) async throws -> Response {
        let tenant = try req.require { $0.canEditBouwblad() }
        let store = TrashStore(tenant, on: req.db)
        guard let id = req.parameters.get("itemID", as: UUID.self), let bouwblad = try await store.deletedBouwblad(id) else { throw Abort(.notFound) }
        try await store.restore(bouwblad)
        try await req.flash("Het bouwblad is teruggezet.")
        return .seeOther(Paths.coalition(tenant.coalition.slug).bouwblad(id).path)
    }

    func restoreCycle(req: Request) async throws -> Response {
        let tenant = try req.require { $0.canEditBouwblad() }
        let store = TrashStore(tenant, on: req.db)
        guard let id = req.parameters.get("itemID", as: UUID.self), let cycle = try await store.deletedCycle(id) else { throw Abort(.notFound) }
        try await store.restore(cycle)
        try await req.flash("Cyclus \(cycle.number) is teruggezet.")
        return .seeOther(Paths.coalition(tenant.coalition.slug).bouwblad(cycle.bouwbladID).path + "#cyclus-\(cycle.number)")
    }

    func empty(req: Request) async throws -> Response {
        let tenant = try req.require { $0 == .projectleider }
        try await TrashStore(tenant, on: req.db).empty()
        try await req.flash("De prullenbak is leeg. Wat erin stond, is definitief verwijderd.")
        return .seeOther(Paths.coalition(tenant.coalition.slug).prullenbak.path)
    }

    private func confirm(_ req: Request, what: String, detail: String, action: String, back: String) async throws -> Response {
        try await req.page("trash/confirm", title: "Verwijderen?", current: .start) { Confirm(layout: $0, what: what, detail: detail, action: action, backHref: back) }
    }
}
