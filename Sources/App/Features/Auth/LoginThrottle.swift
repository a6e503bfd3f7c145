import Fluent
import Vapor

/// Slows down password guessing: after 5 failed logins for one e-mail address or from
/// one network address within 15 minutes, further attempts are refused for 15 minutes.
struct LoginThrottle {
    static let limit = 5
    static let window: TimeInterval = 15 * 60

    let db: any Database

    static func keys(email: String, address: String?) -> [String] {
        ["email:\(email)", "ip:\(address ?? "onbekend")"]
    }

    func isLocked(_ keys: [String], now: Date = Date()) async throws -> Bool {
        let since = now.addingTimeInterval(-Self.window)
        for key in keys {
            let failures = try await LoginFailureRecord.query(on: db)
                .filter(\.$key == key).filter(\.$failedAt > since).count()
            if failures >= Self.limit { return true }
        }
        return false
    }

    func recordFailure(_ keys: [String], now: Date = Date()) async throws {
        for key in keys { try await LoginFailureRecord(key: key, failedAt: now).create(on: db) }
        // Old rows are useless; clearing them here keeps the table small without a job.
        try await LoginFailureRecord.query(on: db).filter(\.$failedAt < now.addingTimeInterval(-Self.window)).delete()
    }

    func clear(email key: String) async throws {
        try await LoginFailureRecord.query(on: db).filter(\.$key == key).delete()
    }
}
