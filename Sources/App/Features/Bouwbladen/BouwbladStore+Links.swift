import Domain
import Fluent
import Vapor

/// The links between bouwstenen, as the bouwblad, the bouwsteen and the raster read them.
extension BouwbladStore {
    /// Links from this bouwblad, to it, or to its bouwsteen; oldest first.
    func links(touching bouwblad: BouwbladRecord) async throws -> [LinkRecord] {
        let id = try bouwblad.requireID()
        return try await LinkRecord.query(on: db)
            .filter(\.$coalitionID == coalitionID)
            .group(.or) { group in
                group.filter(\.$bouwbladID == id).filter(\.$targetBouwbladID == id).filter(\.$targetBouwsteenID == bouwblad.bouwsteenID)
            }
            .sort(\.$createdAt).all()
    }

    /// Links to a bouwsteen or from one of `own`; oldest first.
    func links(touching bouwsteen: UUID, from own: [UUID]) async throws -> [LinkRecord] {
        try await LinkRecord.query(on: db)
            .filter(\.$coalitionID == coalitionID)
            .group(.or) { group in
                group.filter(\.$targetBouwsteenID == bouwsteen)
                if !own.isEmpty { group.filter(\.$bouwbladID ~~ own) }
            }
            .sort(\.$createdAt).all()
    }

    /// The numbers of the cycles `links` belong to, so both sides can say "cyclus 2"; reads
    /// only the cycles not in `known`, in one query.
    func cycleNumbers(of links: [LinkRecord], known: [CycleRecord]) async throws -> [UUID: Int] {
        var numbers = Dictionary(uniqueKeysWithValues: try known.map { (try $0.requireID(), $0.number) })
        let missing = Set(links.compactMap(\.cycleID)).subtracting(numbers.keys)
        guard !missing.isEmpty else { return numbers }
        for cycle in try await CycleRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$id ~~ missing)
            .field(\.$id).field(\.$number).all() {
            numbers[try cycle.requireID()] = cycle.number
        }
        return numbers
    }

    func link(_ id: UUID, from bouwblad: UUID) async throws -> LinkRecord? {
        try await LinkRecord.query(on: db).filter(\.$id == id)
            .filter(\.$coalitionID == coalitionID).filter(\.$bouwbladID == bouwblad).first()
    }

    func add(_ link: LinkRecord) async throws {
        link.coalitionID = coalitionID
        try await link.create(on: db)
    }

    func remove(_ link: LinkRecord) async throws {
        guard link.coalitionID == coalitionID else { throw Abort(.notFound) }
        try await link.delete(on: db)
    }
}
