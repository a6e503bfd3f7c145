import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The respondent's browser, known by a random cookie and nothing else: no account, no
/// session row, no address. A response stores a hash of the cookie with the questionnaire's
/// id, so the browser answers once and can finish later, and one browser's answers to two
/// questionnaires cannot be linked. The cookie also serves as the secret of the form (the
/// form carries it masked; another site cannot read it), since there is no session.
enum RespondentDevice {
    static let cookieName = "bouwstenen-respondent"

    /// The cookie's value when it has the shape of one of ours.
    static func token(_ req: Request) -> String? {
        guard let value = req.cookies[cookieName]?.string, value.count == 43,
              value.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) })
        else { return nil }
        return value
    }

    /// The form secret of a respondent's post: only on the public answer pages.
    static func csrfToken(_ req: Request) -> String? {
        req.url.path.hasPrefix(Paths.answerStart.path + "/") ? token(req) : nil
    }

    static func hash(_ token: String, questionnaire: UUID) -> String { Tokens.sha256("\(questionnaire.uuidString):\(token)") }

    static func cookie(_ token: String, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: 365 * 24 * 3600, path: Paths.answerStart.path, isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}

/// Bounds how fast answers come in, in memory, so spam cannot fill the database: per client
/// address (kept only here, as a hash, for ten minutes) and per questionnaire. With several
/// instances each counts its own; `QuestionnaireRecord`s also have a fixed maximum of responses.
final class AnswerThrottle: Sendable {
    static let window: TimeInterval = 600
    static let perQuestionnaire = 3_000
    static let maxResponses = 50_000

    private let counts = NIOLockedValueBox([String: (start: Date, count: Int)]())
    let perClient: Int

    init(perClient: Int) { self.perClient = perClient }

    /// Counts one post; false when the client or the questionnaire is over its limit.
    func allow(client: String, questionnaire: UUID, now: Date) -> Bool {
        let keys = [("c:" + Tokens.sha256(client), perClient), ("q:" + questionnaire.uuidString, Self.perQuestionnaire)]
        return counts.withLockedValue { counts in
            if counts.count > 50_000 { counts = counts.filter { now.timeIntervalSince($0.value.start) < Self.window } }
            for (key, limit) in keys {
                var entry = counts[key] ?? (now, 0)
                if now.timeIntervalSince(entry.start) >= Self.window { entry = (now, 0) }
                if entry.count >= limit { return false }
                counts[key] = entry
            }
            for (key, _) in keys { counts[key]!.count += 1 }
            return true
        }
    }
}

extension Application {
    private struct AnswerThrottleKey: StorageKey { typealias Value = AnswerThrottle }

    var answerThrottle: AnswerThrottle {
        get { storage[AnswerThrottleKey.self] ?? AnswerThrottle(perClient: appConfig.answersPerClient) }
        set { storage[AnswerThrottleKey.self] = newValue }
    }
}
