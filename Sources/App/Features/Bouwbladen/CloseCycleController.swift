import Domain
import Fluent
import Vapor

/// "Cyclus afronden": the cycle is closed, and what follows is the team's explicit choice:
/// nothing yet (the default: no cycle nobody asked for), the next cycle of this bouwblad,
/// or another bouwsteen ("trap op", horizontaal), where it starts or extends a bouwblad that
/// is then linked to this one. A next cycle can also be started later. The new startvraag is
/// the question(s) of step 4 (`CycleRules.carriedQuestion`); the page shows the whole step beside it.
struct CloseCycleController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let bouwblad = Paths.coalition(.param).bouwblad(.param)
        routes.post(bouwblad.cycle(.param).close, use: close)
        routes.post(bouwblad.nextCycle, use: startNext)
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
        let choice = try req.form(CloseForm.self).next ?? CloseForm.notNow
        let userID = try req.requireUser().requireID()
        let store = context.store(req.db), bouwbladID = context.bouwbladID
        let carried = CycleRules.carriedQuestion(from: cycle.bijgesteld)
        if choice == CloseForm.notNow {
            try await closing(req, context, cycle, userID: userID) { _ in }
            try await req.flash("Cyclus \(cycle.number) is afgerond. Er is nog geen nieuwe cyclus; die start je hier als jullie eraan toe zijn.")
            return .seeOther(context.base + "#cyclus-\(cycle.number)")
        }
        if choice == CloseForm.same {
            let number = try await store.nextCycleNumber(of: bouwbladID)
            let next = CycleRecord(coalitionID: context.tenant.coalitionID, bouwbladID: bouwbladID, number: number,
                                   startvraag: carried, period: CycleRules.followingPeriod(after: cycle.period))
            try await closing(req, context, cycle, userID: userID) { store in try await store.add(next) }
            try await req.flash("Cyclus \(cycle.number) is afgerond. Cyclus \(next.number) begint met jullie bijgestelde startvraag.")
            return .seeOther(context.base + "#cyclus-\(next.number)")
        }
        var errors = FieldErrors()
        guard let target = try await Target.resolve(req, context, choice, field: CloseForm.CodingKeys.next, into: &errors) else {
            return try await BouwbladPage.render(req, context, problem: "Kies waar de bijgestelde startvraag naartoe gaat.", status: .unprocessableEntity)
        }
        let destination: BouwbladRecord
        var nextNumber = 1
        if let existing = target.bouwblad {
            let cycles = try await store.cycles(of: existing.requireID())
            guard cycles.allSatisfy({ $0.closedAt != nil }) else {
                return try await BouwbladPage.render(req, context, problem: "Dat bouwblad heeft nog een lopende cyclus. Rond die eerst af, of kies een andere plek.", status: .unprocessableEntity)
            }
            destination = existing
            nextNumber = try await store.nextCycleNumber(of: existing.requireID())
        } else {
            destination = BouwbladRecord()
            destination.bouwsteenID = target.bouwsteen.id
            destination.ownQuestion = carried
            destination.title = ""
            destination.keeperID = context.tenant.membership.id
            destination.readyForReport = false
            destination.version = 1
            destination.createdBy = userID
            destination.updatedBy = userID
        }
        let number = nextNumber
        let coalitionID = context.tenant.coalitionID, now = req.now
        try await closing(req, context, cycle, userID: userID) { store in
            if destination.id == nil { try await store.add(destination) }
            try await store.add(CycleRecord(coalitionID: coalitionID, bouwbladID: destination.requireID(), number: number,
                                            startvraag: carried, period: CycleRules.followingPeriod(after: cycle.period)))
            try await store.add(LinkRecord(coalitionID: coalitionID, bouwbladID: bouwbladID, cycleID: cycle.id,
                                           targetBouwsteenID: target.bouwsteen.id, targetBouwbladID: destination.id,
                                           note: "Bijgestelde startvraag van cyclus \(cycle.number) meegenomen",
                                           kind: LinkKind.carried(from: context.bouwsteen.key, to: target.bouwsteen.key), createdBy: userID))
            try await store.touch(destination, by: userID, now: now)
        }
        try await req.flash("Cyclus \(cycle.number) is afgerond. De bijgestelde startvraag gaat verder bij \(target.bouwsteen.key.name).")
        return .seeOther(Paths.coalition(context.tenant.coalition.slug).bouwblad(try destination.requireID()).path)
    }

    /// "Volgende cyclus starten", after a cycle was closed without one. Under the coalition's
    /// lock, so a double click starts one cycle, not two.
    func startNext(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        try context.requireEdit()
        guard let last = context.newest, last.closedAt != nil else {
            throw UserProblem(status: .conflict, title: "Er loopt al een cyclus", message: "Dit bouwblad heeft al een lopende cyclus. Rond die eerst af.")
        }
        let userID = try req.requireUser().requireID()
        let coalitionID = context.tenant.coalitionID, bouwbladID = context.bouwbladID, now = req.now, lastNumber = last.number
        let startvraag = CycleRules.carriedQuestion(from: last.bijgesteld), period = CycleRules.followingPeriod(after: last.period)
        // Under the lock: the newest cycle must still be the closed one (a second click finds
        // the cycle the first one started); the number counts cycles in the prullenbak too.
        let started = try await req.db.writeTransaction { db -> Int? in
            try await db.lockCoalition(coalitionID)
            let store = context.store(db)
            guard let newest = try await store.cycles(of: bouwbladID).last, newest.number == lastNumber, newest.closedAt != nil else { return nil }
            let number = try await store.nextCycleNumber(of: bouwbladID)
            try await store.add(CycleRecord(coalitionID: coalitionID, bouwbladID: bouwbladID, number: number, startvraag: startvraag, period: period))
            try await store.touch(context.bouwblad, by: userID, now: now)
            return number
        }
        guard let number = started else { return .seeOther(context.base) }
        try await req.flash("Cyclus \(number) is gestart met de bijgestelde startvraag van cyclus \(lastNumber).")
        return .seeOther(context.base + "#cyclus-\(number)")
    }

    /// Closes the cycle (version-checked) and runs `then` in the same transaction.
    private func closing(_ req: Request, _ context: BouwbladContext, _ cycle: CycleRecord, userID: UUID,
                         then: @escaping @Sendable (BouwbladStore) async throws -> Void) async throws {
        let closed = try await req.db.transaction { db -> Bool in
            let store = context.store(db)
            guard try await store.close(cycle, now: req.now) else { return false }
            // Goals measured by an indicator keep the value they have now.
            for doel in context.doelen where doel.cycleID == cycle.id && doel.indicatorID != nil && doel.frozenOn == nil {
                try await store.freeze(doel, on: req.today)
            }
            try await then(store)
            try await store.touch(context.bouwblad, by: userID, now: req.now)
            return true
        }
        guard closed else { throw Abort(.conflict) }
    }
}

/// What follows the cycle: "nog-niet" (nothing yet), "same" (the next cycle here), a
/// bouwsteen or a bouwblad.
struct CloseForm: Codable {
    enum CodingKeys: String, CodingKey, FieldName { case next }
    var next: String?
    static let notNow = "nog-niet", same = "same"
}
