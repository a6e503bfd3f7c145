import Foundation

/// Answers exported from Microsoft Forms (XLSX, or CSV saved from it) or Google Forms (CSV),
/// read into a questionnaire. Names and e-mail addresses are dropped when the file is read,
/// before anything is shown or kept; only the day a response was sent is kept of its times.
public enum FormsImport {
    public enum Source: String, Sendable, Equatable {
        case microsoftDutch = "ms-nl", microsoftEnglish = "ms-en", googleDutch = "google-nl", googleEnglish = "google-en", other = "anders"

        public var label: String {
            switch self {
            case .microsoftDutch: return "Microsoft Forms (Nederlands)"
            case .microsoftEnglish: return "Microsoft Forms (Engels)"
            case .googleDutch: return "Google Formulieren (Nederlands)"
            case .googleEnglish: return "Google Forms (Engels)"
            case .other: return "Onbekend formulier (eerste regel met vragen)"
            }
        }

        var isEnglish: Bool { self == .microsoftEnglish || self == .googleEnglish }
        var isGoogle: Bool { self == .googleDutch || self == .googleEnglish }
    }

    /// A column with answers, and its header as the form wrote it.
    public struct Column: Codable, Equatable, Sendable {
        public let header: String
        public let values: [String]
        public init(header: String, values: [String]) { (self.header, self.values) = (header, values) }
    }

    /// What was read: the kept columns, the day of each response, and the headers that were
    /// dropped because they name or trace a person (shown, so people see they are gone).
    public struct Table: Equatable, Sendable {
        public let source: Source
        public let columns: [Column]
        public let days: [IsoDate?]
        public let dropped: [String]
        public var rowCount: Int { days.count }

        public init(source: Source, columns: [Column], days: [IsoDate?], dropped: [String]) {
            (self.source, self.columns, self.days, self.dropped) = (source, columns, days, dropped)
        }
    }

    public enum Failure: Error, Equatable { case empty, tooManyRows(Int), tooManyColumns(Int) }

    public static let maxRows = 20_000
    public static let maxColumns = 200

    static let personal: Set<String> = ["e-mail", "email", "naam", "name", "e-mailadres", "email address", "e-mailadres van respondent", "respondent"]
    static let microsoftTimes: [String: Bool] = [
        "begintijd": false, "tijd van voltooien": true, "tijd van laatste wijziging": false, "laatst gewijzigd": false,
        "start time": false, "completion time": true, "last modified time": false,
    ]

    /// Recognises the form from the first row and keeps the answer columns.
    public static func read(_ rows: [[String]]) -> Result<Table, Failure> {
        guard let header = rows.first?.map({ $0.trimmingWhitespace() }), rows.count > 1 else { return .failure(.empty) }
        let body = Array(rows.dropFirst()).filter { $0.contains { !$0.trimmingWhitespace().isEmpty } }
        guard !body.isEmpty else { return .failure(.empty) }
        guard body.count <= maxRows else { return .failure(.tooManyRows(body.count)) }
        guard header.count <= maxColumns else { return .failure(.tooManyColumns(header.count)) }
        let lower = header.map { $0.lowercased() }
        let source: Source
        if lower.first == "id", lower.contains("begintijd") || lower.contains("tijd van voltooien") { source = .microsoftDutch }
        else if lower.first == "id", lower.contains("start time") || lower.contains("completion time") { source = .microsoftEnglish }
        else if lower.first == "tijdstempel" { source = .googleDutch }
        else if lower.first == "timestamp" { source = .googleEnglish }
        else { source = .other }

        var columns: [Column] = [], dropped: [String] = []
        var dayColumn: Int?
        for (index, name) in header.enumerated() {
            let key = lower[index]
            let values = body.map { index < $0.count ? $0[index] : "" }
            switch source {
            case .microsoftDutch, .microsoftEnglish:
                if index == 0 { continue } // the response number
                if let isDay = microsoftTimes[key] { if isDay { dayColumn = index }; continue }
            case .googleDutch, .googleEnglish:
                if index == 0 { dayColumn = index; continue }
            case .other:
                break
            }
            if personal.contains(key) { dropped.append(name); continue }
            columns.append(Column(header: name, values: values))
        }
        let days = body.map { row -> IsoDate? in
            guard let dayColumn, dayColumn < row.count else { return nil }
            return day(row[dayColumn], english: source.isEnglish)
        }
        return .success(Table(source: source, columns: columns, days: days, dropped: dropped))
    }

    /// A moment as forms write it, as a day: an Excel serial number (45993.58), ISO
    /// ("2026-12-03 14:05"), "2026/12/03 14:05:01 CET", "3-12-2026 14:05" (day first), or
    /// "12/3/2026 2:05:01 PM" (month first in English files, day first in Dutch ones).
    public static func day(_ raw: String, english: Bool) -> IsoDate? {
        let text = raw.trimmingWhitespace()
        if let serial = Double(text), (36_526...73_000).contains(serial) {
            // Excel counts days from 30 December 1899; day 36526 is 1 January 2000.
            return IsoDate("2000-01-01")?.adding(days: Int(serial.rounded(.down)) - 36_526)
        }
        let datePart = String(text.prefix { $0 != " " && $0 != "T" })
        let parts = datePart.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let (y, m, d): (Int, Int, Int)
        if parts[0] > 31 { (y, m, d) = (parts[0], parts[1], parts[2]) }
        else if datePart.contains("/") && english { (y, m, d) = (parts[2], parts[0], parts[1]) }
        else { (y, m, d) = (parts[2], parts[1], parts[0]) }
        return IsoDate(String(format: "%04d-%02d-%02d", y, m, d))
    }

    // MARK: matching

    /// The question a column answers, matched by its text: the same words (ignoring case,
    /// punctuation and a trailing *); for a grid column "Vraag [Rij]" the row; else the one
    /// question whose text contains the header or the other way round.
    public static func match(_ header: String, in questions: [Question]) -> String? {
        let answerable = questions.filter(\.kind.isAnswerable)
        let wanted = normalised(header)
        if let exact = answerable.first(where: { normalised($0.text) == wanted }) { return exact.id }
        if let open = header.lastIndex(of: "["), header.hasSuffix("]") {
            let row = normalised(String(header[header.index(after: open)..<header.index(before: header.endIndex)]))
            let question = normalised(String(header[..<open]))
            if let hit = answerable.first(where: { normalised($0.text) == row || normalised($0.text) == question + " " + row }) { return hit.id }
            let holding = answerable.filter { !row.isEmpty && normalised($0.text).contains(row) }
            if holding.count == 1 { return holding[0].id }
        }
        let near = answerable.filter { let t = normalised($0.text); return !wanted.isEmpty && (t.contains(wanted) || wanted.contains(t)) }
        return near.count == 1 ? near[0].id : nil
    }

    static func normalised(_ text: String) -> String {
        let kept = text.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        return String(kept).split(separator: " ").joined(separator: " ")
    }

    /// One cell as an answer to `question`: the option ids, or the number or text. nil when
    /// it fits nothing (an unknown choice, a word for a number, a text too long); empty
    /// when the cell is empty.
    public static func answer(_ cell: String, to question: Question, source: Source) -> [String]? {
        let text = cell.trimmingWhitespace()
        if text.isEmpty { return [] }
        func option(_ label: String) -> String? {
            let key = normalised(label)
            if let hit = question.options.first(where: { normalised($0.label) == key }) { return hit.id }
            if question.kind.isScale, let n = Int(label.trimmingWhitespace()), question.options.indices.contains(n - 1) { return question.options[n - 1].id }
            return nil
        }
        switch question.kind {
        case .oneChoice, .likert5, .scale4, .smileys:
            return option(text).map { [$0] }
        case .severalChoices:
            var ids: [String] = []
            if source.isGoogle {
                // ", " joins the choices, but a choice may itself contain ", ": take the longest run that is one.
                let pieces = text.components(separatedBy: ", ")
                var i = 0
                while i < pieces.count {
                    guard let j = (i..<pieces.count).reversed().first(where: { option(pieces[i...$0].joined(separator: ", ")) != nil }) else { return nil }
                    ids.append(option(pieces[i...j].joined(separator: ", "))!)
                    i = j + 1
                }
            } else {
                for piece in text.split(separator: ";").map({ String($0).trimmingWhitespace() }) where !piece.isEmpty {
                    guard let id = option(piece) else { return nil }
                    ids.append(id)
                }
            }
            return question.options.map(\.id).filter { ids.contains($0) }
        case .number:
            guard let number = Number.parse(text), Answers.numberRange.contains(number) else { return nil }
            return [Answers.format(number)]
        case .shortText, .longText:
            var errors = FieldErrors()
            let max = question.kind == .shortText ? Answers.maxShort : Answers.maxLong
            let clean = question.kind == .shortText ? Text.line(text, field: "x", max: max, required: false, into: &errors)
                : PlainText.validate(text, field: "x", max: max, into: &errors)
            return clean.map { $0.isEmpty ? [] : [$0] }
        case .heading:
            return nil
        }
    }

    /// The responses the table holds with `mapping` (column index to question id), and per
    /// column how many cells fit no answer (they are left out of that response).
    public static func responses(_ table: Table, mapping: [Int: String], questions: QuestionList) -> (answers: [Answers], misfits: [Int: Int]) {
        var answers = Array(repeating: Answers(), count: table.rowCount)
        var misfits: [Int: Int] = [:]
        for (index, column) in table.columns.enumerated() {
            guard let id = mapping[index], let question = questions.question(id), question.kind.isAnswerable else { continue }
            for (row, cell) in column.values.enumerated() where row < answers.count {
                guard let value = answer(cell, to: question, source: table.source) else { misfits[index, default: 0] += 1; continue }
                if !value.isEmpty, answers[row].values[id] == nil { answers[row].values[id] = value }
            }
        }
        return (answers, misfits)
    }
}
