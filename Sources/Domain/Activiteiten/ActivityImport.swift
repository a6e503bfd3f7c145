/// Reads an activity book exported from Excel: one activity per row, with the columns
/// coalitions typically keep (activiteit, domein, locatie, aanbieder, dag, tijd, groepen,
/// periode). Every row is checked on its own; the preview shows what each row becomes.
public enum ActivityImport {
    public static let columns = ["activiteit", "domein", "locatie", "aanbieder", "dag", "tijd", "groepen", "periode"]
    public static let required: Set<String> = ["activiteit", "domein", "locatie", "periode"]
    public static let maxRows = 2_000

    public struct Row: Equatable, Sendable {
        public let line: Int
        public let name: String
        public let domain: String
        public let locationID: String?
        public let partnerID: String?
        public let weekdays: [Weekday]
        public let slot: TimeSlot?
        public let yearGroups: YearGroups?
        public let period: DateRange?
        public let problems: [String]
        public var isValid: Bool { problems.isEmpty }
    }

    public enum Failure: Error, Equatable, Sendable {
        case empty
        case missingColumns([String])
        case tooManyRows(Int)
    }

    /// - Parameters: names are matched without regard to case or surrounding spaces.
    public static func parse(_ text: String, locations: [String: String], partners: [String: String], domains: [String]) -> Result<[Row], Failure> {
        let table = CSV.read(text)
        guard let header = table.first, table.count > 1 else { return .failure(.empty) }
        let names = header.map { $0.trimmingWhitespace().lowercased() }
        let missing = columns.filter { required.contains($0) && !names.contains($0) }
        guard missing.isEmpty else { return .failure(.missingColumns(missing)) }
        guard table.count - 1 <= maxRows else { return .failure(.tooManyRows(table.count - 1)) }
        func key(_ s: String) -> String { s.trimmingWhitespace().lowercased() }
        let locationIndex = Dictionary(locations.map { (key($0.value), $0.key) }, uniquingKeysWith: { a, _ in a })
        let partnerIndex = Dictionary(partners.map { (key($0.value), $0.key) }, uniquingKeysWith: { a, _ in a })
        let domainIndex = Dictionary(domains.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [Row] = []
        for (offset, cells) in table.dropFirst().enumerated() {
            func value(_ column: String) -> String {
                guard let i = names.firstIndex(of: column), i < cells.count else { return "" }
                return cells[i].trimmingWhitespace()
            }
            var problems: [String] = []
            let name = value("activiteit")
            if name.isEmpty { problems.append("De naam van de activiteit ontbreekt.") }
            else if name.count > ActivityInput.nameMax { problems.append("De naam is langer dan \(ActivityInput.nameMax) tekens.") }
            else if name.unicodeScalars.contains(where: Text.isForbiddenInLine) { problems.append("De naam bevat tekens die niet zijn toegestaan.") }
            let domainText = value("domein")
            let domain = domainIndex[key(domainText)]
            if domain == nil { problems.append(domainText.isEmpty ? "Het domein ontbreekt." : "Het domein ‘\(domainText.prefix(40))’ kennen we niet. Kies uit: \(domains.joined(separator: ", ")).") }
            let locationText = value("locatie")
            let location = locationIndex[key(locationText)]
            if location == nil { problems.append(locationText.isEmpty ? "De locatie ontbreekt." : "De locatie ‘\(locationText.prefix(60))’ bestaat niet. Voeg haar eerst toe bij Locaties en partners.") }
            let partnerText = value("aanbieder")
            let partner = partnerText.isEmpty ? nil : partnerIndex[key(partnerText)]
            if !partnerText.isEmpty, partner == nil { problems.append("De aanbieder ‘\(partnerText.prefix(60))’ bestaat niet. Voeg de partner eerst toe bij Locaties en partners.") }
            let dayText = value("dag")
            let days = dayText.isEmpty ? [] : Weekday.list(dutch: dayText)
            if days == nil { problems.append("De dag ‘\(dayText.prefix(40))’ begrijpen we niet. Schrijf bijvoorbeeld ‘maandag’ of ‘ma/wo’.") }
            let timeText = value("tijd")
            let slot = timeText.isEmpty ? nil : TimeSlot(timeText)
            if !timeText.isEmpty, slot == nil { problems.append("De tijd ‘\(timeText.prefix(40))’ begrijpen we niet. Schrijf bijvoorbeeld ‘15:00-16:00’.") }
            let groupsText = value("groepen")
            let groups = groupsText.isEmpty ? nil : YearGroups(dutch: groupsText)
            if !groupsText.isEmpty, groups == nil { problems.append("De groepen ‘\(groupsText.prefix(40))’ begrijpen we niet. Schrijf bijvoorbeeld ‘5-8’.") }
            let periodText = value("periode")
            let period = DateRange(dutch: periodText)
            if period == nil { problems.append(periodText.isEmpty ? "De periode ontbreekt." : "De periode ‘\(periodText.prefix(60))’ begrijpen we niet, of het einde ligt vóór het begin. Schrijf bijvoorbeeld ‘1-9-2025 t/m 31-1-2026’.") }
            rows.append(Row(line: offset + 2, name: String(name.prefix(ActivityInput.nameMax)), domain: domain ?? domainText, locationID: location,
                            partnerID: partner, weekdays: days ?? [], slot: slot, yearGroups: groups, period: period, problems: problems))
        }
        return .success(rows)
    }
}
