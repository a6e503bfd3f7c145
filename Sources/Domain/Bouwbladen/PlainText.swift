/// The plain-text convention of bouwblad fields: a blank line starts a paragraph; a line
/// that starts with a bullet or a number is a list item, the way text arrives when people
/// paste it from Word ("•", "·", "", "–", "*", "- "; "1.", "1)", "a."), with items one
/// level deeper when indented or marked "o", "◦" or "▪". Screen, print, PDF and DOCX render
/// the same blocks.
public enum PlainText {
    public enum Block: Equatable, Sendable {
        case paragraph([String])
        case list(List)
    }

    public struct List: Equatable, Sendable {
        public enum Style: Equatable, Sendable { case bullet, number, letter }
        public var style: Style
        public var items: [Item]
        public init(_ style: Style, _ items: [Item]) { (self.style, self.items) = (style, items) }
    }

    public struct Item: Equatable, Sendable {
        public var text: String
        /// A list one level deeper, under this item.
        public var sublist: List?
        public init(_ text: String, _ sublist: List? = nil) { (self.text, self.sublist) = (text, sublist) }
    }

    /// Lists go at most this deep; deeper items stay at the last level.
    public static let maxDepth = 3

    public static func blocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var lines: [String] = []
        var list = ListBuilder()
        func endParagraph() { if !lines.isEmpty { blocks.append(.paragraph(lines)); lines = [] } }
        func endList() { if let done = list.finish() { blocks.append(.list(done)) } }
        for raw in text.replacingCRLF().split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw).trimmingWhitespace()
            if line.isEmpty { endParagraph(); endList(); continue }
            if let marker = Marker(line, indent: indent(of: raw), inList: list.isOpen) {
                endParagraph()
                list.add(marker)
            } else {
                endList()
                lines.append(line)
            }
        }
        endParagraph()
        endList()
        return blocks
    }

    /// Leading spaces, a tab counting as four.
    static func indent(of line: Substring) -> Int {
        var width = 0
        for character in line {
            if character == " " || character == "\u{00A0}" { width += 1 } else if character == "\t" { width += 4 } else { break }
        }
        return width
    }

    /// What starts a list item, and the item's text.
    struct Marker {
        enum Kind: Equatable { case dash, bullet, subBullet, number, letter }
        let kind: Kind
        let text: String
        let indent: Int

        var style: List.Style {
            switch kind {
            case .dash, .bullet, .subBullet: return .bullet
            case .number: return .number
            case .letter: return .letter
            }
        }

        init?(_ line: String, indent: Int, inList: Bool) {
            self.indent = indent
            if line == "-" { (kind, text) = (.dash, ""); return }
            let characters = Array(line)
            guard characters.count >= 2 else { return nil }
            let first = characters[0]
            let rest = String(characters.dropFirst()).trimmingWhitespace()
            if characters[1] == " " || characters[1] == "\t" {
                switch first {
                case "-": (kind, text) = (.dash, rest); return
                case "•", "·", "\u{F0B7}", "–", "*", "●", "■", "►", "➢": (kind, text) = (.bullet, rest); return
                case "◦", "▪", "○": (kind, text) = (.subBullet, rest); return
                // Word's second-level bullet arrives as a letter o; only inside a list.
                case "o" where inList: (kind, text) = (.subBullet, rest); return
                default: break
                }
            }
            // "1. ", "12) ", "a. ", "b) ": at most two digits (a year starts a sentence, not a
            // list); a letter item starts a list only as "a", and continues one with any letter.
            let digits = characters.prefix { $0.isASCII && $0.isNumber }
            let afterDigits = characters.dropFirst(digits.count)
            if (1...2).contains(digits.count), afterDigits.count >= 2, [".", ")"].contains(afterDigits.first!), afterDigits.dropFirst().first == " " {
                (kind, text) = (.number, String(afterDigits.dropFirst(2)).trimmingWhitespace())
                return
            }
            if characters.count >= 3, first.isASCII, first.isLowercase, first.isLetter, [".", ")"].contains(characters[1]), characters[2] == " ",
               inList || first == "a" {
                (kind, text) = (.letter, String(characters.dropFirst(3)).trimmingWhitespace())
                return
            }
            return nil
        }
    }

    /// Builds one list, nesting items by indentation and by marker: "o" under "•", "a." under "1.".
    struct ListBuilder {
        /// The open levels, outermost first: each with its list and the indent and kind of its items.
        private var levels: [(list: List, indent: Int, kind: Marker.Kind)] = []

        var isOpen: Bool { !levels.isEmpty }

        mutating func add(_ marker: Marker) {
            let level = (list: List(marker.style, [Item(marker.text)]), indent: marker.indent, kind: marker.kind)
            guard let top = levels.last else { levels = [level]; return }
            if levels.count < PlainText.maxDepth, deeper(marker, than: top) { levels.append(level); return }
            while levels.count > 1, let last = levels.last, belongsAbove(marker, last) { closeLevel() }
            levels[levels.count - 1].list.items.append(Item(marker.text))
        }

        /// Indented further, or a marker that Word puts one level down ("o" under "•", "a." under "1.").
        private func deeper(_ marker: Marker, than top: (list: List, indent: Int, kind: Marker.Kind)) -> Bool {
            if marker.indent >= top.indent + 2 { return true }
            guard marker.indent >= top.indent, marker.kind != top.kind else { return false }
            switch (top.kind, marker.kind) {
            case (.dash, .subBullet), (.bullet, .subBullet), (.number, .letter), (.number, .subBullet), (.letter, .subBullet):
                return !levels.dropLast().contains { $0.kind == marker.kind }
            default: return false
            }
        }

        /// Indented less than the innermost level, or of the kind of a level around it (a "•"
        /// after its "o" items, when the indentation was lost on the way).
        private func belongsAbove(_ marker: Marker, _ level: (list: List, indent: Int, kind: Marker.Kind)) -> Bool {
            if marker.indent < level.indent { return true }
            return marker.indent == level.indent && marker.kind != level.kind && levels.dropLast().contains { $0.kind == marker.kind }
        }

        /// Hangs the innermost level under the last item of the level around it.
        private mutating func closeLevel() {
            let inner = levels.removeLast().list
            let outer = levels.count - 1
            levels[outer].list.items[levels[outer].list.items.count - 1].sublist = inner
        }

        mutating func finish() -> List? {
            guard !levels.isEmpty else { return nil }
            while levels.count > 1 { closeLevel() }
            let list = levels.removeFirst().list
            return list
        }
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
