import Domain
import Fluent
import SQLKit
import Vapor

/// A new e-mail address for one's account, confirmed from that address.
///
/// Asking needs the current password (a borrowed laptop must not be enough to take the
/// account away). The link goes to the new address, a notice to the old one. Confirming
/// works without being logged in: the link proves the new mailbox, the password proved the
/// owner. Whether the new address has an account already is said only at confirmation, to
/// whoever holds that mailbox.
struct EmailChangeController: RouteCollection {
    static let validity: TimeInterval = 24 * 3600

    func boot(routes: any RoutesBuilder) throws {
        routes.post(Paths.accountEmail, use: request)
    }

    struct EmailForm: Codable {
        enum CodingKeys: String, CodingKey, FieldName { case newEmail, emailPassword }
        var newEmail, emailPassword: String?
    }

    func request(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.form(EmailForm.self)
        typealias F = EmailForm.CodingKeys
        var errors = FieldErrors()
        let newEmail = Email.validate(form.newEmail, field: F.newEmail.fieldName, into: &errors)
        if newEmail == user.email { errors.add(F.newEmail, .sameEmail) }
        let password = form.emailPassword ?? ""
        if password.isEmpty { errors.add(F.emailPassword, .required) }
        else if try await !Accounts(request: req).verify(password, against: user.passwordHash) { errors.add(F.emailPassword, .wrongPassword) }
        guard errors.isEmpty, let newEmail else {
            return try await AccountController().render(req, FormState(AccountController.Values(name: user.name, newEmail: form.newEmail), errors: errors),
                                                        status: .unprocessableEntity)
        }
        let token = Tokens.random(), now = req.now, expiresAt = now.addingTimeInterval(Self.validity)
        let userID = try user.requireID()
        let confirm = Mails.confirmEmail(to: newEmail, name: user.name, link: req.absoluteURL(Paths.confirmEmail(token).path), validUntil: expiresAt)
        let notice = Mails.emailChangeNotice(to: user.email, name: user.name, newEmail: newEmail)
        try await req.db.writeTransaction { db in
            // One open request at a time: a new one replaces the old.
            try await EmailChangeRecord.query(on: db).filter(\.$userID == userID).filter(\.$usedAt == nil).delete()
            try await EmailChangeRecord(userID: userID, newEmail: newEmail, tokenHash: Tokens.sha256(token), now: now, expiresAt: expiresAt).create(on: db)
            try await Outbox.queue(confirm, on: db, now: now)
            try await Outbox.queue(notice, on: db, now: now)
        }
        try await req.flash("We hebben een mail gestuurd naar \(newEmail). Klik op de link in die mail om je nieuwe adres te bevestigen. Tot dan log je in met \(user.email).")
        return .seeOther(Paths.account.path)
    }
}

/// `/emailadres-bevestigen/{token}`: the page the link opens (a button, so a mail program
/// that opens links to check them confirms nothing) and the confirmation itself.
struct ConfirmEmailController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.confirmEmail(.param), use: show)
        routes.post(Paths.confirmEmail(.param), use: confirm)
    }

    struct Page: Encodable { let layout: Layout; let action: String; let newEmail: String; let problem: String? }
    struct Invalid: Encodable { let layout: Layout; let account: String }

    func show(req: Request) async throws -> Response {
        guard let change = try await find(req) else { return try await invalid(req) }
        return try await req.page("account/confirm-email", title: "Nieuw e-mailadres bevestigen") { layout in
            Page(layout: layout, action: req.url.path, newEmail: change.newEmail, problem: nil)
        }
    }

    func confirm(req: Request) async throws -> Response {
        guard let change = try await find(req), let token = req.parameters.get("token") else { return try await invalid(req) }
        let now = req.now, newEmail = change.newEmail, userID = change.userID
        var taken = false
        let done = try await req.db.writeTransactionIf { db in
            let claimed = try await db.sql.update(EmailChangeRecord.schema).set("used_at", to: now)
                .where("token_hash", .equal, Tokens.sha256(token)).where("used_at", .is, SQLLiteral.null)
                .where("expires_at", .greaterThan, now).returning("id").all()
            guard !claimed.isEmpty else { return false }
            guard try await UserRecord.query(on: db).filter(\.$email == newEmail).first() == nil else { return false }
            try await db.sql.update(UserRecord.schema).set("email", to: newEmail).set("updated_at", to: now)
                .set(SQLIdentifier("version"), to: SQLRaw("version + 1")).where("id", .equal, userID).run()
            return true
        }
        if !done { taken = try await UserRecord.query(on: req.db).filter(\.$email == newEmail).first() != nil }
        guard done else {
            guard taken else { return try await invalid(req) }
            return try await req.page("account/confirm-email", title: "Nieuw e-mailadres bevestigen", status: .conflict) { layout in
                Page(layout: layout, action: req.url.path, newEmail: newEmail,
                     problem: "Er is al een ander account met \(newEmail). Log daarmee in, of kies onder ‘Mijn account’ een ander adres.")
            }
        }
        try await req.flash("Je e-mailadres is nu \(newEmail). Daarmee log je voortaan in.")
        return .seeOther(req.currentUser?.id == userID ? Paths.account.path : Paths.login.path)
    }

    private func find(_ req: Request) async throws -> EmailChangeRecord? {
        guard let token = req.parameters.get("token"), token.count == 43,
              let change = try await EmailChangeRecord.query(on: req.db).filter(\.$tokenHash == Tokens.sha256(token)).first(),
              change.usedAt == nil, change.expiresAt > req.now
        else { return nil }
        return change
    }

    private func invalid(_ req: Request) async throws -> Response {
        try await req.page("account/confirm-invalid", title: "Deze link werkt niet meer", status: .notFound) { layout in
            Invalid(layout: layout, account: Paths.account.path)
        }
    }
}
