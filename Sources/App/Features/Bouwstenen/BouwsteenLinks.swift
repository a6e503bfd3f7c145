import Domain
import Fluent
import Vapor

/// The links that touch a bouwsteen: from its bouwbladen to elsewhere, and from elsewhere
/// to it. A link may point at a bouwsteen that has no bouwblad yet, so the bouwsteen
/// page is the place where such a link is seen from the other side.
struct BouwsteenLinks {
    struct Item: Encodable { let arrow: String; let from: String; let verb: String; let other: String; let href: String; let direction: String; let note: String? }

    /// Two queries, whatever the number of links.
    static func load(_ req: Request, tenant: Tenant, bouwsteen: FormatCatalog.Bouwsteen, own: [BouwbladRecord], catalog: FormatCatalog) async throws -> [Item] {
        let ownIDs = own.compactMap(\.id)
        let store = BouwbladStore(tenant, on: req.db)
        let links = try await store.links(touching: bouwsteen.id, from: ownIDs)
        let otherIDs = Set(links.flatMap { [$0.bouwbladID, $0.targetBouwbladID].compactMap { $0 } }).subtracting(ownIDs)
        let others = try await store.bouwbladen(otherIDs)
        // Soft-deleted bouwbladen are missing here, so their links are left out too.
        let byID = Dictionary(uniqueKeysWithValues: try (own + others).map { (try $0.requireID(), $0) })
        let coalition = Paths.coalition(tenant.coalition.slug)
        var items: [Item] = []
        for link in links {
            guard let source = byID[link.bouwbladID], let sourceBouwsteen = catalog.bouwsteen(id: source.bouwsteenID),
                  let target = catalog.bouwsteen(id: link.targetBouwsteenID) else { continue }
            let targetBouwblad = link.targetBouwbladID.flatMap { byID[$0] }
            let note = link.note.isEmpty ? nil : link.note
            if source.bouwsteenID == bouwsteen.id, target.id != bouwsteen.id {
                guard let direction = Direction(from: bouwsteen.key, to: target.key) else { continue }
                items.append(Item(
                    arrow: "→", from: Links.label(source, catalog: catalog), verb: "raakt",
                    other: Links.name(targetBouwblad, bouwsteen: target, catalog: catalog),
                    href: try targetBouwblad.map { coalition.bouwblad(try $0.requireID()).path } ?? coalition.bouwsteen(target.key.code).path,
                    direction: direction.label, note: note))
            } else if target.id == bouwsteen.id, let direction = Direction(from: bouwsteen.key, to: sourceBouwsteen.key) {
                items.append(Item(
                    arrow: "←", from: targetBouwblad.map { Links.label($0, catalog: catalog) } ?? bouwsteen.key.name, verb: "wordt geraakt door",
                    other: Links.name(source, bouwsteen: sourceBouwsteen, catalog: catalog), href: coalition.bouwblad(try source.requireID()).path,
                    direction: direction.label, note: note))
            }
        }
        return items
    }
}
