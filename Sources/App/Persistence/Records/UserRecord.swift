import Fluent
import Foundation

/// A person with a login. Not owned by a coalition: one person can be a member of several.
final class UserRecord: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "is_admin") var isAdmin: Bool
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var properties: [any AnyProperty] { listed([$id, $email, $name, $passwordHash, $isAdmin, $version, $createdAt, $updatedAt]) }

    init(id: UUID? = nil, email: String, name: String, passwordHash: String, isAdmin: Bool = false) {
        self.id = id
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.isAdmin = isAdmin
        self.version = 1
    }
}
