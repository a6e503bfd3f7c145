import Domain
import Fluent
import SQLKit
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
        routes.get("uitnodiging", ":token", use: show)
        routes.post("uitnodiging", ":token", use: submit)
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
        return try await render(req, invitation, coalition, FormState(values: ["name": invitation.name]))
    }

    func submit(req: Request) async throws -> Response {
        guard let (invitation, coalition) = try await find(req) else { return try await invalid(req) }
        if let user = req.currentUser {
            if let done = try await alreadyMember(req, coalition) { return done }
            guard invitation.isOpen else { return try await invalid(req) }
            guard user.email == invitation.email else { throw Abort(.forbidden) }
            guard try await accept(req, invitation, coalition, as: .existing(user.requireID())) else { return try await invalid(req) }
            try await req.flash("Welkom bij \(coalition.name)! Je bent nu lid als \(Messages.roleLabel(invitation.role).lowercased()).")
            return .seeOther(Paths.coalition(coalition.slug).home)
        }
        let values = try req.formValues()
        let accounts = Accounts(request: req)
        var errors = FieldErrors()
        guard let account = AccountInput.validate(
            name: values["name"], email: invitation.email, password: values["password"],
            passwordRepeat: values["passwordRepeat"], policy: try accounts.policy, context: [coalition.name], into: &errors)
        else {
            return try await render(req, invitation, coalition, FormState(values: values, errors: errors), status: .unprocessableEntity)
        }
        // Hashed in every case, so the answer takes as long with a known address as with a new one.
        let hash = try await accounts.hash(account.password)
        // The answer is the same whether an account was made or not (see the type's comment).
        _ = try await accept(req, invitation, coalition, as: .new(name: account.name, passwordHash: hash))
        try await req.flash("Bijna klaar. Log in met \(invitation.email) en je wachtwoord om de uitnodiging af te ronden.")
        return .seeOther(LoginController.href(returningTo: req.url.path))
    }

    enum Invitee: Sendable {
        case existing(UUID)
        case new(name: String, passwordHash: String)
    }

    private struct KnownAddress: Error {}

    /// Claims the invitation and makes the membership in one transaction. The claim is its
    /// first statement (a conditional UPDATE), so simultaneous accepts take turns and the
    /// link works exactly once. False when the link was used or revoked in the meantime.
    /// For a new account at an address that has one, everything is undone and true is
    /// returned: the caller answers as if the account was made.
    private func accept(_ req: Request, _ invitation: InvitationRecord, _ coalition: CoalitionRecord, as invitee: Invitee) async throws -> Bool {
        let invitationID = try invitation.requireID(), coalitionID = try coalition.requireID()
        let email = invitation.email, role = invitation.role, partnerID = invitation.partnerID, locations = invitation.locations
        do {
            return try await req.db.writeTransaction { db in
                let claimed = try await db.sql.update(InvitationRecord.schema).set("accepted_at", to: req.now)
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
                let already = try await MembershipRecord.query(on: db)
                    .filter(\.$coalitionID == coalitionID).filter(\.$user.$id == userID).first()
                guard already == nil else { return true }
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

    /// The invitation of the link, if it is not revoked or expired (it may be accepted).
    private func find(_ req: Request) async throws -> (InvitationRecord, CoalitionRecord)? {
        guard let token = req.parameters.get("token"), Tokens.isPlausible(token),
              let invitation = try await InvitationRecord.query(on: req.db).filter(\.$tokenHash == Tokens.sha256(token)).first(),
              invitation.revokedAt == nil, invitation.expiresAt > req.now,
              let coalition = try await CoalitionRecord.find(invitation.coalitionID, on: req.db)
        else { return nil }
        return (invitation, coalition)
    }

    /// A member who opens the link (again, after logging in) goes straight to the coalition.
    private func alreadyMember(_ req: Request, _ coalition: CoalitionRecord) async throws -> Response? {
        guard let user = req.currentUser else { return nil }
        let membership = try await MembershipRecord.query(on: req.db)
            .filter(\.$coalitionID == coalition.requireID()).filter(\.$user.$id == user.requireID()).first()
        return membership == nil ? nil : .seeOther(Paths.coalition(coalition.slug).home)
    }

    private func invalid(_ req: Request) async throws -> Response {
        try req.page("invitation/invalid", Invalid(layout: try await req.layout("Uitnodiging niet geldig")), status: .notFound)
    }

    private func render(
        _ req: Request, _ invitation: InvitationRecord, _ coalition: CoalitionRecord, _ form: FormState, status: HTTPStatus = .ok
    ) async throws -> Response {
        var form = form
        let user = req.currentUser
        let page = Page(
            layout: try await req.layout("Uitnodiging"), action: req.url.path, coalitionName: coalition.name,
            role: Messages.roleLabel(invitation.role).lowercased(), email: invitation.email,
            loginHref: LoginController.href(returningTo: req.url.path),
            asCurrentUser: user?.email == invitation.email, otherUser: user.flatMap { $0.email == invitation.email ? nil : $0.email },
            name: form.field("name", "Je naam", noun: "je naam", autocomplete: "name"),
            password: form.field("password", "Kies een wachtwoord", noun: "een wachtwoord", type: "password", autocomplete: "new-password", hint: "Minstens 15 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.", keepValue: false),
            passwordRepeat: form.field("passwordRepeat", "Herhaal het wachtwoord", noun: "het wachtwoord nog een keer", type: "password", autocomplete: "new-password", keepValue: false),
            hasErrors: !form.errors.isEmpty, errorSummary: form.summary)
        return try req.page("invitation/accept", page, status: status)
    }
}
