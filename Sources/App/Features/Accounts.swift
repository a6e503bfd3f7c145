import Domain
import Fluent
import Vapor

/// Password and account rules shared by first use, invitations and the account page.
struct Accounts {
    let request: Request

    /// Loaded at start-up (configure stops when the list is missing); never an empty stand-in.
    var policy: PasswordPolicy {
        get throws {
            guard let policy = request.application.passwordPolicy else { throw Abort(.internalServerError, reason: "password policy not loaded") }
            return policy
        }
    }

    func hash(_ password: String) async throws -> String {
        try await request.password.async.hash(password)
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        try await request.password.async.verify(password, created: hash)
    }

    func user(email: String) async throws -> UserRecord? {
        try await UserRecord.query(on: request.db).filter(\.$email == email).first()
    }

    /// Names of the person's coalitions: words a guesser of their password tries first.
    func coalitionNames(of user: UserRecord) async throws -> [String] {
        let ids = try await MembershipRecord.query(on: request.db).filter(\.$user.$id == user.requireID()).all().map(\.coalitionID)
        guard !ids.isEmpty else { return [] }
        return try await CoalitionRecord.query(on: request.db).filter(\.$id ~~ ids).all().map(\.name)
    }

    /// A hash made with another bcrypt cost than the configured one is made again at login,
    /// while the password is known: the time a login takes then no longer tells an old
    /// account from a new one, and raising BCRYPT_COST reaches every account.
    func rehashIfNeeded(_ user: UserRecord, password: String) async throws {
        guard Self.cost(of: user.passwordHash) != request.application.appConfig.bcryptCost else { return }
        let hash = try await self.hash(password)
        try await UserRecord.query(on: request.db).filter(\.$id == user.requireID()).set(\.$passwordHash, to: hash).update()
        user.passwordHash = hash
    }

    /// "$2b$12$…" -> 12.
    static func cost(of hash: String) -> Int? {
        let parts = hash.split(separator: "$")
        guard parts.count >= 3 else { return nil }
        return Int(parts[1])
    }
}

extension Application {
    private struct PolicyKey: StorageKey { typealias Value = PasswordPolicy }

    /// Loaded once from the shipped list of common passwords.
    var passwordPolicy: PasswordPolicy? {
        get { storage[PolicyKey.self] }
        set { storage[PolicyKey.self] = newValue }
    }

    static func loadPasswordPolicy() throws -> PasswordPolicy {
        let words = try String(contentsOfFile: AppResources.path("common-passwords.txt"), encoding: .utf8)
            .split(separator: "\n")
            .filter { !$0.hasPrefix("#") }
            .map(String.init)
        return PasswordPolicy(commonPasswords: Set(words))
    }
}
