import Fluent
import Vapor

/// Slows down password guessing without handing strangers a way to lock someone out.
///
/// Every attempt is counted under several keys, each with its own limit per 15 minutes:
/// - one account from one client (5): one person guessing one password;
/// - one account from anywhere (20): guessing spread over many addresses;
/// - one client for any account (50): one address trying many accounts.
/// A browser that logged in as the account before (its device cookie) is counted only
/// under its own key (10), so the owner still gets in while others are refused.
///
/// The attempt is written before the password is checked and the count read after
/// that write, so parallel attempts cannot all pass a check that none has recorded yet:
/// of N simultaneous attempts at most the limit get a password check.
struct LoginThrottle {
    static let window: TimeInterval = 15 * 60

    struct Key: Equatable {
        let value: String
        let limit: Int
    }

    let db: any Database

    static func keys(email: String, client: String, device: String?) -> [Key] {
        if let device { return [Key(value: "device:\(device)", limit: 10)] }
        return [Key(value: "pair:\(email)|\(client)", limit: 5), Key(value: "email:\(email)", limit: 20), Key(value: "client:\(client)", limit: 50)]
    }

    /// Records the attempt; nil when one of its keys is over its limit (then nothing is kept).
    func begin(_ keys: [Key], now: Date) async throws -> Attempt? {
        let rows = keys.map { LoginFailureRecord(key: $0.value, failedAt: now) }
        try await rows.create(on: db)
        let since = now.addingTimeInterval(-Self.window)
        for key in keys {
            let count = try await LoginFailureRecord.query(on: db).filter(\.$key == key.value).filter(\.$failedAt > since).count()
            if count > key.limit {
                try await LoginFailureRecord.query(on: db).filter(\.$id ~~ rows.compactMap(\.id)).delete()
                return nil
            }
        }
        return Attempt(ids: rows.compactMap(\.id), keys: keys)
    }

    struct Attempt {
        let ids: [UUID]
        let keys: [Key]
    }

    /// A wrong password: the attempt stays counted. Rows older than the window are useless;
    /// clearing them here keeps the table small without a job.
    func failed(now: Date) async throws {
        try await LoginFailureRecord.query(on: db).filter(\.$failedAt < now.addingTimeInterval(-Self.window)).delete()
    }

    /// The right password: this attempt and the account's earlier failures are forgotten;
    /// the client's count for other accounts stays.
    func succeeded(_ attempt: Attempt) async throws {
        let forget = attempt.keys.map(\.value).filter { !$0.hasPrefix("client:") }
        try await LoginFailureRecord.query(on: db).group(.or) { group in
            group.filter(\.$id ~~ attempt.ids)
            group.filter(\.$key ~~ forget)
        }.delete()
    }
}
