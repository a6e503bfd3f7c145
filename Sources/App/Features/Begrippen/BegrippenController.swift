import Domain
import Vapor

/// `/begrippen`: the one word Bouwstenen uses for each thing, and what it means. Open to
/// everyone and fixed, so it reads nothing from the database. The states and roles come
/// from the code that defines them, so the page cannot drift from what the app says.
struct BegrippenController: RouteCollection {
    struct RoleTerm: Encodable { let label: String; let help: String }
    struct Page: Encodable { let layout: Layout; let legend: [StateTag]; let roles: [RoleTerm] }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.begrippen.components) { req in
            try req.page("begrippen/page", Page(
                layout: req.layoutWithoutDatabase("Begrippen"), legend: StateTag.legend,
                roles: Role.allCases.map { RoleTerm(label: Messages.roleLabel($0), help: Messages.roleHelp($0).capitalizedFirst + ".") }))
        }
    }
}
