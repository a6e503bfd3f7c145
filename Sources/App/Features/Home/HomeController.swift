import Domain
import Fluent
import Vapor

/// `/`: straight to the coalition if there is one, a choice if there are several.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.start, use: home)
    }

    struct Item: Encodable { let href: String; let name: String; let period: String; let role: String }
    struct Page: Encodable { let layout: Layout; let coalitions: [Item]; let hasCoalitions: Bool }

    func home(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let coalitions = try await CoalitionsStore(on: req.db).coalitions(of: user.requireID())
        if coalitions.count == 1, req.query[String.self, at: "kies"] == nil { return .seeOther(Paths.coalition(coalitions[0].coalition.slug).home) }
        let items = coalitions.map { c, role in
            Item(href: Paths.coalition(c.slug).home, name: c.name, period: c.period.label, role: Messages.roleLabel(role).lowercased())
        }
        return try await req.page("home/coalitions", title: "Je coalities") { Page(layout: $0, coalitions: items, hasCoalitions: !items.isEmpty) }
    }
}
