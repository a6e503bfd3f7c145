import Domain
import Fluent
import SQLKit
import Vapor

/// The only code of the raster that queries: what it says about each bouwsteen, in four
/// queries whatever the number of bouwbladen or cycles. Made with the tenant.
struct RasterStore: TenantStore {
    let coalitionID: UUID
    let db: any Database

    func summaries(catalog: FormatCatalog) async throws -> BouwbladSummaries {
        let bouwbladen = try await BouwbladRecord.query(on: db).filter(\.$coalitionID == coalitionID).all()
        // Three small columns per cycle; a CycleRecord would carry (and reflect) all six texts.
        struct CycleRow: Decodable { let bouwblad_id: UUID; let number: Int; let closed: Bool }
        let cycles = try await db.sql.select()
            .column("bouwblad_id").column("number").column(SQLRaw("closed_at IS NOT NULL"), as: "closed")
            .from(CycleRecord.schema).where("coalition_id", .equal, coalitionID)
            .where("deleted_at", .is, SQLLiteral.null)  // what Fluent adds for a soft-deleted model
            .all(decoding: CycleRow.self)
        var newest: [UUID: (Int, Bool)] = [:]
        for cycle in cycles where (newest[cycle.bouwblad_id]?.0 ?? 0) < cycle.number {
            newest[cycle.bouwblad_id] = (cycle.number, cycle.closed)
        }
        let links = try await LinkRecord.query(on: db).filter(\.$coalitionID == coalitionID)
            .field(\.$bouwbladID).field(\.$targetBouwsteenID).all()
        let editors = Set(bouwbladen.compactMap { $0.updatedBy ?? $0.createdBy })
        let users = editors.isEmpty ? [] : try await UserRecord.query(on: db).filter(\.$id ~~ editors).field(\.$id).field(\.$name).all()
        return BouwbladSummaries(
            bouwbladen: bouwbladen, newestClosed: newest.mapValues(\.1),
            names: Dictionary(uniqueKeysWithValues: try users.map { (try $0.requireID(), $0.name) }), links: links,
            catalog: catalog)
    }
}
