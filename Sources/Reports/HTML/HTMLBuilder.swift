import Domain

/// Appends HTML with every piece of user text escaped on the way in.
struct HTMLBuilder {
    private(set) var output = ""

    mutating func raw(_ markup: String) { output += markup }

    mutating func element(_ name: String, _ text: String, class className: String? = nil, attributes: String? = nil) {
        output += "<\(name)"
        if let className { output += " class=\"\(className)\"" }
        if let attributes { output += " " + attributes }
        output += ">\(XMLText.escape(text))</\(name)>"
    }

    mutating func link(_ text: String, to anchor: String) {
        output += "<a href=\"#\(XMLText.escape(anchor))\">\(XMLText.escape(text))</a>"
    }

    /// The plain-text convention: paragraphs, line breaks inside them, and lists (bullets,
    /// numbers, letters, nested).
    mutating func blocks(_ text: String) {
        for block in PlainText.blocks(text) {
            switch block {
            case .paragraph(let lines): output += "<p>" + lines.map(XMLText.escape).joined(separator: "<br>") + "</p>"
            case .list(let list): self.list(list)
            }
        }
    }

    private mutating func list(_ list: PlainText.List) {
        let tag = list.style == .bullet ? "ul" : "ol"
        output += list.style == .letter ? "<ol type=\"a\">" : "<\(tag)>"
        for item in list.items {
            output += "<li>" + XMLText.escape(item.text)
            if let sublist = item.sublist { self.list(sublist) }
            output += "</li>"
        }
        output += "</\(tag)>"
    }

    mutating func table(_ headers: [String], _ rows: [[String]]) {
        output += "<table class=\"report-table\"><thead><tr>"
        for header in headers { element("th", header, attributes: "scope=\"col\"") }
        output += "</tr></thead><tbody>"
        for row in rows {
            output += "<tr>"
            for cell in row { element("td", cell.isEmpty ? "–" : cell) }
            output += "</tr>"
        }
        output += "</tbody></table>"
    }
}
