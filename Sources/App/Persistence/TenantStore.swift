import Fluent
import Foundation

/// A feature's store: made with the tenant, it is the only code of its feature that builds
/// queries, and every query it runs is limited to that coalition. An id of another coalition
/// finds nothing.
///
/// A store is a struct with two stored properties, `coalitionID` and `db`; its memberwise
/// initialiser is the protocol's (a store the Fixtures target uses is `package` and spells
/// that initialiser out, since a memberwise one is never wider than internal).
package protocol TenantStore {
    var coalitionID: UUID { get }
    var db: any Database { get }
    init(coalitionID: UUID, db: any Database)
}

extension TenantStore {
    package init(coalitionID: UUID, on db: any Database) {
        self.init(coalitionID: coalitionID, db: db)
    }

    init(_ tenant: Tenant, on db: any Database) {
        self.init(coalitionID: tenant.coalitionID, db: db)
    }
}

extension TenantStore {
    /// Optimistic save of one row of this coalition (see `Versioned`): false when someone
    /// else saved in between, or when the row is not this coalition's.
    func update(_ table: String, id: UUID, from version: Int, set values: [(String, any Encodable & Sendable)], now: Date) async throws -> Bool {
        try await Versioned.update(table, id: id, coalitionID: coalitionID, expectedVersion: version, set: values, on: db, now: now)
    }
}
