import Domain
import Fluent
import SQLKit
import Vapor

/// The state of bouwbladen as Domain computes it (`BouwbladCheck`), from the records a page
/// has already read, or for a whole coalition in three small queries (raster, bouwsteen).
extension BouwbladCheck {
    /// - Parameter cycles: the live cycles to judge (for the report: those it includes).
    init(cycles: [CycleRecord], doelen: [Doel], hasLink: Bool) {
        let open = Dictionary(grouping: doelen.filter(\.lacksResult), by: \.cycleID).mapValues(\.count)
        self.init(cycles: cycles.map { cycle in
            CycleFacts(number: cycle.number, isClosed: cycle.closedAt != nil, emptySteps: CycleStep.allCases.filter { cycle.text($0).isEmpty },
                       doelenWithoutResult: cycle.id.flatMap { open[$0] } ?? 0)
        }, hasLink: hasLink)
    }
}

extension Doel {
    /// Neither an achieved value nor a verdict: a hint, never a blocker.
    var lacksResult: Bool { achieved.isEmpty && verdict == nil }
}

extension LinkRecord {
    /// A link counts for a bouwblad when it starts there, points at it, or points at its bouwsteen.
    func touches(bouwblad: UUID, bouwsteen: UUID) -> Bool {
        bouwbladID == bouwblad || targetBouwbladID == bouwblad || targetBouwsteenID == bouwsteen
    }
}

/// Reads, for every live bouwblad of a coalition, what its state is computed from.
struct BouwbladCheckStore: TenantStore {
    let coalitionID: UUID
    let db: any Database

    /// The links a check looks at (where each starts and ends), for a caller that needs them too.
    func links() async throws -> [LinkRecord] {
        try await LinkRecord.query(on: db).filter(\.$coalitionID == coalitionID)
            .field(\.$bouwbladID).field(\.$targetBouwsteenID).field(\.$targetBouwbladID).all()
    }

    /// - Parameter links: the coalition's links as `links()` reads them; read here when nil.
    func checks(of bouwbladen: [BouwbladRecord], links: [LinkRecord]? = nil) async throws -> [UUID: BouwbladCheck] {
        guard !bouwbladen.isEmpty else { return [:] }
        // Whether each step is empty, not the texts: a raster of a big coalition reads little.
        struct CycleRow: Decodable {
            let id: UUID, bouwblad_id: UUID, number: Int, closed: Bool
            let e1: Bool, e2: Bool, e3: Bool, e4: Bool
        }
        var query = try db.sql.select()
            .column("id").column("bouwblad_id").column("number").column(SQLRaw("closed_at IS NOT NULL"), as: "closed")
        for (n, step) in CycleStep.allCases.enumerated() {
            query = query.column(SQLRaw("\(step.rawValue) = ''"), as: "e\(n + 1)")
        }
        let cycles = try await query.from(CycleRecord.schema).where("coalition_id", .equal, coalitionID)
            .where("deleted_at", .is, SQLLiteral.null)  // what Fluent adds for a soft-deleted model
            .all(decoding: CycleRow.self)
        struct DoelRow: Decodable { let cycle_id: UUID }
        let open = try await db.sql.select().column("cycle_id").from(DoelRecord.schema)
            .where("coalition_id", .equal, coalitionID).where("achieved", .equal, "").where("verdict", .is, SQLLiteral.null)
            .all(decoding: DoelRow.self)
        let openCount = Dictionary(grouping: open, by: \.cycle_id).mapValues(\.count)
        let links = if let links { links } else { try await self.links() }
        let byBouwblad = Dictionary(grouping: cycles, by: \.bouwblad_id)
        var checks: [UUID: BouwbladCheck] = [:]
        for bouwblad in bouwbladen {
            let id = try bouwblad.requireID()
            let facts = (byBouwblad[id] ?? []).map { row in
                CycleFacts(number: row.number, isClosed: row.closed,
                           emptySteps: zip(CycleStep.allCases, [row.e1, row.e2, row.e3, row.e4]).filter(\.1).map(\.0),
                           doelenWithoutResult: openCount[row.id] ?? 0)
            }
            checks[id] = BouwbladCheck(cycles: facts, hasLink: links.contains { $0.touches(bouwblad: id, bouwsteen: bouwblad.bouwsteenID) })
        }
        return checks
    }
}
