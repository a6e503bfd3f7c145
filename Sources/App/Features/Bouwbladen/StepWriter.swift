import Domain
import Fluent
import Vapor

/// The one way a step of a cycle changes: saving it, restoring a revision and inserting an
/// evidence summary all go through `save`, which writes the step, its revision, the
/// bouwblad's "last changed" and the flash in one transaction.
enum StepWriter {
    /// What to do with the step's current text.
    enum Decision {
        case write(String)
        case unchanged
        case conflict
    }

    enum Outcome {
        case saved
        case unchanged
        /// Someone else's text is there now (the cycle as it is).
        case conflict(theirs: CycleRecord)
    }

    /// Another save may land between reading the cycle and writing it; the version check
    /// in the UPDATE catches that, the cycle is read again and `decide` looks again.
    static func save(
        _ req: Request, _ context: BouwbladContext, cycle: CycleRecord, step: CycleStep, flash: String,
        decide: (String) throws -> Decision
    ) async throws -> Outcome {
        let userID = try req.requireUser().requireID()
        var current = cycle
        for _ in 0..<5 {
            let before = current.text(step)
            let after: String
            switch try decide(before) {
            case .unchanged: return .unchanged
            case .conflict: return .conflict(theirs: current)
            case .write(let text): after = text
            }
            let attempt = current
            let saved = try await req.db.transaction { db in
                guard try await write(db, context: context, cycle: attempt, field: step.rawValue, before: before, after: after, userID: userID, now: req.now) else {
                    return false
                }
                try await req.flash(flash, on: db)
                return true
            }
            if saved { return .saved }
            guard let fresh = try await CycleRecord.query(on: req.db).filter(\.$id == cycle.requireID())
                .filter(\.$coalitionID == context.tenant.coalitionID).first() else { throw Abort(.notFound) }
            current = fresh
        }
        throw Abort(.conflict)
    }

    /// Writes one step with its revision, in one transaction (or in the caller's: Fluent
    /// runs a transaction inside a transaction as part of the outer one).
    private static func write(
        _ db: any Database, context: BouwbladContext, cycle: CycleRecord, field: String, before: String, after: String, userID: UUID, now: Date
    ) async throws -> Bool {
        try await db.transaction { db in
            guard try await Versioned.update(CycleRecord.schema, id: cycle.id!, coalitionID: context.tenant.coalitionID,
                                             expectedVersion: cycle.version, set: [(field, after)], on: db, now: now) else { return false }
            try await RevisionRecord(coalitionID: context.tenant.coalitionID, bouwbladID: context.bouwblad.id!, cycleID: cycle.id,
                                     field: field, before: before, after: after, userID: userID, createdAt: now).create(on: db)
            try await touch(db, bouwblad: context.bouwblad, userID: userID, now: now)
            return true
        }
    }

    /// The raster shows who changed a bouwblad last, and when.
    static func touch(_ db: any Database, bouwblad: BouwbladRecord, userID: UUID, now: Date) async throws {
        try await BouwbladRecord.query(on: db).filter(\.$id == bouwblad.id!)
            .set(\.$updatedBy, to: userID).set(\.$updatedAt, to: now).update()
    }
}
