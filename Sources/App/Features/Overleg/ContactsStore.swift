import Domain
import Fluent
import Foundation

/// The only code that queries contact persons and their roles. Made with the tenant:
/// another coalition's ids find nothing.
package struct ContactsStore: TenantStore {
    package let coalitionID: UUID
    package let db: any Database

    package init(coalitionID: UUID, db: any Database) { (self.coalitionID, self.db) = (coalitionID, db) }

    package func contacts() async throws -> [ContactRecord] {
        try await ContactRecord.query(on: db).filter(\.$coalitionID == coalitionID).sort(\.$name).all()
    }

    func contact(_ id: UUID) async throws -> ContactRecord? {
        try await ContactRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).first()
    }

    /// Every role of every contact person, oldest first.
    package func roles() async throws -> [ContactRoleRecord] {
        try await ContactRoleRecord.query(on: db).filter(\.$coalitionID == coalitionID).sort(\.$fromDay).sort(\.$createdAt).all()
    }

    func roles(of contact: UUID) async throws -> [ContactRoleRecord] {
        try await ContactRoleRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$contactID == contact)
            .sort(\.$fromDay).sort(\.$createdAt).all()
    }

    /// A new contact person with where they work: both or neither.
    @discardableResult
    package func add(_ input: ContactInput, role: ContactRoleInput) async throws -> UUID {
        let coalitionID = coalitionID
        return try await db.writeTransaction { db in
            let contact = ContactRecord(coalitionID: coalitionID, input)
            try await contact.create(on: db)
            try await ContactRoleRecord(coalitionID: coalitionID, contactID: try contact.requireID(), role).create(on: db)
            return try contact.requireID()
        }
    }

    func update(_ id: UUID, from version: Int, _ input: ContactInput, now: Date) async throws -> Bool {
        try await update(ContactRecord.schema, id: id, from: version, set: ContactRecord.columns(input), now: now)
    }

    /// The person starts somewhere else (or in another function, or for another wijk) on
    /// `role.from`: the role they had ends that day, and stays in the history. False, with
    /// nothing written, when the person was changed since `version`.
    package func move(_ id: UUID, from version: Int, to role: ContactRoleInput, now: Date) async throws -> Bool {
        let coalitionID = coalitionID
        return try await db.writeTransactionIf { db in
            guard try await Versioned.update(ContactRecord.schema, id: id, coalitionID: coalitionID, expectedVersion: version, set: [], on: db, now: now) else {
                return false
            }
            try await ContactRoleRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$contactID == id).filter(\.$untilDay == nil)
                .set(\.$untilDay, to: role.from.iso).update()
            try await ContactRoleRecord(coalitionID: coalitionID, contactID: id, role).create(on: db)
            return true
        }
    }

    func delete(contact id: UUID) async throws {
        try await ContactRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).delete()
    }
}
