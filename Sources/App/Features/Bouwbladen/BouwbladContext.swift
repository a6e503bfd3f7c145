import Domain
import Fluent
import Vapor

/// A bouwblad of the current coalition with its cycles, loaded with the tenant as a
/// required filter: an id of another coalition is simply not found.
struct BouwbladContext {
    let tenant: Tenant
    let bouwbladID: UUID
    let bouwblad: BouwbladRecord
    let cycles: [CycleRecord]
    /// As shown: a goal measured by an indicator has its value from it (`DoelMeasurement`).
    let doelen: [Doel]
    /// As stored: what an edit starts from, so a shown value is never saved as typed.
    let storedDoelen: [Doel]
    let acties: [Actie]
    let bouwsteen: FormatCatalog.Bouwsteen
    let question: FormatCatalog.Question?
    let contributors: [ContributorRecord]

    /// Whether the current person may edit this bouwblad (checked on every write).
    var canEdit: Bool {
        tenant.role.canEditBouwblad(isContributor: contributors.contains { $0.membershipID == tenant.membership.id })
    }

    var paths: Paths.Bouwblad { Paths.coalition(tenant.coalition.slug).bouwblad(bouwbladID) }
    var base: String { paths.path }
    var questionText: String { question?.text ?? bouwblad.ownQuestion ?? "" }
    var newest: CycleRecord? { cycles.max { $0.number < $1.number } }
    /// The newest cycle when this person may close it now (steps 3 and 4 are filled): only
    /// then does the bouwblad page ask what comes next.
    var closable: CycleRecord? {
        guard canEdit, let newest, newest.closedAt == nil,
              CycleRules.missingToClose(bereikt: newest.bereikt, bijgesteld: newest.bijgesteld).isEmpty else { return nil }
        return newest
    }
    /// The title, else the question: every bouwblad has a heading.
    var heading: String {
        if !bouwblad.title.isEmpty { return bouwblad.title }
        return questionText.isEmpty ? "Bouwblad \(bouwsteen.key.name)" : questionText
    }

    /// The rows of one bouwblad that every page of it shows.
    private struct Rows: Sendable {
        let bouwblad: BouwbladRecord
        let cycles: [CycleRecord]
        let doelen: [Doel]
        let acties: [Actie]
        let contributors: [ContributorRecord]
    }

    /// A page may get the rows from the coalition's `ReadCache`: never change the records of
    /// a context on a GET.
    static func load(_ req: Request) async throws -> BouwbladContext {
        let tenant = try req.tenant
        let store = BouwbladStore(tenant, on: req.db)
        guard let id = req.parameters.get("bouwbladID", as: UUID.self) else { throw Abort(.notFound) }
        let found: Rows? = try await req.cached("bouwblad \(id)") {
            guard let bouwblad = try await store.bouwblad(id) else { return nil }
            return Rows(bouwblad: bouwblad, cycles: try await store.cycles(of: id), doelen: try await store.doelen(of: id),
                        acties: try await store.acties(of: id), contributors: try await store.contributors(of: id))
        }
        guard let rows = found else { throw Abort(.notFound) }
        let catalog = try await req.formatCatalog()
        guard let bouwsteen = catalog.bouwsteen(id: rows.bouwblad.bouwsteenID) else { throw Abort(.notFound) }
        let question = rows.bouwblad.questionID.flatMap { qid in bouwsteen.questions.first { $0.id == qid } }
        let doelen = try await DoelMeasurement.apply(rows.doelen, cycles: rows.cycles, req, tenant)
        return BouwbladContext(tenant: tenant, bouwbladID: id, bouwblad: rows.bouwblad, cycles: rows.cycles, doelen: doelen, storedDoelen: rows.doelen, acties: rows.acties,
                               bouwsteen: bouwsteen, question: question, contributors: rows.contributors)
    }

    /// The coalition's members with their names, for the header (keeper, contributors).
    func members(_ req: Request) async throws -> [MembershipRecord] {
        try await req.cached("members") { try await store(req.db).members() }
    }

    func cycle(_ req: Request) throws -> CycleRecord {
        guard let id = req.parameters.get("cycleID", as: UUID.self), let cycle = cycles.first(where: { $0.id == id }) else {
            throw Abort(.notFound)
        }
        return cycle
    }

    /// The store of this bouwblad's coalition, on `db` (a transaction, or the request's).
    func store(_ db: any Database) -> BouwbladStore { BouwbladStore(tenant, on: db) }

    /// A change of this bouwblad by the person of the request.
    func change(_ req: Request, cycle: UUID?, field: String, before: String, after: String) throws -> BouwbladStore.Change {
        .init(bouwblad: bouwblad, cycleID: cycle, field: field, before: before, after: after, userID: try req.requireUser().requireID(), now: req.now)
    }

    /// The state of this bouwblad, from what was read and the links that touch it.
    func check(links: [LinkRecord]) -> BouwbladCheck {
        BouwbladCheck(cycles: cycles, doelen: doelen, hasLink: links.contains { $0.touches(bouwblad: bouwbladID, bouwsteen: bouwblad.bouwsteenID) })
    }

    /// Where an open point is dealt with: the first empty step of its cycle, its doelen, or the links.
    func href(for point: BouwbladCheck.Point) -> String? {
        if case .noLink = point { return base + "#verbindingen" }
        guard let number = point.cycle, let cycle = cycles.first(where: { $0.number == number }), let id = cycle.id else { return nil }
        if let step = point.firstStep, canEdit { return paths.cycle(id).step(step.rawValue).path }
        return base + "#cyclus-\(number)"
    }

    func requireEdit() throws {
        guard canEdit else { throw Abort(.forbidden) }
    }
}
