import Domain
import Fluent
import Vapor

/// Password and account rules shared by first use, invitations and the account page.
struct Accounts {
    let request: Request

    var policy: PasswordPolicy { request.application.passwordPolicy }

    func hash(_ password: String) async throws -> String {
        try await request.password.async.hash(password)
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        try await request.password.async.verify(password, created: hash)
    }

    func user(email: String) async throws -> UserRecord? {
        try await UserRecord.query(on: request.db).filter(\.$email == email).first()
    }
}

extension Application {
    private struct PolicyKey: StorageKey { typealias Value = PasswordPolicy }

    /// Loaded once from the shipped list of common passwords.
    var passwordPolicy: PasswordPolicy {
        get { storage[PolicyKey.self] ?? PasswordPolicy(commonPasswords: []) }
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
