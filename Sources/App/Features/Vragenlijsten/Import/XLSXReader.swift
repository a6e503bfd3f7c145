import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// The first sheet of an XLSX file as rows of text, as Microsoft Forms exports its answers.
/// An XLSX is a ZIP of XML parts: ZIPFoundation opens it and Foundation's XMLParser reads the
/// shared strings and the sheet (no spreadsheet package is on the allowed list). Numbers are
/// given as written (a date is its Excel serial number). Every size is bounded: the parts
/// unpacked, the rows and the columns, so a crafted file cannot take the server down.
enum XLSXReader {
    enum Failure: Error { case notXLSX, tooLarge }

    static let maxUnpacked = 40 * 1024 * 1024
    static let maxRows = 20_001
    static let maxColumns = 200

    static func rows(_ data: Data) throws -> [[String]] {
        guard let archive = try? Archive(data: data, accessMode: .read) else { throw Failure.notXLSX }
        var budget = maxUnpacked
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= UInt64(budget) else { throw Failure.tooLarge }
            var out = Data()
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                guard out.count + chunk.count <= budget else { throw Failure.tooLarge }
                out.append(chunk)
            }
            budget -= out.count
            return out
        }
        let sheetPath = try firstSheet(archive, part) ?? "xl/worksheets/sheet1.xml"
        guard let sheet = try part(sheetPath) else { throw Failure.notXLSX }
        let strings = try part("xl/sharedStrings.xml").map(SharedStrings.read) ?? []
        return try SheetRows.read(sheet, strings: strings)
    }

    /// The sheet the workbook lists first, through its relationship.
    private static func firstSheet(_ archive: Archive, _ part: (String) throws -> Data?) throws -> String? {
        guard let workbook = try part("xl/workbook.xml"), let rels = try part("xl/_rels/workbook.xml.rels") else { return nil }
        let sheetID = Attributes.first(of: "sheet", attribute: "r:id", in: workbook)
        let targets = Attributes.all(of: "Relationship", in: rels)
        guard let target = targets.first(where: { $0["Id"] == sheetID })?["Target"] else { return nil }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// Attributes of elements, for the two small index parts.
    private final class Attributes: NSObject, XMLParserDelegate {
        let name: String
        var found: [[String: String]] = []
        init(_ name: String) { self.name = name }

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if element == name || element.hasSuffix(":" + name) { found.append(attributes) }
        }

        static func all(of name: String, in data: Data) -> [[String: String]] {
            let delegate = Attributes(name), parser = XMLParser(data: data)
            parser.delegate = delegate
            parser.parse()
            return delegate.found
        }

        static func first(of name: String, attribute: String, in data: Data) -> String? { all(of: name, in: data).first?[attribute] }
    }

    /// `<si>` items: plain `<t>`, or rich text runs `<r><t>` joined.
    private final class SharedStrings: NSObject, XMLParserDelegate {
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch element {
            case "si": current = ""
            case "t": inText = !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            switch element {
            case "si": strings.append(current)
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }

        static func read(_ data: Data) throws -> [String] {
            let delegate = SharedStrings(), parser = XMLParser(data: data)
            parser.delegate = delegate
            guard parser.parse() else { throw Failure.notXLSX }
            return delegate.strings
        }
    }

    /// `<row><c r="B2" t="s"><v>3</v></c>…`: each cell placed at its column.
    private final class SheetRows: NSObject, XMLParserDelegate {
        let strings: [String]
        var rows: [[String]] = []
        var row: [String] = []
        var column = 0
        var type = ""
        var value = ""
        var inValue = false
        var failure: Failure?

        init(strings: [String]) { self.strings = strings }

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch element {
            case "row": row = []; column = 0
            case "c":
                type = attributes["t"] ?? ""
                value = ""
                if let ref = attributes["r"], let index = Self.columnIndex(ref) { column = index }
            case "v", "t": inValue = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if inValue { value += string } }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            switch element {
            case "v", "t": inValue = false
            case "c":
                guard column < XLSXReader.maxColumns else { failure = .tooLarge; parser.abortParsing(); return }
                let text = type == "s" ? Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? "" : type == "b" ? (value == "1" ? "TRUE" : "FALSE") : value
                if row.count < column { row += Array(repeating: "", count: column - row.count) }
                if row.count == column { row.append(text) } else { row[column] = text }
                column += 1
            case "row":
                rows.append(row)
                if rows.count > XLSXReader.maxRows { failure = .tooLarge; parser.abortParsing() }
            default: break
            }
        }

        /// "AB12" -> 27.
        static func columnIndex(_ ref: String) -> Int? {
            var index = 0, letters = 0
            for byte in ref.utf8 {
                guard (65...90).contains(byte) else { break }
                index = index * 26 + Int(byte - 64)
                letters += 1
                if letters > 3 { return nil }
            }
            return letters == 0 ? nil : index - 1
        }

        static func read(_ data: Data, strings: [String]) throws -> [[String]] {
            let delegate = SheetRows(strings: strings), parser = XMLParser(data: data)
            parser.delegate = delegate
            let ok = parser.parse()
            if let failure = delegate.failure { throw failure }
            guard ok else { throw Failure.notXLSX }
            return delegate.rows
        }
    }
}
