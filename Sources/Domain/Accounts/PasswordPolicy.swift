/// Rules for a new password (NCSC / NIST style: length and a deny list, no
/// composition rules that push people to "Welkom01!").
public struct PasswordPolicy: Sendable {
    public static let minLength = 10
    /// Bcrypt only reads the first 72 bytes; longer input would silently be cut.
    public static let maxBytes = 72

    private let common: Set<String>

    /// - Parameter commonPasswords: passwords that are refused, compared lowercased.
    public init(commonPasswords: Set<String>) {
        self.common = Set(commonPasswords.map { $0.lowercased() })
    }

    public func check(_ password: String?, email: String?, field: String = "password", into errors: inout FieldErrors) {
        let password = password ?? ""
        if password.isEmpty { errors.add(field, .required); return }
        if password.count < Self.minLength { errors.add(field, .passwordTooShort(min: Self.minLength)); return }
        if password.utf8.count > Self.maxBytes { errors.add(field, .passwordTooLong(maxBytes: Self.maxBytes)); return }
        let lowered = password.lowercased()
        if common.contains(lowered) { errors.add(field, .passwordTooCommon); return }
        if let email, !email.isEmpty, lowered == email.lowercased() || lowered == Email.normalize(email).split(separator: "@").first.map(String.init) {
            errors.add(field, .passwordEqualsEmail)
        }
    }

    /// Checks the password and its repetition on a form that asks for both.
    public func check(_ password: String?, repeated: String?, email: String?, into errors: inout FieldErrors) {
        check(password, email: email, into: &errors)
        if errors["password"] == nil, password != repeated {
            errors.add("passwordRepeat", .passwordsDiffer)
        }
    }
}
