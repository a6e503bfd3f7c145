import Domain
import Fluent
import SQLKit
import Vapor

/// The only code of accepting an invitation that queries. The link is the key: it names
/// the coalition, so this store is not made with a tenant; everything it writes belongs to
/// the invitation's coalition.
struct InvitationsStore {
    let db: any Database

    init(on db: any Database) { self.db = db }

    enum Invitee: Sendable {
        case existing(UUID)
        case new(name: String, passwordHash: String)
    }

    /// The invitation of the token and its coalition, if it is not revoked or expired (it
    /// may be accepted).
    func invitation(token: String, now: Date) async throws -> (InvitationRecord, CoalitionRecord)? {
        guard let invitation = try await InvitationRecord.query(on: db).filter(\.$tokenHash == Tokens.sha256(token)).first(),
              invitation.revokedAt == nil, invitation.expiresAt > now,
              let coalition = try await CoalitionsStore(on: db).coalition(invitation.coalitionID)
        else { return nil }
        return (invitation, coalition)
    }

    private struct KnownAddress: Error {}

    /// Claims the invitation and makes the membership in one transaction. The claim is its
    /// first statement (a conditional UPDATE), so simultaneous accepts take turns and the
    /// link works exactly once. False when the link was used or revoked in the meantime.
    /// For a new account at an address that has one, everything is undone and true is
    /// returned: the caller answers as if the account was made.
    func accept(_ invitation: InvitationRecord, as invitee: Invitee, now: Date) async throws -> Bool {
        let invitationID = try invitation.requireID(), coalitionID = invitation.coalitionID
        let email = invitation.email, role = invitation.role, partnerID = invitation.partnerID, locations = invitation.locations
        do {
            return try await db.writeTransaction { db in
                let claimed = try await db.sql.update(InvitationRecord.schema).set("accepted_at", to: now)
                    .where("id", .equal, invitationID).where("accepted_at", .is, SQLLiteral.null).where("revoked_at", .is, SQLLiteral.null)
                    .returning("id").all()
                guard !claimed.isEmpty else { return false }
                let userID: UUID
                switch invitee {
                case .existing(let id): userID = id
                case .new(let name, let passwordHash):
                    guard try await UserRecord.query(on: db).filter(\.$email == email).first() == nil else { throw KnownAddress() }
                    let user = UserRecord(email: email, name: name, passwordHash: passwordHash)
                    try await user.create(on: db)
                    userID = try user.requireID()
                }
                guard try await CoalitionsStore(on: db).membership(of: userID, in: coalitionID) == nil else { return true }
                let membership = MembershipRecord(coalitionID: coalitionID, userID: userID, role: role, partnerID: partnerID)
                try await membership.create(on: db)
                for location in locations {
                    try await MembershipLocationRecord(coalitionID: coalitionID, membershipID: membership.requireID(), locationID: location).create(on: db)
                }
                return true
            }
        } catch is KnownAddress {
            return true
        }
    }
}
