import Domain
import Fluent
import Vapor

/// `/uitnodiging/{token}`: the invitee makes an account, or logs in with the one they
/// have, and accepts.
///
/// Whoever holds the link (also the projectleider who made it) must not learn from it
/// whether the invited address already has an account. So, for a visitor who is not
/// logged in, the page depends only on the link being revoked or expired, and making an
/// account answers the same either way: "log in to finish". With a new address the
/// account and the membership are made and the invitation is used up; with a known one
/// (also one made through this link before) nothing changes, and its owner accepts after
/// logging in with their own password.
struct AcceptInvitationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.invitation(.param), use: show)
        routes.post(Paths.invitation(.param), use: submit)
    }

    struct Page: Encodable {
        let layout: Layout
        let action: String
        let coalitionName: String
        let role: String
        let email: String
        let loginHref: String
        /// Logged in as the invited address: one button.
        let asCurrentUser: Bool
        /// Logged in as someone else: how to switch.
        let otherUser: String?
        let name: FormField
        let password: FormField
        let passwordRepeat: FormField
        let hasErrors: Bool
        let errorSummary: [FormState.SummaryItem]
    }

    struct Invalid: Encodable { let layout: Layout }

    func show(req: Request) async throws -> Response {
        guard let (invitation, coalition) = try await find(req) else { return try await invalid(req) }
        if req.currentUser != nil {
            if let done = try await alreadyMember(req, coalition) { return done }
            guard invitation.isOpen else { return try await invalid(req) }
        }
        return try await render(req, invitation, coalition, FormState(AccountForm(name: invitation.name)))
    }

    func submit(req: Request) async throws -> Response {
        guard let (invitation, coalition) = try await find(req) else { return try await invalid(req) }
        if let user = req.currentUser {
            if let done = try await alreadyMember(req, coalition) { return done }
            guard invitation.isOpen else { return try await invalid(req) }
            guard user.email == invitation.email else { throw Abort(.forbidden) }
            guard try await accept(req, invitation, as: .existing(user.requireID())) else { return try await invalid(req) }
            try await req.flash("Welkom bij \(coalition.name)! Je bent nu lid als \(Messages.roleLabel(invitation.role).lowercased()).")
            return .seeOther(Paths.coalition(coalition.slug).home)
        }
        let form = try req.form(AccountForm.self)
        let accounts = Accounts(request: req)
        var errors = FieldErrors()
        guard let account = AccountInput.validate(form, email: invitation.email, policy: try accounts.policy, context: [coalition.name], into: &errors)
        else {
            return try await render(req, invitation, coalition, FormState(form, errors: errors), status: .unprocessableEntity)
        }
        // Hashed in every case, so the answer takes as long with a known address as with a new one.
        let hash = try await accounts.hash(account.password)
        // The answer is the same whether an account was made or not (see the type's comment).
        _ = try await accept(req, invitation, as: .new(name: account.name, passwordHash: hash))
        try await req.flash("Bijna klaar. Log in met \(invitation.email) en je wachtwoord om de uitnodiging af te ronden.")
        return .seeOther(Paths.login(returningTo: req.url.path))
    }

    private func accept(_ req: Request, _ invitation: InvitationRecord, as invitee: InvitationsStore.Invitee) async throws -> Bool {
        try await InvitationsStore(on: req.db).accept(invitation, as: invitee, now: req.now)
    }

    /// The invitation of the link, if it is not revoked or expired (it may be accepted).
    private func find(_ req: Request) async throws -> (InvitationRecord, CoalitionRecord)? {
        guard let token = req.parameters.get("token"), Tokens.isPlausible(token) else { return nil }
        return try await InvitationsStore(on: req.db).invitation(token: token, now: req.now)
    }

    /// A member who opens the link (again, after logging in) goes straight to the coalition.
    private func alreadyMember(_ req: Request, _ coalition: CoalitionRecord) async throws -> Response? {
        guard let user = req.currentUser else { return nil }
        let membership = try await CoalitionsStore(on: req.db).membership(of: user.requireID(), in: coalition.requireID())
        return membership == nil ? nil : .seeOther(Paths.coalition(coalition.slug).home)
    }

    private func invalid(_ req: Request) async throws -> Response {
        try await req.page("invitation/invalid", title: "Uitnodiging niet geldig", status: .notFound) { Invalid(layout: $0) }
    }

    private func render(
        _ req: Request, _ invitation: InvitationRecord, _ coalition: CoalitionRecord, _ form: FormState, status: HTTPStatus = .ok
    ) async throws -> Response {
        var form = form
        let user = req.currentUser
        return try await req.page("invitation/accept", title: "Uitnodiging", status: status) { layout in
            Page(
                layout: layout, action: req.url.path, coalitionName: coalition.name,
                role: Messages.roleLabel(invitation.role).lowercased(), email: invitation.email,
                loginHref: Paths.login(returningTo: req.url.path),
                asCurrentUser: user?.email == invitation.email, otherUser: user.flatMap { $0.email == invitation.email ? nil : $0.email },
                name: form.field(AccountForm.CodingKeys.name, "Je naam", noun: "je naam", autocomplete: "name"),
                password: form.field(AccountForm.CodingKeys.password, "Kies een wachtwoord", noun: "een wachtwoord", type: "password", autocomplete: "new-password", hint: "Minstens 15 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.", keepValue: false),
                passwordRepeat: form.field(AccountForm.CodingKeys.passwordRepeat, "Herhaal het wachtwoord", noun: "het wachtwoord nog een keer", type: "password", autocomplete: "new-password", keepValue: false),
                hasErrors: !form.errors.isEmpty, errorSummary: form.summary)
        }
    }
}
