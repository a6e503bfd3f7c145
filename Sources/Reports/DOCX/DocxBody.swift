import Domain

/// Builds the `<w:body>` of word/document.xml, one paragraph or table at a time.
/// Every piece of user text goes through `XMLText.escape`.
struct DocxBody {
    private(set) var xml = ""
    private var nextBookmarkID = 1
    /// The numbered lists so far, in order: each is its own numbering (numId 2, 3, …) that
    /// starts at 1. Bullets share numId 1.
    private(set) var numberedLists: [PlainText.List.Style] = []
    /// Word wants bookmark names of at most 40 letters, digits and underscores,
    /// starting with a letter; the report's anchors are longer, so they are numbered.
    let bookmarks: [String: String]

    init(anchors: [String]) {
        var names: [String: String] = [:]
        for (index, anchor) in anchors.enumerated() where names[anchor] == nil { names[anchor] = "Sectie_\(index + 1)" }
        bookmarks = names
    }

    static func run(_ text: String, style: String? = nil, bold: Bool = false) -> String {
        var props = ""
        if let style { props += "<w:rStyle w:val=\"\(style)\"/>" }
        if bold { props += "<w:b/>" }
        let pieces = text.split(separator: "\n", omittingEmptySubsequences: false).map { "<w:t xml:space=\"preserve\">\(XMLText.escape(String($0)))</w:t>" }
        return "<w:r>" + (props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>") + pieces.joined(separator: "<w:br/>") + "</w:r>"
    }

    func hyperlink(_ text: String, to anchor: String) -> String {
        guard let name = bookmarks[anchor] else { return Self.run(text) }
        return "<w:hyperlink w:anchor=\"\(name)\" w:history=\"1\">\(Self.run(text, style: "Hyperlink"))</w:hyperlink>"
    }

    mutating func paragraph(_ runs: String, style: String? = nil, pageBreakBefore: Bool = false, keepNext: Bool = false) {
        var props = ""
        if let style { props += "<w:pStyle w:val=\"\(style)\"/>" }
        if keepNext { props += "<w:keepNext/>" }
        if pageBreakBefore { props += "<w:pageBreakBefore/>" }
        xml += "<w:p>" + (props.isEmpty ? "" : "<w:pPr>\(props)</w:pPr>") + runs + "</w:p>"
    }

    mutating func text(_ text: String, style: String? = nil) {
        paragraph(Self.run(text), style: style)
    }

    /// A heading with a bookmark, so the raster and the TOC can link to it.
    mutating func heading(_ text: String, level: Int, anchor: String? = nil, pageBreakBefore: Bool = false) {
        var runs = Self.run(text)
        if let anchor, let name = bookmarks[anchor] {
            let id = nextBookmarkID
            nextBookmarkID += 1
            runs = "<w:bookmarkStart w:id=\"\(id)\" w:name=\"\(name)\"/>" + runs + "<w:bookmarkEnd w:id=\"\(id)\"/>"
        }
        paragraph(runs, style: "Heading\(level)", pageBreakBefore: pageBreakBefore)
    }

    /// The plain-text convention: paragraphs with line breaks, and lists as Word's own
    /// numbered paragraphs (numbering.xml), one level per nesting.
    mutating func blocks(_ text: String) {
        for block in PlainText.blocks(text) {
            switch block {
            case .paragraph(let lines): paragraph(Self.run(lines.joined(separator: "\n")))
            case .list(let list): self.list(list, level: 0)
            }
        }
    }

    private mutating func list(_ list: PlainText.List, level: Int) {
        let numID: Int
        if list.style == .bullet {
            numID = 1
        } else {
            numberedLists.append(list.style)
            numID = numberedLists.count + 1
        }
        let style = list.style == .bullet ? "ListBullet" : "ListNumber"
        for item in list.items {
            xml += "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/><w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(numID)\"/></w:numPr></w:pPr>\(Self.run(item.text))</w:p>"
            if let sublist = item.sublist { self.list(sublist, level: level + 1) }
        }
    }

    /// A table whose first row repeats on every page. `cells` may hold prepared runs
    /// (for links); plain strings go through `rows`.
    mutating func table(_ headers: [String], rows: [[String]], widths: [Int]? = nil) {
        table(headers, runs: rows.map { $0.map { Self.run($0.isEmpty ? "–" : $0) } }, widths: widths)
    }

    mutating func table(_ headers: [String], runs rows: [[String]], widths: [Int]? = nil, rowHeaders: Bool = false) {
        let total = 9_000 // twentieths of a point: the text width of an A4 page with these margins
        let columns = widths ?? Array(repeating: total / max(headers.count, 1), count: headers.count)
        xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
        xml += "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"\(rowHeaders ? 1 : 0)\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        for width in columns { xml += "<w:gridCol w:w=\"\(width)\"/>" }
        xml += "</w:tblGrid><w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
        for (index, header) in headers.enumerated() {
            xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(columns[index])\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E6EEF6\"/></w:tcPr>"
            xml += "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>\(Self.run(header, bold: true))</w:p></w:tc>"
        }
        xml += "</w:tr>"
        for row in rows {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (index, cell) in row.enumerated() {
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(columns[min(index, columns.count - 1)])\" w:type=\"dxa\"/></w:tcPr>"
                xml += "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>\(cell)</w:p></w:tc>"
            }
            xml += "</w:tr>"
        }
        xml += "</w:tbl>"
        paragraph("", style: "TableSpacer")
    }

    /// The table of contents as Word's TOC field with its entries already written: the
    /// document opens without asking to update fields, every heading is listed and links
    /// to its heading, and each page number is a PAGEREF to the heading's bookmark, which
    /// LibreOffice computes as it lays out (Word on printing, or with F9).
    mutating func tableOfContents(_ entries: [(text: String, anchor: String, level: Int)]) {
        for entry in entries {
            xml += "<w:p><w:pPr><w:pStyle w:val=\"TOC\(entry.level)\"/></w:pPr>" + tocEntry(entry.text, to: entry.anchor) + "</w:p>"
        }
    }

    private func tocEntry(_ text: String, to anchor: String) -> String {
        guard let name = bookmarks[anchor] else { return Self.run(text) }
        let page = "<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            + "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF \(name) \\h </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t></w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        return "<w:hyperlink w:anchor=\"\(name)\" w:history=\"1\">\(Self.run(text, style: "Hyperlink"))\(page)</w:hyperlink>"
    }
}
