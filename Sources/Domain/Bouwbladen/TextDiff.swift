/// A word-level difference between two texts, for the history page.
public enum TextDiff {
    public enum Kind: String, Sendable { case same, added, removed }
    public struct Segment: Equatable, Sendable {
        public let kind: Kind
        public let text: String
    }

    public static func words(from before: String, to after: String) -> [Segment] {
        let old = tokens(before), new = tokens(after)
        let diff = new.difference(from: old)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in diff {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // Walk both sequences: removals sit at old offsets, insertions at new offsets.
        var segments: [Segment] = []
        var i = 0, j = 0
        func append(_ kind: Kind, _ text: String) {
            if let last = segments.last, last.kind == kind {
                segments[segments.count - 1] = Segment(kind: kind, text: last.text + text)
            } else {
                segments.append(Segment(kind: kind, text: text))
            }
        }
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) { append(.removed, old[i]); i += 1; continue }
            if j < new.count, inserted.contains(j) { append(.added, new[j]); j += 1; continue }
            if i < old.count, j < new.count { append(.same, new[j]); i += 1; j += 1; continue }
            break
        }
        return segments
    }

    /// Words with the white space that follows them, so the pieces join back to the text.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var inSpace = false
        for character in text {
            let isSpace = character.isWhitespace
            if !isSpace && inSpace { tokens.append(current); current = ""; inSpace = false }
            if isSpace { inSpace = true }
            current.append(character)
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
