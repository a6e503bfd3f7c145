import Fluent
import Foundation

/// A person with a login. Not owned by a coalition: one person can be a member of several.
package final class UserRecord: Model, @unchecked Sendable {
    package static let schema = "users"

    @ID(key: .id) package var id: UUID?
    @Field(key: "email") package var email: String
    @Field(key: "name") package var name: String
    @Field(key: "password_hash") package var passwordHash: String
    @Field(key: "is_admin") package var isAdmin: Bool
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $email, $name, $passwordHash, $isAdmin, $version, $createdAt, $updatedAt]) }

    package init(id: UUID? = nil, email: String, name: String, passwordHash: String, isAdmin: Bool = false) {
        self.id = id
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.isAdmin = isAdmin
        self.version = 1
    }
}
