import Domain
import Foundation
import Reports
import Testing
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Text pasted from Word (bullets, numbers, letters, nesting) comes out as real lists in
/// the print view (and so the PDF) and as Word's own numbered paragraphs in the DOCX.
struct ListsTests {
    static let pasted = "Wat we doen:\n• sport\no voetbal\no judo\n• cultuur\n\n1. plannen\na. met de scholen\nb. met de partners\n2. uitvoeren\n\n1) opnieuw\n2) vanaf één"

    static func report() -> Report {
        var report = SampleReport.make(concept: false)
        report.introduction = pasted
        return report
    }

    @Test func printShowsNestedAndNumberedLists() {
        let html = PrintHTML.render(Self.report(), style: .inline)
        #expect(html.contains("<p>Wat we doen:</p><ul><li>sport<ul><li>voetbal</li><li>judo</li></ul></li><li>cultuur</li></ul>"))
        #expect(html.contains("<ol><li>plannen<ol type=\"a\"><li>met de scholen</li><li>met de partners</li></ol></li><li>uitvoeren</li></ol>"))
        #expect(html.contains("<ol><li>opnieuw</li><li>vanaf één</li></ol>"))
        #expect(html.contains("ol[type=\"a\"] { list-style-type: lower-alpha; }"), "WeasyPrint has no rule of its own for type=a")
    }

    @Test func docxListsAreWordNumberingWithLevels() throws {
        let archive = try Archive(data: try DocxWriter.write(Self.report()), accessMode: .read)
        func part(_ path: String) throws -> String {
            var bytes = Data()
            _ = try archive.extract(try #require(archive[path])) { bytes.append($0) }
            return String(decoding: bytes, as: UTF8.self)
        }
        let document = try part("word/document.xml"), numbering = try part("word/numbering.xml")
        #expect(XMLParser(data: Data(numbering.utf8)).parse())
        func paragraph(_ text: String) -> String? {
            document.components(separatedBy: "<w:p>").first { $0.contains(">\(text)</w:t>") }
        }
        // Bullets share numId 1; "o" items are one level down.
        #expect(paragraph("sport")?.contains("<w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/>") == true)
        #expect(paragraph("voetbal")?.contains("<w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/>") == true)
        // Each numbered list is its own numbering, so the second one starts at 1 again.
        let plannen = try #require(paragraph("plannen")), scholen = try #require(paragraph("met de scholen")), opnieuw = try #require(paragraph("opnieuw"))
        #expect(plannen.contains("<w:pStyle w:val=\"ListNumber\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/>"))
        #expect(scholen.contains("<w:ilvl w:val=\"1\"/><w:numId w:val=\"3\"/>"))
        #expect(opnieuw.contains("<w:ilvl w:val=\"0\"/><w:numId w:val=\"4\"/>"))
        #expect(numbering.contains("<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/>"))
        #expect(numbering.contains("<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/>"), "letters")
        #expect(numbering.contains("<w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/>"))
        #expect(!numbering.contains("w:numId=\"5\""))
    }
}
