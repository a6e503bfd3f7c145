/// Rules for short, single-line text such as names and titles.
public enum Text {
    /// Trims the value and checks length and characters. Returns the cleaned
    /// value, or records an issue and returns nil.
    public static func line(
        _ raw: String?, field: some FieldName, max: Int, required: Bool = true, into errors: inout FieldErrors
    ) -> String? {
        let value = (raw ?? "").trimmingWhitespace()
        if value.isEmpty {
            if required { errors.add(field, .required) }
            return required ? nil : ""
        }
        if value.count > max {
            errors.add(field, .tooLong(max: max))
            return nil
        }
        if value.unicodeScalars.contains(where: isForbiddenInLine) {
            errors.add(field, .controlCharacters)
            return nil
        }
        return value
    }

    /// Control characters (and NUL) have no place in a name; they break exports
    /// and can hide text. Tabs and newlines are refused in single-line fields too.
    static func isForbiddenInLine(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029: return true
        default: return false
        }
    }
}

extension String {
    /// Trims spaces, tabs and newlines (including non-breaking spaces) at both ends.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    /// The text with its first letter as a capital, for a phrase that starts a sentence.
    public var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
