import Domain
import Fluent
import Vapor

/// `/uitnodiging/{token}`: the invitee sets a password (or, with an existing
/// account, confirms with it) and becomes a member.
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
        let existingAccount: Bool
        let name: FormField
        let password: FormField
        let passwordRepeat: FormField
        let currentPassword: FormField
        let hasErrors: Bool
        let errorSummary: [FormState.SummaryItem]
    }

    struct Invalid: Encodable { let layout: Layout }

    func show(req: Request) async throws -> Response {
        guard let (invitation, coalition) = try await find(req) else { return try await invalid(req) }
        let existing = try await Accounts(request: req).user(email: invitation.email)
        return try await render(req, invitation, coalition, existing: existing, FormState(values: ["name": invitation.name]))
    }

    func submit(req: Request) async throws -> Response {
        guard let (invitation, coalition) = try await find(req) else { return try await invalid(req) }
        let values = try req.formValues()
        let accounts = Accounts(request: req)
        let existing = try await accounts.user(email: invitation.email)
        var errors = FieldErrors()
        let user: UserRecord
        if let existing {
            // Someone who already has an account proves it with their own password.
            if try await !accounts.verify(values["currentPassword"] ?? "", against: existing.passwordHash) {
                errors.add("currentPassword", (values["currentPassword"] ?? "").isEmpty ? .required : .wrongPassword)
                return try await render(req, invitation, coalition, existing: existing, FormState(values: values, errors: errors), status: .unprocessableEntity)
            }
            user = existing
        } else {
            guard let account = AccountInput.validate(
                name: values["name"], email: invitation.email, password: values["password"],
                passwordRepeat: values["passwordRepeat"], policy: accounts.policy, into: &errors)
            else {
                return try await render(req, invitation, coalition, existing: nil, FormState(values: values, errors: errors), status: .unprocessableEntity)
            }
            user = UserRecord(email: account.email, name: account.name, passwordHash: try await accounts.hash(account.password))
        }
        try await req.db.transaction { db in
            // Re-read inside the transaction: the link works exactly once.
            guard let fresh = try await InvitationRecord.find(invitation.id, on: db), fresh.isOpen else { throw Abort(.gone) }
            if user.id == nil { try await user.create(on: db) }
            let already = try await MembershipRecord.query(on: db)
                .filter(\.$coalitionID == coalition.id!).filter(\.$user.$id == user.id!).first()
            if already == nil {
                let membership = MembershipRecord(coalitionID: coalition.id!, userID: user.id!, role: fresh.role, partnerID: fresh.partnerID)
                try await membership.create(on: db)
                for location in fresh.locations {
                    try await MembershipLocationRecord(coalitionID: coalition.id!, membershipID: membership.id!, locationID: location).create(on: db)
                }
            }
            fresh.acceptedAt = Date()
            try await fresh.update(on: db)
        }
        try await req.startSession(userID: user.id, user: user)
        try await req.flash("Welkom bij \(coalition.name)! Je bent nu lid als \(Messages.roleLabel(invitation.role).lowercased()).")
        return .seeOther("/c/\(coalition.slug)/")
    }

    /// The invitation of the link, if it is still open and not expired.
    private func find(_ req: Request) async throws -> (InvitationRecord, CoalitionRecord)? {
        guard let token = req.parameters.get("token"), Tokens.isPlausible(token),
              let invitation = try await InvitationRecord.query(on: req.db).filter(\.$tokenHash == Tokens.sha256(token)).first(),
              invitation.isOpen, invitation.expiresAt > Date(),
              let coalition = try await CoalitionRecord.find(invitation.coalitionID, on: req.db)
        else { return nil }
        return (invitation, coalition)
    }

    private func invalid(_ req: Request) async throws -> Response {
        try req.page("invitation/invalid", Invalid(layout: try await req.layout("Uitnodiging niet geldig")), status: .notFound)
    }

    private func render(
        _ req: Request, _ invitation: InvitationRecord, _ coalition: CoalitionRecord, existing: UserRecord?,
        _ form: FormState, status: HTTPStatus = .ok
    ) async throws -> Response {
        var form = form
        let page = Page(
            layout: try await req.layout("Uitnodiging"), action: req.url.path, coalitionName: coalition.name,
            role: Messages.roleLabel(invitation.role).lowercased(), email: invitation.email, existingAccount: existing != nil,
            name: form.field("name", "Je naam", noun: "je naam", autocomplete: "name"),
            password: form.field("password", "Kies een wachtwoord", noun: "een wachtwoord", type: "password", autocomplete: "new-password", hint: "Minstens 10 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.", keepValue: false),
            passwordRepeat: form.field("passwordRepeat", "Herhaal het wachtwoord", noun: "het wachtwoord nog een keer", type: "password", autocomplete: "new-password", keepValue: false),
            currentPassword: form.field("currentPassword", "Je wachtwoord", noun: "je wachtwoord", type: "password", autocomplete: "current-password", keepValue: false),
            hasErrors: !form.errors.isEmpty, errorSummary: form.summary)
        return try req.page("invitation/accept", page, status: status)
    }
}
