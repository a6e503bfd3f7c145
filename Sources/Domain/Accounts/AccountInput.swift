/// A new account: the person's name, e-mail and chosen password.
public struct AccountInput: Sendable {
    public static let nameMax = 120

    public let name: String
    public let email: String
    public let password: String

    public static func validate(
        name: String?, email: String?, password: String?, passwordRepeat: String?,
        policy: PasswordPolicy, context: [String] = [], into errors: inout FieldErrors
    ) -> AccountInput? {
        let name = Text.line(name, field: "name", max: nameMax, into: &errors)
        let email = Email.validate(email, into: &errors)
        policy.check(password, repeated: passwordRepeat, email: email, context: context + [name ?? ""], into: &errors)
        guard let name, let email, let password, errors.isEmpty else { return nil }
        return AccountInput(name: name, email: email, password: password)
    }
}

/// An invitation as typed by a projectleider.
public struct InvitationInput: Sendable {
    public let name: String
    public let email: String
    public let role: Role

    public static func validate(name: String?, email: String?, role: String?, into errors: inout FieldErrors) -> InvitationInput? {
        let name = Text.line(name, field: "name", max: AccountInput.nameMax, into: &errors)
        let email = Email.validate(email, into: &errors)
        let parsedRole = Membership.parseRole(role, into: &errors)
        guard let name, let email, let parsedRole, errors.isEmpty else { return nil }
        return InvitationInput(name: name, email: email, role: parsedRole)
    }
}
