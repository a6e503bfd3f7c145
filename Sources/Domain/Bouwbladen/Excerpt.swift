extension PlainText {
    /// The first words of a text, for a summary row or a contents line: paragraphs and list
    /// items run on as one line, cut at a word boundary with "…" when longer than `limit`.
    public static func excerpt(_ text: String, limit: Int = 200) -> String {
        var words: [Substring] = []
        var length = 0
        func lines(_ list: List) -> [String] {
            list.items.flatMap { [$0.text] + ($0.sublist.map(lines) ?? []) }
        }
        let all = blocks(text).flatMap { block -> [String] in
            switch block {
            case .paragraph(let lines): return lines
            case .list(let list): return lines(list)
            }
        }
        for word in all.joined(separator: " ").split(whereSeparator: \.isWhitespace) {
            let added = length + (words.isEmpty ? 0 : 1) + word.count
            if added > limit {
                if words.isEmpty { return String(word.prefix(limit)) + "…" }
                return words.joined(separator: " ") + " …"
            }
            words.append(word)
            length = added
        }
        return words.joined(separator: " ")
    }
}
