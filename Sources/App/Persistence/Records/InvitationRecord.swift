import Domain
import Fluent
import Foundation

/// An invitation to join a coalition. Only the SHA-256 of the link's token is stored,
/// so a copy of the database does not let anyone in.
final class InvitationRecord: Model, @unchecked Sendable {
    static let schema = "invitations"

    @ID(key: .id) var id: UUID?
    @Field(key: "coalition_id") var coalitionID: UUID
    @Field(key: "name") var name: String
    @Field(key: "email") var email: String
    @Field(key: "role") var role: Role
    @OptionalField(key: "partner_id") var partnerID: UUID?
    /// Comma-separated location ids, for role `coordinator`.
    @Field(key: "location_ids") var locationIDs: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "invited_by") var invitedBy: UUID
    @OptionalField(key: "accepted_at") var acceptedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var properties: [any AnyProperty] { listed([$id, $coalitionID, $name, $email, $role, $partnerID, $locationIDs, $tokenHash, $expiresAt, $invitedBy, $acceptedAt, $revokedAt, $createdAt]) }

    var isOpen: Bool { acceptedAt == nil && revokedAt == nil }

    var locations: [UUID] {
        locationIDs.split(separator: ",").compactMap { UUID(uuidString: String($0)) }
    }
}
