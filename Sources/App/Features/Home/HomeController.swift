import Domain
import Fluent
import Vapor

/// `/`: straight to the coalition if there is one, a choice if there are several.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
    }

    struct Item: Encodable { let slug: String; let name: String; let period: String; let role: String }
    struct Page: Encodable { let layout: Layout; let coalitions: [Item]; let hasCoalitions: Bool }

    func home(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let memberships = try await MembershipRecord.query(on: req.db).filter(\.$user.$id == user.id!).all()
        let roles = Dictionary(memberships.map { ($0.coalitionID, $0.role) }, uniquingKeysWith: { a, _ in a })
        let coalitions = memberships.isEmpty ? [] : try await CoalitionRecord.query(on: req.db)
            .filter(\.$id ~~ memberships.map(\.coalitionID)).sort(\.$name).all()
        if coalitions.count == 1, req.query[String.self, at: "kies"] == nil { return .seeOther(Paths.coalition(coalitions[0].slug).home) }
        let items = coalitions.map {
            Item(slug: $0.slug, name: $0.name, period: $0.period.label, role: Messages.roleLabel(roles[$0.id!]!).lowercased())
        }
        return try req.page("home/coalitions", Page(layout: try await req.layout("Je coalities"), coalitions: items, hasCoalitions: !items.isEmpty))
    }
}
