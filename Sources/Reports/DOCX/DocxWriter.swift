import Domain
import Foundation
import ZIPFoundation

/// The report as a Word document (WordprocessingML in a ZIP): Heading 1–4 styles for
/// Word's navigation pane, a TOC field, bookmarks with internal links from the raster,
/// tables with repeating header rows, page numbers in the footer and document properties.
public enum DocxWriter {
    public static func write(_ report: Report) throws -> Data {
        let body = document(report)
        return try package(title: report.title, coalition: report.coalition, period: report.period, concept: report.isConcept,
                           document: body.document, numberedLists: body.numberedLists)
    }

    /// The ZIP around a document.xml, with the report's styles, header and footer.
    static func package(title: String, coalition: String, period: String, concept: Bool,
                        document: String, numberedLists: [PlainText.List.Style]) throws -> Data {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", DocxParts.contentTypes),
            ("_rels/.rels", DocxParts.rootRelationships),
            ("docProps/core.xml", DocxParts.core(title: title, coalition: coalition, period: period)),
            ("docProps/app.xml", DocxParts.app),
            ("word/_rels/document.xml.rels", DocxParts.documentRelationships),
            ("word/document.xml", document),
            ("word/styles.xml", DocxStyles.styles),
            ("word/numbering.xml", DocxStyles.numbering(numberedLists)),
            ("word/settings.xml", DocxParts.settings),
            ("word/header1.xml", DocxParts.header(concept: concept)),
            ("word/footer1.xml", DocxParts.footer),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        // A fixed date inside the ZIP: the same report gives the same bytes.
        let stamp = Date(timeIntervalSince1970: 1_735_689_600)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: stamp,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw DocxError.noData }
        return data
    }

    enum DocxError: Error { case noData }

    static func anchors(_ report: Report) -> [String] {
        ["inleiding", "raster"] + report.sections.flatMap { [$0.anchor] + $0.bouwbladen.map(\.anchor) } + ["bijlage-acties"]
    }

    /// word/document.xml, and the numbered lists that numbering.xml must define for it.
    static func document(_ report: Report) -> (document: String, numberedLists: [PlainText.List.Style]) {
        var body = DocxBody(anchors: anchors(report))
        if report.isConcept { body.text(ReportWords.concept.uppercased() + ": nog niet compleet", style: "ConceptMark") }
        body.text("Kwaliteitsrapport School en Omgeving", style: "Subtitle")
        body.text(report.title, style: "Title")
        body.text(report.coalition, style: "Subtitle")
        body.text("Periode " + report.period)
        body.text("Gemaakt op " + report.date)

        body.paragraph(DocxBody.run(ReportWords.contents), style: "TOCHeading", pageBreakBefore: true)
        var entries: [(String, String, Int)] = [(ReportWords.introduction, "inleiding", 1), (ReportWords.raster, "raster", 1)]
        for section in report.sections {
            entries.append((section.name, section.anchor, 1))
            entries += section.bouwbladen.map { ($0.title, $0.anchor, 2) }
        }
        entries.append((ReportWords.openActies, "bijlage-acties", 1))
        if !report.questionnaires.isEmpty { entries.append((ReportWords.questionnaires, "bijlage-vragenlijsten", 1)) }
        if report.network != nil { entries.append((ReportWords.network, "bijlage-overleg", 1)) }
        body.tableOfContents(entries)

        body.heading(ReportWords.introduction, level: 1, anchor: "inleiding", pageBreakBefore: true)
        body.blocks(report.introduction)

        body.heading(ReportWords.raster, level: 1, anchor: "raster", pageBreakBefore: true)
        body.text(ReportWords.rasterHint)
        let rows = report.raster.enumerated().map { row, cells in
            [DocxBody.run(report.rowLabels[row], bold: true)] + cells.map { body.hyperlink($0.name, to: $0.anchor) + "<w:r><w:br/></w:r>" + DocxBody.run($0.summary) }
        }
        body.table([""] + report.columnLabels, runs: rows, widths: [1_500, 2_500, 2_500, 2_500], rowHeaders: true)

        for section in report.sections { bouwsteen(section, into: &body) }

        body.heading(ReportWords.openActies, level: 1, anchor: "bijlage-acties", pageBreakBefore: true)
        if report.openActies.isEmpty {
            body.text(ReportWords.noOpenActies)
        } else {
            body.table(ReportWords.appendixHeaders, rows: report.openActies.map { [$0.text, $0.source, $0.owner, $0.deadline, $0.status] },
                       widths: [3_000, 1_800, 1_600, 1_300, 1_300])
        }
        if !report.questionnaires.isEmpty {
            body.heading(ReportWords.questionnaires, level: 1, anchor: "bijlage-vragenlijsten", pageBreakBefore: true)
            for questionnaire in report.questionnaires {
                body.heading(questionnaire.title, level: 2, anchor: nil)
                body.text(questionnaire.caption)
                body.table(ReportWords.questionnaireHeaders, rows: questionnaire.rows, widths: [4_200, 1_300, 3_500])
            }
        }
        if let network = report.network {
            body.heading(ReportWords.network, level: 1, anchor: "bijlage-overleg", pageBreakBefore: true)
            body.text(network.caption)
            if !network.meetings.isEmpty {
                body.heading(ReportWords.networkMeetings, level: 2, anchor: nil)
                body.table(ReportWords.networkMeetingHeaders, rows: network.meetings, widths: [2_400, 1_700, 4_900])
            }
            if !network.rules.isEmpty {
                body.heading(ReportWords.networkRules, level: 2, anchor: nil)
                body.table(ReportWords.networkRuleHeaders, rows: network.rules, widths: [4_600, 2_200, 2_200])
            }
        }
        return (DocxParts.document(body: body.xml), body.numberedLists)
    }

    private static func bouwsteen(_ section: Report.Section, into body: inout DocxBody) {
        body.heading(section.name, level: 1, anchor: section.anchor, pageBreakBefore: true)
        body.text(section.description, style: "Description")
        if section.bouwbladen.isEmpty { body.text(ReportWords.noBouwblad) }
        for bouwblad in section.bouwbladen {
            body.heading(bouwblad.title, level: 2, anchor: bouwblad.anchor)
            body.paragraph(DocxBody.run(bouwblad.questionKind + ": ", bold: true) + DocxBody.run(bouwblad.question), style: "Question")
            if let keeper = bouwblad.keeper { body.text("Bijgehouden door " + keeper) }
            for cycle in bouwblad.cycles {
                body.heading(cycle.title, level: 3)
                body.text("Periode: " + cycle.period)
                for (index, step) in cycle.steps.enumerated() {
                    body.heading(step.title, level: 4)
                    if step.text.isEmpty { body.text(ReportWords.empty) } else { body.blocks(step.text) }
                    if index == 1 {
                        if !cycle.doelen.isEmpty {
                            body.table(ReportWords.doelHeaders, rows: cycle.doelen.map(\.row), widths: [2_700, 1_900, 1_700, 1_400, 1_300])
                        }
                        if !cycle.acties.isEmpty {
                            body.table(ReportWords.actieHeaders, rows: cycle.acties.map { [$0.text, $0.owner, $0.deadline, $0.status] },
                                       widths: [4_200, 1_900, 1_500, 1_400])
                        }
                    }
                }
            }
            if !bouwblad.links.isEmpty || !bouwblad.touchedBy.isEmpty { body.heading(ReportWords.links, level: 3) }
            if !bouwblad.links.isEmpty {
                body.table(ReportWords.linkHeaders, rows: bouwblad.links.map(\.row), widths: [3_200, 1_700, 1_100, 3_000])
            }
            if !bouwblad.touchedBy.isEmpty {
                let references = bouwblad.touchedBy.map { body.hyperlink($0.name, to: $0.anchor) }.joined(separator: DocxBody.run("; "))
                body.paragraph(DocxBody.run(ReportWords.touchedBy) + references + DocxBody.run("."))
            }
        }
    }
}
