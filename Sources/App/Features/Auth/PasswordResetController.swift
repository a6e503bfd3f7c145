import Domain
import Fluent
import SQLKit
import Vapor

/// "Wachtwoord vergeten": a link by mail that works once, for one hour.
///
/// The answer never tells whether an address has an account: the page, the status and the
/// work done are the same (a reset row is written either way; only for an account does it
/// have an owner and a mail in the outbox, in the same transaction), and the mail leaves
/// later through the worker, so SMTP time does not show either. Requests are limited per
/// address (over the limit: the same answer, no new mail) and per client (a 429).
struct PasswordResetController: RouteCollection {
    static let validity: TimeInterval = 3600
    static let perAddress = 3
    static let perClient = 20

    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.forgotPassword, use: show)
        routes.post(Paths.forgotPassword, use: request)
        routes.get(Paths.resetPassword(.param), use: showReset)
        routes.post(Paths.resetPassword(.param), use: reset)
    }

    struct ForgotPage: Encodable {
        let layout: Layout
        let email: FormField
        let sentTo: String?
        let problem: String?
        /// Without a mail server there is no way to send the link: the page says whom to ask.
        let mailOff: Bool
        let hasErrors: Bool
        let errorSummary: [FormState.SummaryItem]
    }

    struct ResetPage: Encodable {
        let layout: Layout
        let action: String
        let email: String
        let password: FormField
        let passwordRepeat: FormField
        let hasErrors: Bool
        let errorSummary: [FormState.SummaryItem]
    }

    struct InvalidPage: Encodable { let layout: Layout; let again: String }

    struct ForgotForm: Codable {
        enum CodingKeys: String, CodingKey, FieldName { case email }
        var email: String?
    }

    func show(req: Request) async throws -> Response {
        try await renderForgot(req, FormState(ForgotForm(email: "")))
    }

    func request(req: Request) async throws -> Response {
        let form = try req.form(ForgotForm.self)
        var errors = FieldErrors()
        guard let email = Email.validate(form.email, field: "email", into: &errors) else {
            return try await renderForgot(req, FormState(form, errors: errors), status: .unprocessableEntity)
        }
        let throttle = LoginThrottle(db: req.db)
        guard try await throttle.begin([.init(value: "reset-client:\(ClientAddress.of(req))", limit: Self.perClient)], now: req.now) != nil else {
            return try await renderForgot(req, FormState(form), status: .tooManyRequests,
                problem: "Er zijn vanaf dit adres te veel aanvragen gedaan. Wacht 15 minuten en probeer het dan opnieuw.")
        }
        let withinLimit = try await throttle.begin([.init(value: "reset-email:\(email)", limit: Self.perAddress)], now: req.now) != nil
        let user = try await Accounts(request: req).user(email: email)
        let token = Tokens.random()
        let now = req.now, expiresAt = now.addingTimeInterval(Self.validity)
        let mail = user.map { Mails.passwordReset(to: $0.email, name: $0.name, link: req.absoluteURL(Paths.resetPassword(token).path), validUntil: expiresAt) }
        let owner = withinLimit ? user?.id : nil
        try await req.db.writeTransaction { db in
            try await PasswordResetRecord(userID: owner, tokenHash: Tokens.sha256(token), now: now, expiresAt: expiresAt).create(on: db)
            if let mail, owner != nil { try await Outbox.queue(mail, on: db, now: now) }
            // Links that ran out are no use to anyone; clearing them here needs no job.
            try await PasswordResetRecord.query(on: db).filter(\.$expiresAt < now.addingTimeInterval(-24 * 3600)).delete()
        }
        return try await renderForgot(req, FormState(ForgotForm(email: "")), sentTo: email)
    }

    func showReset(req: Request) async throws -> Response {
        guard let (_, user) = try await find(req) else { return try await invalid(req) }
        return try await renderReset(req, user: user, FormState(NoValues()))
    }

    func reset(req: Request) async throws -> Response {
        guard let (token, user) = try await find(req) else { return try await invalid(req) }
        let form = try req.form(PasswordForm.self)
        let accounts = Accounts(request: req)
        var errors = FieldErrors()
        try accounts.policy.check(form.password, repeated: form.passwordRepeat, email: user.email,
                                  context: [user.name] + (try await accounts.coalitionNames(of: user)), into: &errors)
        guard errors.isEmpty, let password = form.password else {
            return try await renderReset(req, user: user, FormState(NoValues(), errors: errors), status: .unprocessableEntity)
        }
        let hash = try await accounts.hash(password)
        let userID = try user.requireID(), now = req.now
        // The claim comes first: of two tabs sending the form, one wins.
        let done = try await req.db.writeTransactionIf { db in
            let claimed = try await db.sql.update(PasswordResetRecord.schema).set("used_at", to: now)
                .where("token_hash", .equal, Tokens.sha256(token)).where("used_at", .is, SQLLiteral.null)
                .where("expires_at", .greaterThan, now).returning("id").all()
            guard !claimed.isEmpty else { return false }
            try await UserRecord.query(on: db).filter(\.$id == userID).set(\.$passwordHash, to: hash).update()
            // Whoever was logged in with the old password is not any more.
            try await WebSessionRecord.query(on: db).filter(\.$user.$id == userID).delete()
            try await PasswordResetRecord.query(on: db).filter(\.$userID == userID).filter(\.$usedAt == nil).delete()
            try await LoginFailureRecord.query(on: db).filter(\.$key ~~ ["email:\(user.email)"]).delete()
            return true
        }
        guard done else { return try await invalid(req) }
        user.passwordHash = hash
        req.webSession.forget()
        try await req.startSession(userID: userID, user: user)
        try await req.flash("Je wachtwoord is gewijzigd en je bent ingelogd. Op andere apparaten ben je uitgelogd.")
        return .seeOther(Paths.start.path)
    }

    /// The token of the address and its account, while the link may still be used.
    private func find(_ req: Request) async throws -> (String, UserRecord)? {
        guard let token = req.parameters.get("token"), token.count == 43,
              let reset = try await PasswordResetRecord.query(on: req.db).filter(\.$tokenHash == Tokens.sha256(token)).first(),
              reset.usedAt == nil, reset.expiresAt > req.now, let userID = reset.userID,
              let user = try await UserRecord.find(userID, on: req.db)
        else { return nil }
        return (token, user)
    }

    private func invalid(_ req: Request) async throws -> Response {
        try await req.page("auth/reset-invalid", title: "Deze link werkt niet meer", status: .notFound) { layout in
            InvalidPage(layout: layout, again: Paths.forgotPassword.path)
        }
    }

    private func renderForgot(_ req: Request, _ form: FormState, sentTo: String? = nil, status: HTTPStatus = .ok, problem: String? = nil) async throws -> Response {
        var form = form
        return try await req.page("auth/forgot", title: "Wachtwoord vergeten", status: status) { layout in
            ForgotPage(
                layout: layout,
                email: form.field(ForgotForm.CodingKeys.email, "E-mailadres", noun: "je e-mailadres", type: "email", autocomplete: "email",
                                  hint: "Het adres waarmee je inlogt."),
                sentTo: sentTo, problem: problem, mailOff: req.application.appConfig.smtp == nil,
                hasErrors: !form.errors.isEmpty, errorSummary: form.summary)
        }
    }

    private func renderReset(_ req: Request, user: UserRecord, _ form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        var form = form
        typealias F = PasswordForm.CodingKeys
        return try await req.page("auth/reset", title: "Nieuw wachtwoord kiezen", status: status) { layout in
            ResetPage(
                layout: layout, action: req.url.path, email: user.email,
                password: form.field(F.password, "Nieuw wachtwoord", noun: "een nieuw wachtwoord", type: "password", autocomplete: "new-password",
                                     hint: "Minstens 15 tekens. Een zin van een paar woorden werkt goed.", keepValue: false),
                passwordRepeat: form.field(F.passwordRepeat, "Herhaal het nieuwe wachtwoord", noun: "het nieuwe wachtwoord nog een keer",
                                           type: "password", autocomplete: "new-password", keepValue: false),
                hasErrors: !form.errors.isEmpty, errorSummary: form.summary)
        }
    }
}

/// A form whose fields are never shown again (passwords).
private struct NoValues: Encodable {}
