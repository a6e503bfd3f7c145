import Domain
import Fluent
import Vapor

/// `/account`: a person changes their own name, password and e-mail address (see
/// `EmailChangeController`), and sees where they are logged in, and can end those sessions.
struct AccountController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.account, use: show)
        routes.post(Paths.accountName, use: changeName)
        routes.post(Paths.accountPassword, use: changePassword)
        routes.post(Paths.accountEndSession(.param), use: endSession)
        routes.post(Paths.accountEndOtherSessions, use: endOtherSessions)
    }

    /// What the forms of the page show again: the saved name, a typed new address.
    struct Values: Encodable { let name: String; let newEmail: String? }

    struct SessionRow: Encodable { let started: String; let lastSeen: String; let isThis: Bool; let endHref: String }

    struct Page: Encodable {
        let layout: Layout
        let email: String
        let version: Int
        let name: FormField
        let currentPassword: FormField
        let password: FormField
        let passwordRepeat: FormField
        let newEmail: FormField
        let emailPassword: FormField
        let pendingEmail: String?
        let mailOff: Bool
        let sessions: [SessionRow]
        let hasOtherSessions: Bool
        let hasErrors: Bool
        let errorSummary: [FormState.SummaryItem]
    }

    func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await render(req, FormState(Values(name: user.name, newEmail: nil)))
    }

    func endSession(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = req.parameters.get("webSessionID").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        // Only one's own sessions; this one ends with "Uitloggen".
        let ended = try await WebSessionRecord.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == user.requireID())
            .filter(\.$id != (req.webSession.record?.id ?? UUID())).count()
        guard ended == 1 else { throw Abort(.notFound) }
        try await WebSessionRecord.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == user.requireID()).delete()
        try await req.flash("Je bent op dat apparaat uitgelogd.")
        return .seeOther(Paths.account.path + "#sessies")
    }

    func endOtherSessions(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await WebSessionRecord.query(on: req.db).filter(\.$user.$id == user.requireID())
            .filter(\.$id != (req.webSession.record?.id ?? UUID())).delete()
        try await req.flash("Je bent op alle andere apparaten uitgelogd.")
        return .seeOther(Paths.account.path + "#sessies")
    }

    func changeName(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let edit = try req.form(Edit<AccountForm>.self)
        var errors = FieldErrors()
        let name = Text.line(edit.form.name, field: AccountForm.CodingKeys.name, max: AccountInput.nameMax, into: &errors)
        guard let name, let version = edit.version else {
            if errors.isEmpty { throw Abort(.badRequest) }
            return try await render(req, FormState(Values(name: edit.form.name ?? "", newEmail: nil), errors: errors), status: .unprocessableEntity)
        }
        let saved = try await Versioned.updateAccount(user.requireID(), expectedVersion: version, set: [("name", name)], on: req.db, now: req.now)
        guard saved else { throw Abort(.conflict) }
        try await req.flash("Je naam is opgeslagen.")
        return .seeOther(Paths.account.path)
    }

    func changePassword(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.form(PasswordForm.self)
        typealias F = PasswordForm.CodingKeys
        let accounts = Accounts(request: req)
        var errors = FieldErrors()
        let current = form.currentPassword ?? ""
        if current.isEmpty { errors.add(F.currentPassword, .required) }
        else if try await !accounts.verify(current, against: user.passwordHash) { errors.add(F.currentPassword, .wrongPassword) }
        try accounts.policy.check(form.password, repeated: form.passwordRepeat, email: user.email,
                              context: [user.name] + (try await accounts.coalitionNames(of: user)), into: &errors)
        guard errors.isEmpty, let password = form.password else {
            // The password fields are never shown again; the name field keeps the saved name.
            return try await render(req, FormState(Values(name: user.name, newEmail: nil), errors: errors), status: .unprocessableEntity)
        }
        let hash = try await accounts.hash(password)
        let userID = try user.requireID()
        try await req.db.transaction { db in
            try await UserRecord.query(on: db).filter(\.$id == userID).set(\.$passwordHash, to: hash).update()
            // Every session of this person ends, including ones on other devices.
            try await WebSessionRecord.query(on: db).filter(\.$user.$id == userID).delete()
        }
        user.passwordHash = hash
        req.webSession.forget()
        try await req.startSession(userID: userID, user: user)
        try await req.flash("Je wachtwoord is gewijzigd. Op andere apparaten ben je uitgelogd.")
        return .seeOther(Paths.account.path)
    }

    func render(_ req: Request, _ form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        var form = form
        let userID = try user.requireID(), now = req.now
        let pending = try await EmailChangeRecord.query(on: req.db).filter(\.$userID == userID).filter(\.$usedAt == nil)
            .filter(\.$expiresAt > now).first()
        let idle = req.application.appConfig.sessionIdleTimeout
        let thisSession = req.webSession.record?.id
        let sessions = try await WebSessionRecord.query(on: req.db).filter(\.$user.$id == userID).sort(\.$lastSeenAt, .descending).all()
            .filter { $0.id == thisSession || now.timeIntervalSince($0.lastSeenAt) <= idle }
        typealias E = EmailChangeController.EmailForm.CodingKeys
        let newEmail = form.field(E.newEmail, "Nieuw e-mailadres", noun: "je nieuwe e-mailadres", type: "email", autocomplete: "email",
                                  hint: "Je krijgt op dat adres een mail met een link. Pas als je die link gebruikt, verandert je adres.")
        let emailPassword = form.field(E.emailPassword, "Je wachtwoord", noun: "je wachtwoord", type: "password", autocomplete: "current-password", keepValue: false)
        let rows = sessions.map { s in
            SessionRow(started: "\(DutchDate.dayMonthYear(s.createdAt)) \(DutchDate.time(s.createdAt))",
                       lastSeen: "\(DutchDate.dayMonthYear(s.lastSeenAt)) \(DutchDate.time(s.lastSeenAt))",
                       isThis: s.id == thisSession, endHref: Paths.accountEndSession(s.id!).path)
        }
        return try await req.page("account/edit", title: "Mijn account", current: .account, status: status) { layout in
            Page(
                layout: layout, email: user.email, version: user.version,
                name: form.field(AccountForm.CodingKeys.name, "Naam", noun: "je naam", autocomplete: "name"),
                currentPassword: form.field(PasswordForm.CodingKeys.currentPassword, "Huidig wachtwoord", noun: "je huidige wachtwoord", type: "password", autocomplete: "current-password", keepValue: false),
                password: form.field(PasswordForm.CodingKeys.password, "Nieuw wachtwoord", noun: "een nieuw wachtwoord", type: "password", autocomplete: "new-password", hint: "Minstens 15 tekens.", keepValue: false),
                passwordRepeat: form.field(PasswordForm.CodingKeys.passwordRepeat, "Herhaal het nieuwe wachtwoord", noun: "het nieuwe wachtwoord nog een keer", type: "password", autocomplete: "new-password", keepValue: false),
                newEmail: newEmail, emailPassword: emailPassword, pendingEmail: pending?.newEmail,
                mailOff: req.application.appConfig.smtp == nil,
                sessions: rows, hasOtherSessions: rows.contains { !$0.isThis },
                hasErrors: !form.errors.isEmpty, errorSummary: form.summary)
        }
    }
}
