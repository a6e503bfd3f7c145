import Foundation

/// A questionnaire's results in a few lines of plain text, for step 3 of a bouwblad and for
/// the report: per question the share in the top points and the mean, or the most chosen
/// answers, or how many open answers there are. Only for a group of five or more.
public enum QuestionnaireSummary {
    public static func lines(title: String, audience: String, scope: String, count: Int, questions: QuestionList, answers: [Answers], today: IsoDate) -> [String] {
        var lines = ["Vragenlijst ‘\(title)’ (\(audience)), \(scope): \(count) antwoorden (stand van \(today.label)).", ""]
        for question in questions.answerable {
            let result = QuestionResult(question, answers: answers)
            guard result.answered > 0 else { lines.append("- \(question.text): nog geen antwoorden"); continue }
            switch question.kind {
            case .likert5, .scale4, .smileys:
                lines.append("- \(question.text): \(percent(result.topShare ?? 0)) \(result.topLabel ?? ""), gemiddeld \(decimal(result.mean ?? 0)) (\(result.answered) antwoorden)")
            case .oneChoice, .severalChoices:
                let top = result.counts.filter { $0.count > 0 }.sorted { $0.count > $1.count }.prefix(4).map { "\($0.label) \(percent($0.share))" }
                lines.append("- \(question.text): \(top.joined(separator: ", ")) (\(result.answered) antwoorden)")
            case .number:
                lines.append("- \(question.text): gemiddeld \(decimal(result.mean ?? 0)) (\(result.answered) antwoorden)")
            case .shortText, .longText:
                lines.append("- \(question.text): \(result.answered) open antwoorden (te lezen in Bouwstenen)")
            case .heading:
                continue
            }
        }
        return lines
    }

    public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }
    public static func decimal(_ value: Double) -> String { String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",") }
}
