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

    /// `decide` sees the step's text and version as they are. Another save of the step may
    /// land between reading the cycle and writing it; the version check in the UPDATE
    /// catches that, the cycle is read again and `decide` looks again.
    static func save(
        _ req: Request, _ context: BouwbladContext, cycle: CycleRecord, step: CycleStep, flash: String,
        decide: (_ text: String, _ version: Int) throws -> Decision
    ) async throws -> Outcome {
        var current = cycle
        for _ in 0..<5 {
            let before = current.text(step)
            let after: String
            switch try decide(before, current.version(of: step)) {
            case .unchanged: return .unchanged
            case .conflict: return .conflict(theirs: current)
            case .write(let text): after = text
            }
            let attempt = current
            let change = try context.change(req, cycle: attempt.requireID(), field: step.rawValue, before: before, after: after)
            let saved = try await req.db.transaction { db in
                guard try await context.store(db).write(step: step, of: attempt, change) else { return false }
                try await req.flash(flash, on: db)
                return true
            }
            if saved { return .saved }
            guard let fresh = try await context.store(req.db).cycle(cycle.requireID()) else { throw Abort(.notFound) }
            current = fresh
        }
        throw Abort(.conflict)
    }
}
