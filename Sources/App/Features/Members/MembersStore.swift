import Domain
import Fluent
import Foundation
import Vapor

/// The only code of the Members feature that queries the database. It is made with the
/// tenant, and every query it runs is limited to that coalition: a caller cannot forget the
/// filter, and an id of another coalition finds nothing.
struct MembersStore: TenantStore {
    let coalitionID: UUID
    let db: any Database

    // MARK: reading

    func membership(_ id: UUID) async throws -> MembershipRecord? {
        try await MembershipRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).firstWithUser()
    }

    func memberships() async throws -> [MembershipRecord] {
        try await MembershipRecord.query(on: db).filter(\.$coalitionID == coalitionID).allWithUser()
    }

    func locationLinks() async throws -> [MembershipLocationRecord] {
        try await MembershipLocationRecord.query(on: db).filter(\.$coalitionID == coalitionID).all()
    }

    func locationNames() async throws -> [UUID: String] {
        Dictionary(uniqueKeysWithValues: try await LocationRecord.query(on: db).filter(\.$coalitionID == coalitionID).all().map { (try $0.requireID(), $0.name) })
    }

    func partnerNames() async throws -> [UUID: String] {
        Dictionary(uniqueKeysWithValues: try await PartnerRecord.query(on: db).filter(\.$coalitionID == coalitionID).all().map { (try $0.requireID(), $0.name) })
    }

    func invitation(_ id: UUID) async throws -> InvitationRecord? {
        try await InvitationRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).first()
    }

    func openInvitations(now: Date) async throws -> [InvitationRecord] {
        try await InvitationRecord.query(on: db)
            .filter(\.$coalitionID == coalitionID).filter(\.$acceptedAt == nil).filter(\.$revokedAt == nil)
            .filter(\.$expiresAt > now).sort(\.$createdAt).all()
    }

    // MARK: writing

    enum Change: Equatable { case done, conflict, lastProjectleider, notFound }

    /// A new role (or none: the membership ends). A coalition always keeps a projectleider,
    /// also when two of them demote each other at the same moment: the check and the change
    /// run in one transaction that holds the coalition's lock, and the role is read again
    /// inside it. `expectedVersion` is the version the form was based on (roles only).
    func change(_ id: UUID, to role: Role?, expectedVersion: Int?, now: Date) async throws -> Change {
        let coalitionID = self.coalitionID
        return try await db.writeTransaction { db in
            try await db.lockCoalition(coalitionID)
            guard let current = try await MembershipRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$id == id).first() else {
                return .notFound
            }
            let projectleiders = try await MembershipRecord.query(on: db)
                .filter(\.$coalitionID == coalitionID).filter(\.$role == .projectleider).count()
            guard Membership.mayLeave(currentRole: current.role, newRole: role, projectleiders: projectleiders) else { return .lastProjectleider }
            if let role {
                let saved = try await MembersStore(coalitionID: coalitionID, on: db).update(
                    MembershipRecord.schema, id: id, from: expectedVersion ?? -1, set: [("role", role.rawValue)], now: now)
                return saved ? .done : .conflict
            }
            try await MembershipRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$id == id).delete()
            return .done
        }
    }

    func revoke(_ invitation: InvitationRecord, now: Date) async throws {
        guard invitation.isOpen, invitation.coalitionID == coalitionID else { return }
        invitation.revokedAt = now
        try await invitation.update(on: db)
    }

    struct NewInvitation: Sendable {
        let name: String
        let email: String
        let role: Role
        let partnerID: UUID?
        let locationIDs: [UUID]
        let tokenHash: String
        let expiresAt: Date
        let invitedBy: UUID
        /// Written in the same transaction: the mail exists exactly when the invitation does.
        let mail: Mail
    }

    /// One open invitation per person: checked and written under the coalition's lock, so
    /// two quick submits cannot both pass the check. The refusal, if any.
    func invite(_ new: NewInvitation, now: Date) async throws -> FieldIssue? {
        let coalitionID = self.coalitionID
        return try await db.writeTransaction { db -> FieldIssue? in
            try await db.lockCoalition(coalitionID)
            if let user = try await UserRecord.query(on: db).filter(\.$email == new.email).first(),
               try await MembershipRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$user.$id == user.requireID()).count() > 0 {
                return .alreadyMember
            }
            let open = try await InvitationRecord.query(on: db)
                .filter(\.$coalitionID == coalitionID).filter(\.$email == new.email)
                .filter(\.$acceptedAt == nil).filter(\.$revokedAt == nil).filter(\.$expiresAt > now).count()
            if open > 0 { return .alreadyInvited }
            let invitation = InvitationRecord()
            invitation.coalitionID = coalitionID
            invitation.name = new.name
            invitation.email = new.email
            invitation.role = new.role
            invitation.partnerID = new.role == .partner ? new.partnerID : nil
            invitation.locationIDs = new.role == .coordinator ? new.locationIDs.map(\.uuidString).joined(separator: ",") : ""
            invitation.tokenHash = new.tokenHash
            invitation.expiresAt = new.expiresAt
            invitation.invitedBy = new.invitedBy
            try await invitation.create(on: db)
            try await Outbox.queue(new.mail, on: db, now: now)
            return nil
        }
    }
}
