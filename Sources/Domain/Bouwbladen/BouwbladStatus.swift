/// The one state of a bouwblad, computed from its data and shown the same way on the
/// raster, the bouwsteen page, the bouwblad and the Rapport page.
public enum BouwbladState: String, Sendable, CaseIterable {
    /// There is no bouwblad (for the mandatory question) yet.
    case nietGestart
    /// Something the report needs is missing: it stays a concept.
    case nietCompleet
    /// Nothing blocks the report, but points are open, such as a cycle that still runs.
    case inUitvoering
    /// Nothing is open.
    case klaarVoorRapport

    public var label: String {
        switch self {
        case .nietGestart: return "Niet gestart"
        case .nietCompleet: return "Niet compleet"
        case .inUitvoering: return "In uitvoering"
        case .klaarVoorRapport: return "Klaar voor rapport"
        }
    }

    /// A shape next to the words, so the state never depends on colour.
    public var icon: String {
        switch self {
        case .nietGestart: return "○"
        case .nietCompleet: return "!"
        case .inUitvoering: return "◐"
        case .klaarVoorRapport: return "✔"
        }
    }

    /// The short explanation beside the tag.
    public var explanation: String {
        switch self {
        case .nietGestart: return "Er is nog geen bouwblad."
        case .nietCompleet: return "Er ontbreekt iets dat in het rapport moet staan."
        case .inUitvoering: return "Kan in het rapport. Er staan nog punten open, zoals een cyclus die nog loopt."
        case .klaarVoorRapport: return "Alles is ingevuld."
        }
    }
}

/// What a cycle contributes to its bouwblad's state.
public struct CycleFacts: Sendable, Equatable {
    public let number: Int
    public let isClosed: Bool
    public let emptySteps: [CycleStep]
    /// Goals with neither an achieved value nor a verdict.
    public let doelenWithoutResult: Int

    public init(number: Int, isClosed: Bool, emptySteps: [CycleStep], doelenWithoutResult: Int) {
        (self.number, self.isClosed, self.emptySteps, self.doelenWithoutResult) = (number, isClosed, emptySteps, doelenWithoutResult)
    }
}

/// The open points of one bouwblad: blockers keep the report a concept, hints stay in the
/// app and never appear in the exported report. One point per thing to do, so the count
/// goes down as people fill in, never up.
public struct BouwbladCheck: Sendable, Equatable {
    public enum Point: Sendable, Equatable {
        /// No cycle at all (in the report: none in its period).
        case noCycle
        /// A closed cycle is what the report reports: every step must be there.
        case closedCycleHasEmptySteps(cycle: Int, steps: [CycleStep])
        /// The last cycle still runs; the report shows what is there.
        case cycleRuns(cycle: Int, emptySteps: [CycleStep])
        case doelenWithoutResult(cycle: Int, count: Int)
        case noLink

        public var isBlocker: Bool {
            switch self {
            case .noCycle, .closedCycleHasEmptySteps: return true
            case .cycleRuns, .doelenWithoutResult, .noLink: return false
            }
        }

        /// Which cycle and step to open to do something about it.
        public var cycle: Int? {
            switch self {
            case .closedCycleHasEmptySteps(let cycle, _), .cycleRuns(let cycle, _), .doelenWithoutResult(let cycle, _): return cycle
            case .noCycle, .noLink: return nil
            }
        }

        public var firstStep: CycleStep? {
            switch self {
            case .closedCycleHasEmptySteps(_, let steps), .cycleRuns(_, let steps): return steps.first
            default: return nil
            }
        }

        public var text: String {
            switch self {
            case .noCycle: return "Er is nog geen cyclus."
            case .closedCycleHasEmptySteps(let cycle, let steps):
                return "Cyclus \(cycle) is afgerond, maar \(Self.steps(steps)) \(steps.count == 1 ? "is" : "zijn") leeg."
            case .cycleRuns(let cycle, let steps):
                return steps.isEmpty ? "Cyclus \(cycle) loopt nog." : "Cyclus \(cycle) loopt nog: \(Self.steps(steps)) \(steps.count == 1 ? "is" : "zijn") nog leeg."
            case .doelenWithoutResult(let cycle, let count):
                return count == 1 ? "In cyclus \(cycle) heeft een doel nog geen resultaat." : "In cyclus \(cycle) hebben \(count) doelen nog geen resultaat."
            case .noLink: return "Er is nog geen verbinding met een andere bouwsteen."
            }
        }

        static func steps(_ steps: [CycleStep]) -> String {
            let numbers = steps.map { "\($0.number)" }
            guard numbers.count > 1 else { return "stap " + (numbers.first ?? "") }
            return "stap " + numbers.dropLast().joined(separator: ", ") + " en " + numbers.last!
        }
    }

    public let points: [Point]
    public var blockers: [Point] { points.filter(\.isBlocker) }
    public var hints: [Point] { points.filter { !$0.isBlocker } }

    public var state: BouwbladState {
        if !blockers.isEmpty { return .nietCompleet }
        return points.isEmpty ? .klaarVoorRapport : .inUitvoering
    }

    /// - Parameters:
    ///   - cycles: the live cycles (for the report: those in its period).
    ///   - hasLink: whether a link touches the bouwblad or its bouwsteen.
    public init(cycles: [CycleFacts], hasLink: Bool) {
        var points: [Point] = []
        if cycles.isEmpty { points.append(.noCycle) }
        for cycle in cycles.sorted(by: { $0.number < $1.number }) {
            if cycle.isClosed, !cycle.emptySteps.isEmpty { points.append(.closedCycleHasEmptySteps(cycle: cycle.number, steps: cycle.emptySteps)) }
            if !cycle.isClosed { points.append(.cycleRuns(cycle: cycle.number, emptySteps: cycle.emptySteps)) }
            if cycle.doelenWithoutResult > 0 { points.append(.doelenWithoutResult(cycle: cycle.number, count: cycle.doelenWithoutResult)) }
        }
        if !hasLink { points.append(.noLink) }
        self.points = points
    }
}
