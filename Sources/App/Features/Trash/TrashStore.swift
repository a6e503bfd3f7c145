import Fluent
import Foundation
import Vapor

/// The only code of the prullenbak that queries. Made with the tenant: every bouwblad and
/// cycle it reads, restores or removes for good belongs to that coalition.
struct TrashStore: TenantStore {
    let coalitionID: UUID
    let db: any Database

    private func bouwbladen() -> QueryBuilder<BouwbladRecord> {
        BouwbladRecord.query(on: db).withDeleted().filter(\.$coalitionID == coalitionID)
    }

    private func cycles() -> QueryBuilder<CycleRecord> {
        CycleRecord.query(on: db).withDeleted().filter(\.$coalitionID == coalitionID)
    }

    // MARK: reading

    func deletedBouwbladen() async throws -> [BouwbladRecord] { try await bouwbladen().filter(\.$deletedAt != nil).all() }
    func deletedCycles() async throws -> [CycleRecord] { try await cycles().filter(\.$deletedAt != nil).all() }
    func liveBouwbladen() async throws -> [BouwbladRecord] { try await BouwbladRecord.query(on: db).filter(\.$coalitionID == coalitionID).all() }

    func deletedBouwblad(_ id: UUID) async throws -> BouwbladRecord? {
        try await bouwbladen().filter(\.$id == id).filter(\.$deletedAt != nil).first()
    }

    func deletedCycle(_ id: UUID) async throws -> CycleRecord? {
        try await cycles().filter(\.$id == id).filter(\.$deletedAt != nil).first()
    }

    /// Who removed what: names of people, who are not owned by one coalition.
    func names(of people: Set<UUID>) async throws -> [UUID: String] {
        guard !people.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await UserRecord.query(on: db).filter(\.$id ~~ people).all().map { (try $0.requireID(), $0.name) })
    }

    // MARK: writing

    /// Into the prullenbak, with who did it (soft delete: `deleted_at` is set).
    func remove(_ bouwblad: BouwbladRecord, by userID: UUID?) async throws {
        guard bouwblad.coalitionID == coalitionID else { throw Abort(.notFound) }
        bouwblad.deletedBy = userID
        try await db.transaction { db in
            try await bouwblad.update(on: db)
            try await bouwblad.delete(on: db)
        }
    }

    func remove(_ cycle: CycleRecord, by userID: UUID?) async throws {
        guard cycle.coalitionID == coalitionID else { throw Abort(.notFound) }
        cycle.deletedBy = userID
        try await db.transaction { db in
            try await cycle.update(on: db)
            try await cycle.delete(on: db)
        }
    }

    func restore(_ bouwblad: BouwbladRecord) async throws {
        guard bouwblad.coalitionID == coalitionID else { throw Abort(.notFound) }
        try await bouwblad.restore(on: db)
    }

    func restore(_ cycle: CycleRecord) async throws {
        guard cycle.coalitionID == coalitionID else { throw Abort(.notFound) }
        try await cycle.restore(on: db)
    }

    /// Everything in the prullenbak, gone for good.
    func empty() async throws {
        let coalitionID = self.coalitionID
        try await db.transaction { db in
            let inside = TrashStore(coalitionID: coalitionID, on: db)
            try await inside.cycles().filter(\.$deletedAt != nil).delete(force: true)
            try await inside.bouwbladen().filter(\.$deletedAt != nil).delete(force: true)
        }
    }

    /// What has been in the prullenbak since before `limit`, gone for good.
    func purge(removedBefore limit: Date) async throws {
        try await cycles().filter(\.$deletedAt < limit).delete(force: true)
        try await bouwbladen().filter(\.$deletedAt < limit).delete(force: true)
    }
}
