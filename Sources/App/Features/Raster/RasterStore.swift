import Domain
import Fluent
import SQLKit
import Vapor

/// The only code of the raster that queries: what it says about each bouwsteen, in five
/// queries whatever the number of bouwbladen or cycles. Made with the tenant.
struct RasterStore: TenantStore {
    let coalitionID: UUID
    let db: any Database

    func summaries(catalog: FormatCatalog) async throws -> BouwbladSummaries {
        let bouwbladen = try await BouwbladRecord.query(on: db).filter(\.$coalitionID == coalitionID).all()
        // One read of the links serves both the states and the counts.
        let checkStore = BouwbladCheckStore(coalitionID: coalitionID, db: db)
        let links = try await checkStore.links()
        let checks = try await checkStore.checks(of: bouwbladen, links: links)
        let editors = Set(bouwbladen.compactMap { $0.updatedBy ?? $0.createdBy })
        let users = editors.isEmpty ? [] : try await UserRecord.query(on: db).filter(\.$id ~~ editors).field(\.$id).field(\.$name).all()
        return BouwbladSummaries(
            bouwbladen: bouwbladen, checks: checks,
            names: Dictionary(uniqueKeysWithValues: try users.map { (try $0.requireID(), $0.name) }), links: links,
            catalog: catalog)
    }
}
