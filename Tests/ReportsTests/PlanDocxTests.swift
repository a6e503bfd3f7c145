import Foundation
import Reports
import Testing
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

struct PlanDocxTests {
    static func plan() -> PlanDocument {
        PlanDocument(title: "Jaarplan 2026-2027", coalition: "Coalitie <Rivierstad> & co", schoolYear: "2026-2027", date: "3 december 2026",
                     areas: [PlanDocument.Group(name: "Samenwerking", rows: [["Evaluatiegesprek", "Partnerschap", "Sanne", "voor de kerst", "Bezig", "Partners (aandacht)"]])],
                     bouwstenen: [PlanDocument.Group(name: "Micro – Uitvoering", rows: [["Rooster maken", "Elke week", "", "1 december 2026", "Gepland"]])],
                     evaluations: [PlanDocument.Evaluation(title: "Evaluatie 1e helft 2026-2027", texts: [(area: "Samenwerking", text: "Goed.\n\n- vaste overleggen\n- minder mail")])])
    }

    @Test func aWellFormedDocumentWithTablesAndEvaluations() throws {
        let archive = try Archive(data: try PlanDocx.write(Self.plan()), accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        #expect(Set(parts.keys) == Set(DocxWriterTests.parts))
        for (path, data) in parts { #expect(XMLParser(data: data).parse(), "\(path) is not well-formed XML") }
        let document = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        #expect(document.contains("Coalitie &lt;Rivierstad&gt; &amp; co"))
        #expect(document.components(separatedBy: "<w:tbl>").count == 3)
        #expect(document.contains("Evaluatiegesprek") && document.contains("Rooster maken") && document.contains("minder mail"))
        #expect(document.contains("<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Evaluatie 1e helft 2026-2027</w:t>"))
    }
}
