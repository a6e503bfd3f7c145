import Foundation

/// A questionnaire's results in a few lines of plain text, for step 3 of a bouwblad, and as
/// a table for the report: per question the share in the top points and the mean, or the
/// most chosen answers, or how many open answers there are. Only for a group of five or more.
public enum QuestionnaireSummary {
    public static func lines(title: String, audience: String, scope: String, count: Int, questions: QuestionList, answers: [Answers], today: IsoDate) -> [String] {
        ["Vragenlijst ‘\(title)’ (\(audience)), \(scope): \(count) antwoorden (stand van \(today.label)).", ""]
            + rows(questions, answers: answers).map { "- \($0[0]): \($0[2])" + ($0[1] == "0" ? "" : " (\($0[1]) antwoorden)") }
    }

    /// Question, how many answered it, and the outcome in words.
    public static func rows(_ questions: QuestionList, answers: [Answers]) -> [[String]] {
        questions.answerable.map { question in
            let result = QuestionResult(question, answers: answers)
            return [question.text, "\(result.answered)", outcome(result)]
        }
    }

    public static func outcome(_ result: QuestionResult) -> String {
        guard result.answered > 0 else { return "nog geen antwoorden" }
        switch result.question.kind {
        case .likert5, .scale4, .smileys:
            return "\(percent(result.topShare ?? 0)) \(result.topLabel ?? ""), gemiddeld \(decimal(result.mean ?? 0))"
        case .oneChoice, .severalChoices:
            return result.counts.filter { $0.count > 0 }.sorted { $0.count > $1.count }.prefix(4).map { "\($0.label) \(percent($0.share))" }.joined(separator: ", ")
        case .number:
            return "gemiddeld \(decimal(result.mean ?? 0))"
        case .shortText, .longText:
            return "\(result.answered) open antwoorden (te lezen in Bouwstenen)"
        case .heading:
            return ""
        }
    }

    public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }
    public static func decimal(_ value: Double) -> String { String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",") }
}
