import Domain
import Vapor

/// `POST /c/{slug}/overleg/mijn-agenda`: makes or renews the member's own calendar feed.
/// Every member may: a lezer or partner follows the meetings in their own calendar too.
struct PersonalFeedController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(Paths.coalition(.param).overleg.personalFeed, use: renew)
    }

    func renew(req: Request) async throws -> Response {
        let tenant = try req.tenant
        let store = OverlegStore(tenant, on: req.db), member = try tenant.membership.requireID()
        let renewing = try await store.personalFeed(of: member) != nil
        try await store.renewPersonalFeed(of: member, token: Tokens.random())
        try await req.flash(renewing ? "Je hebt een nieuwe eigen agenda-link. De oude werkt niet meer." : "Je eigen agenda-link is gemaakt.")
        return .seeOther(Paths.coalition(tenant.coalition.slug).overleg.path + "#eigen-agenda")
    }
}
