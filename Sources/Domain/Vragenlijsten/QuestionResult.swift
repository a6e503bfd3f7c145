import Foundation

/// What one question's answers add up to, for a group already large enough to show
/// (see `Anonymity`).
public struct QuestionResult: Equatable, Sendable {
    public struct Count: Equatable, Sendable {
        public let optionID: String
        public let label: String
        public let count: Int
        /// Share of the respondents who answered the question, 0...1. For several choices
        /// the shares add up to more than 1.
        public let share: Double
    }

    public let question: Question
    /// Respondents who answered this question.
    public let answered: Int
    public let counts: [Count]
    /// Scales: the mean (1 = lowest point); numbers: the mean of the numbers.
    public let mean: Double?
    /// Scales: the share of answers in the top two points (the top one on a 3-point scale).
    public let topShare: Double?
    /// Open answers, in the order given.
    public let texts: [String]

    public init(_ question: Question, answers: [Answers]) {
        self.question = question
        let given = answers.map { $0[question.id] }.filter { !$0.isEmpty }
        answered = given.count
        var tally: [String: Int] = [:]
        for value in given where question.kind.hasOptions { for id in value { tally[id, default: 0] += 1 } }
        let total = Double(max(answered, 1))
        counts = question.kind.hasOptions
            ? question.options.map { Count(optionID: $0.id, label: $0.label, count: tally[$0.id] ?? 0, share: Double(tally[$0.id] ?? 0) / total) } : []
        if question.kind.isScale {
            let points = given.compactMap { $0.first.flatMap(question.point(of:)) }
            mean = points.isEmpty ? nil : Double(points.reduce(0, +)) / Double(points.count)
            let top = question.options.count - Self.topPoints(question) + 1
            topShare = points.isEmpty ? nil : Double(points.filter { $0 >= top }.count) / Double(points.count)
        } else if question.kind == .number {
            let numbers = given.compactMap { $0.first.flatMap(Double.init) }
            mean = numbers.isEmpty ? nil : numbers.reduce(0, +) / Double(numbers.count)
            topShare = nil
        } else {
            (mean, topShare) = (nil, nil)
        }
        texts = question.kind.isOpen ? given.compactMap(\.first) : []
    }

    /// How many of the highest points count as "top": two, or one on a 3-point scale.
    public static func topPoints(_ question: Question) -> Int { question.options.count <= 3 ? 1 : 2 }

    /// "Mee eens of helemaal mee eens": the labels of the top points, for the page.
    public var topLabel: String? {
        guard question.kind.isScale else { return nil }
        let top = question.options.suffix(Self.topPoints(question)).map(\.label)
        return top.count == 2 ? "\(top[0]) of \(top[1])".lowercased() : top.first?.lowercased()
    }
}
