import Domain
import Foundation
import Fluent

/// E-mail addresses are stored in Unicode NFC from now on (Email.normalize). Addresses
/// stored before in another form are rewritten, unless the NFC spelling belongs to another
/// account already: then both stay as they are and the log says which, for the admin.
struct M0020_NormalizeEmails: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for table in ["users", "invitations"] {
            let rows = try await database.sql.select().columns("id", "email").from(table).all()
            var taken = Set(try rows.map { try $0.decode(column: "email", as: String.self) })
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                let email = try row.decode(column: "email", as: String.self)
                let normal = Email.normalize(email)
                guard normal != email else { continue }
                if table == "users", taken.contains(normal) {
                    database.logger.warning("two accounts have the same e-mail address in different Unicode forms; left unchanged", metadata: ["user": "\(id)"])
                    continue
                }
                try await database.sql.update(table).set("email", to: normal).where("id", .equal, id).run()
                taken.insert(normal)
            }
        }
    }

    func revert(on database: any Database) async throws {}
}
