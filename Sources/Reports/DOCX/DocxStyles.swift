import Domain

/// word/styles.xml and word/numbering.xml: real built-in style ids (Heading1…, TOC1…,
/// Title, TableGrid) so Word's navigation pane, TOC and table styles recognise them.
enum DocxStyles {
    private static func paragraphStyle(_ id: String, _ name: String, basedOn: String = "Normal", outline: Int? = nil,
                                       size: Int? = nil, bold: Bool = false, color: String? = nil, before: Int = 0, after: Int = 120,
                                       beforeSpacing: String = "", extraPPr: String = "", extraRPr: String = "") -> String {
        // The schema's order: keepNext, borders, shading and tabs, spacing, ind and jc, outlineLvl.
        var pPr = "<w:keepNext w:val=\"\(outline == nil ? 0 : 1)\"/>\(beforeSpacing)<w:spacing w:before=\"\(before)\" w:after=\"\(after)\"/>"
        pPr += extraPPr
        if let outline { pPr += "<w:outlineLvl w:val=\"\(outline)\"/>" }
        var rPr = ""
        if bold { rPr += "<w:b/>" }
        if let color { rPr += "<w:color w:val=\"\(color)\"/>" }
        if let size { rPr += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        rPr += extraRPr
        return "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"\(basedOn)\"/>"
            + "<w:next w:val=\"Normal\"/>\(outline == nil ? "" : "<w:uiPriority w:val=\"9\"/><w:qFormat/>")<w:pPr>\(pPr)</w:pPr><w:rPr>\(rPr)</w:rPr></w:style>"
    }

    static let styles = DocxParts.declaration + "<w:styles xmlns:w=\"\(DocxParts.w)\">"
        + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/>"
        + "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"nl-NL\"/></w:rPr></w:rPrDefault>"
        + "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
        + paragraphStyle("Title", "Title", size: 52, bold: true, color: "0B4F8A", before: 2400, after: 240)
        + paragraphStyle("Subtitle", "Subtitle", size: 28, color: "4A4A4A", after: 160)
        + paragraphStyle("Heading1", "heading 1", outline: 0, size: 36, bold: true, color: "0B4F8A", before: 240, after: 160)
        + paragraphStyle("Heading2", "heading 2", outline: 1, size: 30, bold: true, color: "1A1A1A", before: 360, after: 120)
        + paragraphStyle("Heading3", "heading 3", outline: 2, size: 26, bold: true, color: "1A1A1A", before: 240, after: 80)
        + paragraphStyle("Heading4", "heading 4", outline: 3, size: 22, bold: true, color: "0B4F8A", before: 200, after: 60)
        + paragraphStyle("TOCHeading", "TOC Heading", basedOn: "Heading1", size: 36, bold: true, color: "0B4F8A", after: 160)
        // A right tab with dots to the page number, at the text width (A4 less the margins).
        + paragraphStyle("TOC1", "toc 1", after: 60, beforeSpacing: "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9412\"/></w:tabs>", extraRPr: "<w:b/>")
        + paragraphStyle("TOC2", "toc 2", after: 40, beforeSpacing: "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9412\"/></w:tabs>", extraPPr: "<w:ind w:left=\"440\"/>")
        + paragraphStyle("TOC3", "toc 3", after: 40, beforeSpacing: "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9412\"/></w:tabs>", extraPPr: "<w:ind w:left=\"880\"/>")
        + paragraphStyle("Description", "Bouwsteen description", after: 200, extraRPr: "<w:i/>")
        + paragraphStyle("Question", "Bouwblad question", before: 60, after: 160,
                         beforeSpacing: "<w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"8\" w:color=\"0B4F8A\"/></w:pBdr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEF3F8\"/>",
                         extraPPr: "<w:ind w:left=\"160\"/>")
        + paragraphStyle("ListBullet", "List Bullet", after: 60, extraPPr: "<w:ind w:left=\"720\" w:hanging=\"360\"/>")
        + paragraphStyle("ListNumber", "List Number", after: 60, extraPPr: "<w:ind w:left=\"720\" w:hanging=\"360\"/>")
        + paragraphStyle("TableText", "Table text", after: 0)
        + paragraphStyle("TableSpacer", "Table spacer", after: 120, extraRPr: "<w:sz w:val=\"8\"/>")
        + paragraphStyle("ConceptMark", "Concept mark", bold: true, color: "5C3D00", after: 120,
                         beforeSpacing: "<w:pBdr><w:top w:val=\"single\" w:sz=\"12\" w:space=\"4\" w:color=\"8A5A00\"/><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"4\" w:color=\"8A5A00\"/></w:pBdr>",
                         extraPPr: "<w:jc w:val=\"center\"/>")
        + paragraphStyle("Header", "header", after: 0, extraRPr: "<w:color w:val=\"5C3D00\"/>")
        + paragraphStyle("Footer", "footer", after: 0, extraRPr: "<w:sz w:val=\"18\"/><w:color w:val=\"4A4A4A\"/>")
        + "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:rPr><w:color w:val=\"0B4F8A\"/><w:u w:val=\"single\"/></w:rPr></w:style>"
        + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
        + "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        + "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>"
        + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8A8A8A\"/>" }.joined()
        + "</w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        + "</w:styles>"

    /// Three list kinds, each three levels deep: bullets (abstractNum 0, shared by every
    /// bullet list as numId 1), numbers (1) and letters (2). Every numbered list of the
    /// document is its own numId that starts again at 1 (`numbered`: their styles in order).
    static func numbering(_ numbered: [PlainText.List.Style]) -> String {
        func levels(_ format: String, _ texts: [String]) -> String {
            texts.enumerated().map { level, text in
                "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"\(format)\"/><w:lvlText w:val=\"\(text)\"/><w:lvlJc w:val=\"left\"/>"
                    + "<w:pPr><w:ind w:left=\"\(720 * (level + 1))\" w:hanging=\"360\"/></w:pPr></w:lvl>"
            }.joined()
        }
        func abstract(_ id: Int, _ body: String) -> String {
            "<w:abstractNum w:abstractNumId=\"\(id)\"><w:multiLevelType w:val=\"hybridMultilevel\"/>\(body)</w:abstractNum>"
        }
        var xml = DocxParts.declaration + "<w:numbering xmlns:w=\"\(DocxParts.w)\">"
            + abstract(0, levels("bullet", ["•", "◦", "▪"]))
            + abstract(1, levels("decimal", ["%1.", "%2.", "%3."]))
            + abstract(2, levels("lowerLetter", ["%1.", "%2.", "%3."]))
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
        for (index, style) in numbered.enumerated() {
            xml += "<w:num w:numId=\"\(index + 2)\"><w:abstractNumId w:val=\"\(style == .letter ? 2 : 1)\"/>"
                + (0..<PlainText.maxDepth).map { "<w:lvlOverride w:ilvl=\"\($0)\"><w:startOverride w:val=\"1\"/></w:lvlOverride>" }.joined()
                + "</w:num>"
        }
        return xml + "</w:numbering>"
    }
}
