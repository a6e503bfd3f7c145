import Vapor

/// `/privacy`: what Bouwstenen stores, about whom, who sees it and for how long. Open to
/// everyone (also before logging in): a parent or a partner may ask before using it.
/// A fixed page, so it reads nothing from the database.
struct PrivacyController: RouteCollection {
    struct Page: Encodable { let layout: Layout }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.privacy.components) { req in
            try req.page("privacy/statement", Page(layout: req.layoutWithoutDatabase("Privacy")))
        }
    }
}
