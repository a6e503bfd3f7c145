import Domain
import Fluent
import Vapor

/// A bouwblad of the current coalition with its cycles, loaded with the tenant as a
/// required filter: an id of another coalition is simply not found.
struct BouwbladContext {
    let tenant: Tenant
    let bouwblad: BouwbladRecord
    let cycles: [CycleRecord]
    let doelen: [DoelRecord]
    let acties: [ActieRecord]
    let bouwsteen: FormatCatalog.Bouwsteen
    let question: FormatCatalog.Question?
    let contributors: [ContributorRecord]

    /// Whether the current person may edit this bouwblad (checked on every write).
    var canEdit: Bool {
        tenant.role.canEditBouwblad(isContributor: contributors.contains { $0.membershipID == tenant.membership.id })
    }

    var base: String { Paths.coalition(tenant.coalition.slug).bouwblad(bouwblad.id!) }
    var questionText: String { question?.text ?? bouwblad.ownQuestion ?? "" }
    var newest: CycleRecord? { cycles.max { $0.number < $1.number } }

    static func load(_ req: Request) async throws -> BouwbladContext {
        let tenant = try req.tenant
        guard let id = req.parameters.get("bouwbladID", as: UUID.self),
              let bouwblad = try await BouwbladRecord.query(on: req.db)
                .filter(\.$id == id).filter(\.$coalitionID == tenant.coalitionID).first()
        else { throw Abort(.notFound) }
        let cycles = try await CycleRecord.query(on: req.db)
            .filter(\.$coalitionID == tenant.coalitionID).filter(\.$bouwbladID == id).sort(\.$number).all()
        let doelen = try await DoelRecord.query(on: req.db)
            .filter(\.$coalitionID == tenant.coalitionID).filter(\.$bouwbladID == id).sort(\.$createdAt).all()
        let acties = try await ActieRecord.query(on: req.db)
            .filter(\.$coalitionID == tenant.coalitionID).filter(\.$bouwbladID == id).sort(\.$createdAt).all()
        let contributors = try await ContributorRecord.query(on: req.db)
            .filter(\.$coalitionID == tenant.coalitionID).filter(\.$bouwbladID == id).all()
        let catalog = try await req.formatCatalog()
        guard let bouwsteen = catalog.bouwsteen(id: bouwblad.bouwsteenID) else { throw Abort(.notFound) }
        let question = bouwblad.questionID.flatMap { qid in bouwsteen.questions.first { $0.id == qid } }
        return BouwbladContext(tenant: tenant, bouwblad: bouwblad, cycles: cycles, doelen: doelen, acties: acties, bouwsteen: bouwsteen, question: question, contributors: contributors)
    }

    func cycle(_ req: Request) throws -> CycleRecord {
        guard let id = req.parameters.get("cycleID", as: UUID.self), let cycle = cycles.first(where: { $0.id == id }) else {
            throw Abort(.notFound)
        }
        return cycle
    }

    func requireEdit() throws {
        guard canEdit else { throw Abort(.forbidden) }
    }
}
