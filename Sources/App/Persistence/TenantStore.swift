import Fluent
import Foundation

/// A feature's store: made with the tenant, it is the only code of its feature that builds
/// queries, and every query it runs is limited to that coalition. An id of another coalition
/// finds nothing.
protocol TenantStore {
    var coalitionID: UUID { get }
    var db: any Database { get }
    init(coalitionID: UUID, on db: any Database)
}

extension TenantStore {
    init(_ tenant: Tenant, on db: any Database) {
        self.init(coalitionID: tenant.coalitionID, on: db)
    }
}
