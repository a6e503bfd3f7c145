import Domain
import Fluent
import Vapor

/// The links that touch a bouwsteen: from its bouwbladen to elsewhere, and from elsewhere
/// to it. A link may point at a bouwsteen that has no bouwblad yet, so the bouwsteen
/// page is the place where such a link is seen from the other side.
struct BouwsteenLinks {
    struct Item: Encodable { let arrow: String; let from: String; let verb: String; let other: String; let href: String?; let kind: String; let cycle: String?; let note: String? }

    /// Three queries, whatever the number of links.
    static func load(_ req: Request, tenant: Tenant, bouwsteen: FormatCatalog.Bouwsteen, own: [BouwbladRecord], catalog: FormatCatalog) async throws -> [Item] {
        let ownIDs = own.compactMap(\.id)
        let store = BouwbladStore(tenant, on: req.db)
        let links = try await store.links(touching: bouwsteen.id, from: ownIDs)
        let otherIDs = Set(links.flatMap { [$0.bouwbladID, $0.targetBouwbladID].compactMap { $0 } }).subtracting(ownIDs)
        let others = try await store.bouwbladen(otherIDs)
        let cycleNumbers = try await store.cycleNumbers(of: links, known: [])
        // Soft-deleted bouwbladen are missing here, so their links are left out too.
        let byID = Dictionary(uniqueKeysWithValues: try (own + others).map { (try $0.requireID(), $0) })
        let coalition = Paths.coalition(tenant.coalition.slug)
        var items: [Item] = []
        for link in links {
            guard let source = byID[link.bouwbladID], let sourceBouwsteen = catalog.bouwsteen(id: source.bouwsteenID) else { continue }
            let target = link.targetBouwsteenID.flatMap { catalog.bouwsteen(id: $0) }
            let targetBouwblad = link.targetBouwbladID.flatMap { byID[$0] }
            let note = link.note.isEmpty ? nil : link.note
            let cycle = link.cycleID.flatMap { cycleNumbers[$0] }.map { "cyclus \($0)" }
            if source.bouwsteenID == bouwsteen.id {
                // From here: to elsewhere, to a bouwblad here, or to a bouwsteen still open.
                items.append(Item(
                    arrow: "→", from: Links.label(source, catalog: catalog), verb: "raakt",
                    other: Links.name(target: target, bouwblad: targetBouwblad, seenFrom: bouwsteen, catalog: catalog),
                    href: try Links.href(target: target, bouwblad: targetBouwblad, coalition),
                    kind: LinkKind.words(link.kind, from: bouwsteen.key, to: target?.key), cycle: cycle, note: note))
            } else if target?.id == bouwsteen.id {
                items.append(Item(
                    arrow: "←", from: targetBouwblad.map { Links.label($0, catalog: catalog) } ?? bouwsteen.key.name, verb: "wordt geraakt door",
                    other: Links.name(source, bouwsteen: sourceBouwsteen, catalog: catalog), href: coalition.bouwblad(try source.requireID()).path,
                    kind: LinkKind.words(link.kind, from: bouwsteen.key, to: sourceBouwsteen.key), cycle: cycle.map { "vanuit " + $0 }, note: note))
            }
        }
        return items
    }
}
