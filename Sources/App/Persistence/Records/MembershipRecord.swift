import Domain
import Fluent
import Foundation

/// A person's place in one coalition, with a role.
final class MembershipRecord: Model, @unchecked Sendable {
    static let schema = "memberships"

    @ID(key: .id) var id: UUID?
    @Field(key: "coalition_id") var coalitionID: UUID
    @Parent(key: "user_id") var user: UserRecord
    @Field(key: "role") var role: Role
    /// Set for role `partner`: the organisation this person works for.
    @OptionalField(key: "partner_id") var partnerID: UUID?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var properties: [any AnyProperty] { listed([$id, $coalitionID, $user, $role, $partnerID, $version, $createdAt, $updatedAt]) }

    init(id: UUID? = nil, coalitionID: UUID, userID: UUID, role: Role, partnerID: UUID? = nil) {
        self.id = id
        self.coalitionID = coalitionID
        self.$user.id = userID
        self.role = role
        self.partnerID = partnerID
        self.version = 1
    }
}

/// The school locations a coordinator coordinates.
final class MembershipLocationRecord: Model, @unchecked Sendable {
    static let schema = "membership_locations"

    @ID(key: .id) var id: UUID?
    @Field(key: "coalition_id") var coalitionID: UUID
    @Field(key: "membership_id") var membershipID: UUID
    @Field(key: "location_id") var locationID: UUID

    init() {}

    var properties: [any AnyProperty] { listed([$id, $coalitionID, $membershipID, $locationID]) }

    init(coalitionID: UUID, membershipID: UUID, locationID: UUID) {
        self.coalitionID = coalitionID
        self.membershipID = membershipID
        self.locationID = locationID
    }
}
