/// The account form as posted (first use, accepting an invitation; the account page posts
/// its name alone).
public struct AccountForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case name, email, password, passwordRepeat }
    public var name, email, password, passwordRepeat: String?

    public init(name: String? = nil, email: String? = nil) { (self.name, self.email) = (name, email) }
}

/// Changing one's password on the account page.
public struct PasswordForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case currentPassword, password, passwordRepeat }
    public var currentPassword, password, passwordRepeat: String?
}

/// A new account: the person's name, e-mail and chosen password.
public struct AccountInput: Sendable {
    public static let nameMax = 120

    public let name: String
    public let email: String
    public let password: String

    /// `email` given: the address is not typed but known (an invitation's).
    public static func validate(
        _ form: AccountForm, email known: String? = nil, policy: PasswordPolicy, context: [String] = [], into errors: inout FieldErrors
    ) -> AccountInput? {
        typealias F = AccountForm.CodingKeys
        let name = Text.line(form.name, field: F.name, max: nameMax, into: &errors)
        let email = Email.validate(known ?? form.email, field: F.email.fieldName, into: &errors)
        let password = form.password, passwordRepeat = form.passwordRepeat
        policy.check(password, repeated: passwordRepeat, email: email, context: context + [name ?? ""], into: &errors)
        guard let name, let email, let password, errors.isEmpty else { return nil }
        return AccountInput(name: name, email: email, password: password)
    }
}

/// The invitation form as posted; `locations[]` are checkboxes.
public struct InvitationForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case name, email, role, partner, locations }
    public var name, email, role, partner: String?
    public var locations: [String]?

    public init(role: String? = nil) { self.role = role }
}

/// An invitation as typed by a projectleider.
public struct InvitationInput: Sendable {
    public let name: String
    public let email: String
    public let role: Role

    public static func validate(_ form: InvitationForm, into errors: inout FieldErrors) -> InvitationInput? {
        typealias F = InvitationForm.CodingKeys
        let name = Text.line(form.name, field: F.name, max: AccountInput.nameMax, into: &errors)
        let email = Email.validate(form.email, field: F.email.fieldName, into: &errors)
        let parsedRole = Membership.parseRole(form.role, field: F.role.fieldName, into: &errors)
        guard let name, let email, let parsedRole, errors.isEmpty else { return nil }
        return InvitationInput(name: name, email: email, role: parsedRole)
    }
}
