import Domain
import Foundation
import Reports
import Testing
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

struct DocxWriterTests {
    static let parts = ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/_rels/document.xml.rels",
                        "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/header1.xml", "word/footer1.xml"]

    func unzip(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var out: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            out[entry.path] = bytes
        }
        return out
    }

    func wellFormed(_ data: Data) -> Bool {
        XMLParser(data: data).parse()
    }

    @Test func isAZipOfWellFormedParts() throws {
        let files = try unzip(try DocxWriter.write(SampleReport.make()))
        #expect(Set(files.keys) == Set(Self.parts))
        for (path, data) in files { #expect(wellFormed(data), "\(path) is not well-formed XML") }
    }

    @Test func headingsBookmarksLinksAndTables() throws {
        let report = SampleReport.make()
        let files = try unzip(try DocxWriter.write(report))
        let document = String(decoding: try #require(files["word/document.xml"]), as: UTF8.self)
        // setup: every bouwsteen is a Heading 1 with a bookmark, every bouwblad a Heading 2.
        for section in report.sections {
            #expect(document.contains("<w:pStyle w:val=\"Heading1\"/><w:pageBreakBefore/></w:pPr><w:bookmarkStart"))
            #expect(document.contains(">\(section.name)</w:t>"))
        }
        #expect(document.components(separatedBy: "<w:pStyle w:val=\"Heading1\"/>").count - 1 == 9 + 3)
        #expect(document.components(separatedBy: "<w:pStyle w:val=\"Heading2\"/>").count - 1 == 8)
        #expect(document.components(separatedBy: "<w:pStyle w:val=\"Heading4\"/>").count - 1 == 8 * 4)
        // Every internal link points at a bookmark that exists.
        let bookmarks = Set(matches(#"w:bookmarkStart w:id="\d+" w:name="([A-Za-z0-9_]+)""#, in: document))
        let anchors = matches(#"w:hyperlink w:anchor="([^"]+)""#, in: document)
        #expect(bookmarks.count == 2 + 9 + 8 + 1)
        #expect(!anchors.isEmpty)
        #expect(Set(anchors).isSubset(of: bookmarks))
        #expect(document.contains(">Geraakt door: </w:t></w:r><w:hyperlink"), "the other side of a link is a reference to it")
        #expect(bookmarks.allSatisfy { $0.count <= 40 && $0.first!.isLetter })
        // Tables repeat their header row; every heading of the contents has a page number
        // that refers to its bookmark, and no setting makes Word ask to update fields.
        #expect(document.contains("<w:tblHeader/>"))
        #expect(document.contains("<w:tblStyle w:val=\"TableGrid\"/>"))
        let pageRefs = Set(matches(#"PAGEREF ([A-Za-z0-9_]+) \\h"#, in: document))
        #expect(pageRefs == bookmarks, "one page number per heading in the contents")
        let settings = String(decoding: try #require(files["word/settings.xml"]), as: UTF8.self)
        #expect(!settings.contains("updateFields"))
        let footer = String(decoding: try #require(files["word/footer1.xml"]), as: UTF8.self)
        #expect(footer.contains(" PAGE "))
        let core = String(decoding: try #require(files["docProps/core.xml"]), as: UTF8.self)
        #expect(core.contains("<dc:title>Kwaliteitsrapport 2025–2028</dc:title>"))
        #expect(core.contains("<dc:creator>Coalitie Rivierstad</dc:creator>"))
        let styles = String(decoding: try #require(files["word/styles.xml"]), as: UTF8.self)
        #expect(styles.contains("<w:name w:val=\"heading 1\"/>"))
    }

    @Test func escapesUserText() throws {
        let files = try unzip(try DocxWriter.write(SampleReport.make(longText: String(repeating: "Een heel lange zin & nog meer. ", count: 3_000))))
        let document = try #require(files["word/document.xml"])
        #expect(wellFormed(document))
        let text = String(decoding: document, as: UTF8.self)
        #expect(text.contains("Sport &amp; spel &lt;met&gt; &quot;quotes&quot; en &apos;apostrof&apos; 🎨</w:t>"))
        #expect(!text.contains("\u{0007}"))
    }

    @Test func conceptMarkOnlyWhileIncomplete() throws {
        let concept = try unzip(try DocxWriter.write(SampleReport.make(concept: true)))
        let final = try unzip(try DocxWriter.write(SampleReport.make(concept: false)))
        #expect(String(decoding: concept["word/header1.xml"]!, as: UTF8.self).contains("CONCEPT"))
        #expect(!String(decoding: final["word/header1.xml"]!, as: UTF8.self).contains("CONCEPT"))
        #expect(!String(decoding: final["word/document.xml"]!, as: UTF8.self).contains("ConceptMark\"/>"))
    }

    @Test func sameReportSameBytes() throws {
        #expect(try DocxWriter.write(SampleReport.make()) == DocxWriter.write(SampleReport.make()))
    }

    private func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
