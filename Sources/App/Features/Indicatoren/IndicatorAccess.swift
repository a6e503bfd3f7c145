import Domain
import Fluent
import Vapor

/// Who may do what with indicators: the projectleider defines them and their norms and
/// types any value; a coordinator sees them over their own locations and types the values
/// of those locations; a partner sees the indicators about activities, over their own
/// activities; a lezer reads.
struct IndicatorAccess {
    let tenant: Tenant
    /// The locations a coordinator coordinates (empty for other roles).
    let ownLocations: Set<UUID>
    var role: Role { tenant.role }
    var paths: Paths.Indicatoren { Paths.coalition(tenant.coalition.slug).indicatoren }
    var canDefine: Bool { role == .projectleider }

    static func load(_ req: Request) async throws -> IndicatorAccess {
        let tenant = try req.tenant
        return IndicatorAccess(tenant: tenant, ownLocations: try await PlacesStore.coordinated(by: tenant, on: req.db))
    }

    static func defining(_ req: Request) async throws -> IndicatorAccess {
        let access = try await load(req)
        guard access.canDefine else { throw Abort(.forbidden) }
        return access
    }

    func store(_ db: any Database) -> IndicatorenStore { IndicatorenStore(tenant, on: db) }

    func maySee(_ indicator: IndicatorRecord) -> Bool { role != .partner || indicator.sourceValue.isAboutActivities }

    /// The data this person computes with: a coordinator's locations, a partner's activities.
    func narrow(_ data: IndicatorData) -> IndicatorData {
        switch role {
        case .coordinator: return data.limited(toLocations: Set(ownLocations.map(\.uuidString)))
        case .partner: return data.limited(toPartner: tenant.membership.partnerID?.uuidString)
        default: return data
        }
    }

    /// The places whose hand value this person types: "" is the whole coalition.
    func places(of indicator: IndicatorRecord, locations: [LocationRecord]) -> [(place: String, label: String)] {
        guard indicator.sourceValue == .hand else { return [] }
        if !indicator.perLocation { return role == .projectleider ? [("", "De hele coalitie")] : [] }
        return locations.compactMap { location in
            guard let id = location.id, role == .projectleider || (role == .coordinator && ownLocations.contains(id)) else { return nil }
            return (id.uuidString, location.name)
        }
    }

    /// The indicator of the path, or 404 (another coalition's, or not for this person).
    func indicator(_ req: Request) async throws -> IndicatorRecord {
        guard let id = req.parameters.get("indicatorID", as: UUID.self),
              let found = try await store(req.db).indicator(id), maySee(found) else { throw Abort(.notFound) }
        return found
    }
}
