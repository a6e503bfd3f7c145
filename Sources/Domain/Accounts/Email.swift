import Foundation

/// E-mail addresses are compared case-insensitively and in one Unicode form, so they are
/// stored lowercased in NFC: "josé" typed with a combining accent (NFD, as macOS often
/// sends it) is the same address as with the precomposed "é".
public enum Email {
    public static let maxLength = 254

    public static func normalize(_ raw: String?) -> String {
        (raw ?? "").precomposedStringWithCanonicalMapping.trimmingWhitespace().lowercased().precomposedStringWithCanonicalMapping
    }

    /// A deliberately simple check: one @, something before it, a dot in the domain,
    /// no spaces. The real check is whether the person can log in with it.
    public static func validate(_ raw: String?, field: String = "email", into errors: inout FieldErrors) -> String? {
        let email = normalize(raw)
        if email.isEmpty { errors.add(field, .required); return nil }
        if email.count > maxLength { errors.add(field, .tooLong(max: maxLength)); return nil }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty,
              parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.unicodeScalars.contains(where: { $0.properties.isWhitespace || Text.isForbiddenInLine($0) || $0 == "<" || $0 == ">" || $0 == "\"" })
        else { errors.add(field, .invalidEmail); return nil }
        return email
    }
}
