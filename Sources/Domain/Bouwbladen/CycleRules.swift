/// Rules for closing a cycle and starting the next one.
public enum CycleRules {
    /// A cycle can be closed when the team has written what was achieved and the
    /// sharpened question: those two steps carry the learning to the next cycle.
    public static func missingToClose(bereikt: String, bijgesteld: String) -> [CycleStep] {
        [(CycleStep.bereikt, bereikt), (.bijgesteld, bijgesteld)].filter { $0.1.trimmingWhitespace().isEmpty }.map(\.0)
    }

    /// The next cycle's period follows on: it starts the month after the previous one
    /// ended and, when the previous length is known, lasts as long.
    public static func followingPeriod(after previous: CyclePeriod) -> CyclePeriod {
        guard let end = previous.to else { return CyclePeriod(from: nil, to: nil) }
        let start = end.next
        guard let begin = previous.from else { return CyclePeriod(from: start, to: nil) }
        let months = (end.year * 12 + end.month) - (begin.year * 12 + begin.month)
        return CyclePeriod(from: start, to: start.adding(months: months))
    }
}
