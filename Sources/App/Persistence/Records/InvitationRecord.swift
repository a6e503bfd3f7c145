import Domain
import Fluent
import Foundation

/// An invitation to join a coalition. Only the SHA-256 of the link's token is stored,
/// so a copy of the database does not let anyone in.
package final class InvitationRecord: Model, @unchecked Sendable {
    package static let schema = "invitations"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "name") package var name: String
    @Field(key: "email") package var email: String
    @Field(key: "role") package var role: Role
    @OptionalField(key: "partner_id") package var partnerID: UUID?
    /// Comma-separated location ids, for role `coordinator`.
    @Field(key: "location_ids") package var locationIDs: String
    @Field(key: "token_hash") package var tokenHash: String
    @Field(key: "expires_at") package var expiresAt: Date
    @Field(key: "invited_by") package var invitedBy: UUID
    @OptionalField(key: "accepted_at") package var acceptedAt: Date?
    @OptionalField(key: "revoked_at") package var revokedAt: Date?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $name, $email, $role, $partnerID, $locationIDs, $tokenHash, $expiresAt, $invitedBy, $acceptedAt, $revokedAt, $createdAt]) }

    package var isOpen: Bool { acceptedAt == nil && revokedAt == nil }

    package var locations: [UUID] {
        locationIDs.split(separator: ",").compactMap { UUID(uuidString: String($0)) }
    }
}
