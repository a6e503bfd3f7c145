/// The plain-text convention of bouwblad fields: a blank line starts a paragraph, a line
/// starting with "- " is a list item. Screen and report render the same blocks.
public enum PlainText {
    public enum Block: Equatable, Sendable {
        case paragraph([String])
        case list([String])
    }

    public static func blocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var lines: [String] = []
        var items: [String] = []
        func flush() {
            if !lines.isEmpty { blocks.append(.paragraph(lines)); lines = [] }
            if !items.isEmpty { blocks.append(.list(items)); items = [] }
        }
        for raw in text.replacingCRLF().split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw).trimmingWhitespace()
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("- ") || line == "-" {
                if !lines.isEmpty { blocks.append(.paragraph(lines)); lines = [] }
                items.append(String(line.dropFirst(1)).trimmingWhitespace())
            } else {
                if !items.isEmpty { blocks.append(.list(items)); items = [] }
                lines.append(line)
            }
        }
        flush()
        return blocks
    }

    /// Cleans a long text field: keeps newlines and tabs, refuses other control characters.
    public static func validate(_ raw: String?, field: some FieldName, max: Int, into errors: inout FieldErrors) -> String? {
        let text = (raw ?? "").replacingCRLF()
        if text.count > max { errors.add(field, .tooLong(max: max)); return nil }
        if text.unicodeScalars.contains(where: { $0 != "\n" && $0 != "\t" && Text.isForbiddenInLine($0) }) {
            errors.add(field, .controlCharacters)
            return nil
        }
        // Trailing spaces and blank lines at the ends carry no meaning.
        return text.trimmingWhitespace()
    }
}

extension String {
    func replacingCRLF() -> String {
        var out = ""
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" { out.unicodeScalars.append("\n"); previousCR = true; continue }
            if scalar == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
