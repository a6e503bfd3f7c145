import Domain
import Fluent
import Vapor

/// `/account`: a person changes their own name and password.
struct AccountController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.account, use: show)
        routes.post(Paths.accountName, use: changeName)
        routes.post(Paths.accountPassword, use: changePassword)
    }

    struct Page: Encodable {
        let layout: Layout
        let email: String
        let version: Int
        let name: FormField
        let currentPassword: FormField
        let password: FormField
        let passwordRepeat: FormField
        let hasErrors: Bool
        let errorSummary: [FormState.SummaryItem]
    }

    func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await render(req, FormState(AccountForm(name: user.name)))
    }

    func changeName(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let edit = try req.form(Edit<AccountForm>.self)
        var errors = FieldErrors()
        let name = Text.line(edit.form.name, field: AccountForm.CodingKeys.name, max: AccountInput.nameMax, into: &errors)
        guard let name, let version = edit.version else {
            if errors.isEmpty { throw Abort(.badRequest) }
            return try await render(req, FormState(edit.form, errors: errors), status: .unprocessableEntity)
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
            return try await render(req, FormState(AccountForm(name: user.name), errors: errors), status: .unprocessableEntity)
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

    private func render(_ req: Request, _ form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        var form = form
        return try await req.page("account/edit", title: "Mijn account", current: .account, status: status) { layout in
            Page(
                layout: layout, email: user.email, version: user.version,
                name: form.field(AccountForm.CodingKeys.name, "Naam", noun: "je naam", autocomplete: "name"),
                currentPassword: form.field(PasswordForm.CodingKeys.currentPassword, "Huidig wachtwoord", noun: "je huidige wachtwoord", type: "password", autocomplete: "current-password", keepValue: false),
                password: form.field(PasswordForm.CodingKeys.password, "Nieuw wachtwoord", noun: "een nieuw wachtwoord", type: "password", autocomplete: "new-password", hint: "Minstens 15 tekens.", keepValue: false),
                passwordRepeat: form.field(PasswordForm.CodingKeys.passwordRepeat, "Herhaal het nieuwe wachtwoord", noun: "het nieuwe wachtwoord nog een keer", type: "password", autocomplete: "new-password", keepValue: false),
                hasErrors: !form.errors.isEmpty, errorSummary: form.summary)
        }
    }
}
