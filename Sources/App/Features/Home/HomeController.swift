import Domain
import Fluent
import Vapor

/// `/`: straight to the coalition if there is one, a choice if there are several. A
/// projectleider starts on the dashboard (what needs attention), everyone else on the raster;
/// the raster is one click away in the menu.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.start, use: home)
    }

    struct Item: Encodable { let href: String; let name: String; let period: String; let role: String }
    struct Page: Encodable { let layout: Layout; let coalitions: [Item]; let hasCoalitions: Bool }

    func home(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let coalitions = try await CoalitionsStore(on: req.db).coalitions(of: user.requireID())
        if coalitions.count == 1, req.query[String.self, at: "kies"] == nil { return .seeOther(Self.start(coalitions[0].coalition.slug, coalitions[0].role)) }
        let items = coalitions.map { c, role in
            Item(href: Self.start(c.slug, role), name: c.name, period: c.period.label, role: Messages.roleLabel(role).lowercased())
        }
        return try await req.page("home/coalitions", title: "Je coalities") { Page(layout: $0, coalitions: items, hasCoalitions: !items.isEmpty) }
    }

    /// Where a member of a coalition starts.
    static func start(_ slug: String, _ role: Role) -> String {
        role == .projectleider ? Paths.coalition(slug).dashboard.path : Paths.coalition(slug).home
    }
}
