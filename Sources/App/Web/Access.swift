import Domain
import Vapor

/// Who may call a route at all, declared where the routes are registered. TenantMiddleware
/// and RequireLoginMiddleware enforce it before any handler runs; handlers then check the
/// finer rules (a partner's own activities, a coordinator's own locations). `bouwstenen routes`
/// prints it, and the reliability suite holds every route to it.
enum Access: String, Sendable, CaseIterable {
    /// Anyone, logged in or not.
    case publiek
    /// Anyone who is logged in.
    case ingelogd
    /// Application administrators.
    case beheerder
    /// Every member of the coalition in the path: projectleider, coordinator, partner, lezer.
    case lid
    /// Members who may change things: everyone but the lezer.
    case bewerker
    /// Only the coalition's projectleider.
    case projectleider

    func allows(_ role: Role) -> Bool {
        switch self {
        case .publiek, .ingelogd, .lid: return true
        case .beheerder: return false
        case .bewerker: return role.canEdit
        case .projectleider: return role == .projectleider
        }
    }

    static let userInfoKey = "access"
}

extension Route {
    var access: Access? { userInfo[Access.userInfoKey] as? Access }
}

extension RoutesBuilder {
    /// Routes registered through the result carry `access`; reads (GET) may be opened wider
    /// with `read:`. An inner declaration wins over an outer one.
    func access(_ access: Access, read: Access? = nil) -> any RoutesBuilder {
        AccessRoutes(root: self, write: access, read: read ?? access)
    }
}

private struct AccessRoutes: RoutesBuilder {
    let root: any RoutesBuilder
    let write: Access
    let read: Access

    func add(_ route: Route) {
        if route.access == nil {
            route.userInfo[Access.userInfoKey] = [.GET, .HEAD].contains(route.method) ? read : write
        }
        root.add(route)
    }
}

extension Application {
    /// Refuses to start when a route declares no access: an undeclared route would be
    /// invisible to `bouwstenen routes` and to the reliability suite.
    func checkEveryRouteDeclaresAccess() throws {
        let missing = routes.all.filter { $0.access == nil }.map { "\($0.method.rawValue) /\($0.path.map(\.description).joined(separator: "/"))" }
        guard missing.isEmpty else {
            throw Abort(.internalServerError, reason: "Routes without declared access: \(missing.joined(separator: ", "))")
        }
        let coalitionRoutes = routes.all.filter { $0.path.first?.description == "c" }
        let wrong = coalitionRoutes.filter { ![.lid, .bewerker, .projectleider].contains($0.access) }
        guard wrong.isEmpty else {
            throw Abort(.internalServerError, reason: "Coalition routes need lid, bewerker or projectleider access")
        }
    }
}

/// `bouwstenen routes`: one line per route, tab-separated: method, path, access.
struct AccessRoutesCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Prints every route: method, path and who may call it (tab-separated)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        for route in context.application.routes.all {
            let path = "/" + route.path.map(\.description).joined(separator: "/")
            context.console.print("\(route.method.rawValue)\t\(path)\t\(route.access?.rawValue ?? "?")")
        }
    }
}
