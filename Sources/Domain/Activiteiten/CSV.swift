/// CSV as Dutch Excel reads and writes it: semicolon-separated, UTF-8 with a byte order
/// mark, fields quoted when needed. Reading also accepts commas (an export from Google
/// Sheets or LibreOffice) and CRLF line ends.
public enum CSV {
    public static let bom = "\u{FEFF}"

    public static func write(_ rows: [[String]]) -> String {
        bom + rows.map { $0.map(field).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ value: String) -> String {
        // A leading = + - @ makes Excel run the cell as a formula; a quote mark defuses it.
        var text = value
        if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The rows of a CSV text; the separator is whichever of ; and , the first line uses most,
    /// unless the file starts with Excel's own `sep=;` line, which names it.
    public static func read(_ raw: String) -> [[String]] {
        var text = Substring(raw)
        if text.hasPrefix(bom) { text = text.dropFirst() }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        var separator: Character = firstLine.filter { $0 == "," }.count > firstLine.filter { $0 == ";" }.count ? "," : ";"
        let hint = String(firstLine).trimmingWhitespace().lowercased()
        if hint.count == 5, hint.hasPrefix("sep="), let named = hint.last, named == ";" || named == "," {
            separator = named
            text = text[firstLine.endIndex...].drop { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        }
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            index = text.index(after: index)
            if quoted {
                if c == "\"" {
                    if index < text.endIndex, text[index] == "\"" { field.append("\""); index = text.index(after: index) } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == separator {
                row.append(field); field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                row.append(field); field = ""
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row = []
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
