/// Rules for closing a cycle and starting the next one.
public enum CycleRules {
    /// A cycle can be closed when the team has written what was achieved and the
    /// sharpened question: those two steps carry the learning to the next cycle.
    public static func missingToClose(bereikt: String, bijgesteld: String) -> [CycleStep] {
        [(CycleStep.bereikt, bereikt), (.bijgesteld, bijgesteld)].filter { $0.1.trimmingWhitespace().isEmpty }.map(\.0)
    }

    /// The new startvraag from step 4, which often tells what was learned and then asks: the
    /// question(s) in it (sentences ending in "?", in order), or the whole step when it asks none.
    public static func carriedQuestion(from bijgesteld: String) -> String {
        var questions: [String] = [], sentence = ""
        for character in bijgesteld {
            sentence.append(character)
            if character == "?" {
                let question = sentence.trimmingWhitespace()
                if !question.isEmpty { questions.append(question) }
                sentence = ""
            } else if ".!\n".contains(character) {
                sentence = ""
            }
        }
        return questions.isEmpty ? bijgesteld.trimmingWhitespace() : questions.joined(separator: "\n")
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
