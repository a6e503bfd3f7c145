import Domain
import Fluent
import Foundation

/// A person's place in one coalition, with a role.
package final class MembershipRecord: Model, @unchecked Sendable {
    package static let schema = "memberships"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Parent(key: "user_id") package var user: UserRecord
    @Field(key: "role") package var role: Role
    /// Set for role `partner`: the organisation this person works for.
    @OptionalField(key: "partner_id") package var partnerID: UUID?
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $user, $role, $partnerID, $version, $createdAt, $updatedAt]) }

    package init(id: UUID? = nil, coalitionID: UUID, userID: UUID, role: Role, partnerID: UUID? = nil) {
        self.id = id
        self.coalitionID = coalitionID
        self.$user.id = userID
        self.role = role
        self.partnerID = partnerID
        self.version = 1
    }
}

/// The school locations a coordinator coordinates.
package final class MembershipLocationRecord: Model, @unchecked Sendable {
    package static let schema = "membership_locations"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "membership_id") package var membershipID: UUID
    @Field(key: "location_id") package var locationID: UUID

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $membershipID, $locationID]) }

    package init(coalitionID: UUID, membershipID: UUID, locationID: UUID) {
        self.coalitionID = coalitionID
        self.membershipID = membershipID
        self.locationID = locationID
    }
}

extension QueryBuilder where Model == MembershipRecord {
    /// The memberships with their person, joined in one query (`.with(\.$user)` takes two).
    package func allWithUser() async throws -> [MembershipRecord] {
        try await join(UserRecord.self, on: \MembershipRecord.$user.$id == \UserRecord.$id).all().map { membership in
            membership.$user.value = try membership.joined(UserRecord.self)
            return membership
        }
    }

    package func firstWithUser() async throws -> MembershipRecord? {
        try await limit(1).allWithUser().first
    }
}
