import Domain
import Fluent
import Vapor

/// "Cyclus afronden": the learning moves on, either to the next cycle of this bouwblad
/// or to another bouwsteen ("trap op", horizontaal), where it starts or extends a
/// bouwblad that is then linked to this one.
struct CloseCycleController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("bouwbladen", ":bouwbladID", "cycli", ":cycleID", "afronden", use: close)
    }

    func close(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        try context.requireEdit()
        let cycle = try context.cycle(req)
        guard cycle.closedAt == nil, cycle.id == context.newest?.id else { throw Abort(.conflict) }
        let missing = CycleRules.missingToClose(bereikt: cycle.bereikt, bijgesteld: cycle.bijgesteld)
        guard missing.isEmpty else {
            let message = "Vul eerst " + missing.map { "stap \($0.number) (\($0.title.lowercased()))" }.joined(separator: " en ") + " in. Daarna kun je de cyclus afronden."
            return try await BouwbladPage.render(req, context, problem: message, status: .unprocessableEntity)
        }
        let values = try req.formValues()
        let choice = values["next"] ?? "same"
        let userID = try req.requireUser().id!
        if choice == "same" {
            let number = try await CycleNumbers.next(req.db, coalitionID: context.tenant.coalitionID, bouwbladID: context.bouwblad.id!)
            let next = CycleRecord(coalitionID: context.tenant.coalitionID, bouwbladID: context.bouwblad.id!, number: number,
                                   startvraag: cycle.bijgesteld, period: CycleRules.followingPeriod(after: cycle.period))
            try await closing(req, context, cycle, userID: userID) { db in try await next.create(on: db) }
            try await req.flash("Cyclus \(cycle.number) is afgerond. Cyclus \(next.number) begint met jullie bijgestelde startvraag.")
            return .seeOther(context.base + "#cyclus-\(next.number)")
        }
        var errors = FieldErrors()
        guard let target = try await Target.resolve(req, context, choice, field: "next", into: &errors) else {
            return try await BouwbladPage.render(req, context, problem: "Kies waar de bijgestelde startvraag naartoe gaat.", status: .unprocessableEntity)
        }
        let destination: BouwbladRecord
        var nextNumber = 1
        if let existing = target.bouwblad {
            let cycles = try await CycleRecord.query(on: req.db).filter(\.$coalitionID == context.tenant.coalitionID).filter(\.$bouwbladID == existing.id!).all()
            guard cycles.allSatisfy({ $0.closedAt != nil }) else {
                return try await BouwbladPage.render(req, context, problem: "Dat bouwblad heeft nog een lopende cyclus. Rond die eerst af, of kies een andere plek.", status: .unprocessableEntity)
            }
            destination = existing
            nextNumber = try await CycleNumbers.next(req.db, coalitionID: context.tenant.coalitionID, bouwbladID: existing.id!)
        } else {
            destination = BouwbladRecord()
            destination.coalitionID = context.tenant.coalitionID
            destination.bouwsteenID = target.bouwsteen.id
            destination.ownQuestion = cycle.bijgesteld
            destination.title = ""
            destination.keeperID = context.tenant.membership.id
            destination.readyForReport = false
            destination.version = 1
            destination.createdBy = userID
            destination.updatedBy = userID
        }
        let number = nextNumber
        try await closing(req, context, cycle, userID: userID) { db in
            if destination.id == nil { try await destination.create(on: db) }
            try await CycleRecord(coalitionID: context.tenant.coalitionID, bouwbladID: destination.id!, number: number,
                                  startvraag: cycle.bijgesteld, period: CycleRules.followingPeriod(after: cycle.period)).create(on: db)
            try await LinkRecord(coalitionID: context.tenant.coalitionID, bouwbladID: context.bouwblad.id!, cycleID: cycle.id,
                                 targetBouwsteenID: target.bouwsteen.id, targetBouwbladID: destination.id,
                                 note: "Bijgestelde startvraag van cyclus \(cycle.number) meegenomen", createdBy: userID).create(on: db)
            try await StepWriter.touch(db, bouwblad: destination, userID: userID, now: req.now)
        }
        try await req.flash("Cyclus \(cycle.number) is afgerond. De bijgestelde startvraag gaat verder bij \(target.bouwsteen.key.name).")
        return .seeOther(Paths.coalition(context.tenant.coalition.slug).bouwblad(destination.id!))
    }

    /// Closes the cycle (version-checked) and runs `then` in the same transaction.
    private func closing(_ req: Request, _ context: BouwbladContext, _ cycle: CycleRecord, userID: UUID,
                         then: @escaping @Sendable (any Database) async throws -> Void) async throws {
        let closed = try await req.db.transaction { db -> Bool in
            guard try await Versioned.update(CycleRecord.schema, id: cycle.id!, coalitionID: context.tenant.coalitionID,
                                             expectedVersion: cycle.version, set: [("closed_at", req.now)], on: db, now: req.now) else { return false }
            try await then(db)
            try await StepWriter.touch(db, bouwblad: context.bouwblad, userID: userID, now: req.now)
            return true
        }
        guard closed else { throw Abort(.conflict) }
    }
}
