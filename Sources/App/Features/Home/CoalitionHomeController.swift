import Domain
import Fluent
import Vapor

/// `/c/{slug}/`: the coalition's home.
struct CoalitionHomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: show)
    }

    struct Named { let name: String; let detail: String }
    struct Page {
        let layout: Layout
        let name: String
        let period: String
        let role: String
        let roleHelp: String
        let memberSummary: String
        let locations: [Named]
        let hasLocations: Bool
        let partners: [Named]
        let hasPartners: Bool
        let canManage: Bool
        let membersHref: String
    }

    func show(req: Request) async throws -> Response {
        let tenant = try req.tenant
        let id = tenant.coalitionID
        let locations = try await LocationRecord.query(on: req.db).filter(\.$coalitionID == id).sort(\.$name).all()
        let partners = try await PartnerRecord.query(on: req.db).filter(\.$coalitionID == id).sort(\.$name).all()
        let members = try await MembershipRecord.query(on: req.db).filter(\.$coalitionID == id).count()
        let page = Page(
            layout: try await req.layout(tenant.coalition.name, current: "start"),
            name: tenant.coalition.name, period: tenant.coalition.period.label,
            role: Messages.roleLabel(tenant.role).lowercased(), roleHelp: Messages.roleHelp(tenant.role),
            memberSummary: members == 1 ? "1 lid" : "\(members) leden",
            locations: locations.map { Named(name: $0.name, detail: $0.school) }, hasLocations: !locations.isEmpty,
            partners: partners.map { Named(name: $0.name, detail: $0.kind) }, hasPartners: !partners.isEmpty,
            canManage: tenant.role.canManageMembers, membersHref: "/c/\(tenant.coalition.slug)/leden")
        return try req.page("coalition/home", page)
    }
}
