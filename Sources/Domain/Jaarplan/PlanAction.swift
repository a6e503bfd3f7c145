import Foundation

/// A school year as the jaarplan names it: "2026-2027", from 1 August to 31 July.
public struct SchoolYear: Hashable, Comparable, Sendable {
    public let start: Int

    public init?(start: Int) {
        guard (2000...2100).contains(start) else { return nil }
        self.start = start
    }

    /// "2026-2027"; nil for anything else.
    public init?(_ raw: String) {
        let parts = raw.trimmingWhitespace().split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, parts[1] == parts[0] + 1 else { return nil }
        self.init(start: parts[0])
    }

    public init(containing date: IsoDate) { start = date.month >= 8 ? date.year : date.year - 1 }

    public var key: String { "\(start)-\(start + 1)" }
    public var label: String { "schooljaar \(key)" }
    public var days: DateRange { DateRange(from: IsoDate("\(start)-08-01")!, to: IsoDate("\(start + 1)-07-31")!)! }
    public var previous: SchoolYear { SchoolYear(start: start - 1) ?? self }
    public var next: SchoolYear { SchoolYear(start: start + 1) ?? self }

    public static func < (lhs: SchoolYear, rhs: SchoolYear) -> Bool { lhs.start < rhs.start }

    /// The day of an evaluation moment (1: after the first half year, 2: at its end) until
    /// the coalition chooses its own: 31 January and 15 July.
    public func defaultEvaluationDay(_ moment: Int) -> IsoDate {
        IsoDate(year: start + 1, month: moment == 1 ? 1 : 7, day: moment == 1 ? 31 : 15)
    }
}

/// An action of the jaarplan that belongs to no bouwblad (seed 000's table: actie,
/// activiteit, verantwoordelijke, tijdlijn), as posted. Indicators are checkboxes.
public struct PlanActionForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case area, text, activity, owner, deadline, status, indicators }
    public var area, text, activity, owner, deadline, status: String?
    public var indicators: [String]?

    public init(area: String? = nil, text: String? = nil, activity: String? = nil, owner: String? = nil, deadline: String? = nil,
                status: String? = nil, indicators: [String]? = nil) {
        (self.area, self.text, self.activity, self.owner, self.deadline, self.status, self.indicators) = (area, text, activity, owner, deadline, status, indicators)
    }
}

public struct PlanActionInput: Equatable, Sendable {
    public let area: String
    public let text: String
    public let activity: String
    public let owner: String
    public let deadline: Wanneer?
    public let status: ActieStatus
    public let indicators: [UUID]

    public init(area: String, text: String, activity: String = "", owner: String = "", deadline: Wanneer? = nil, status: ActieStatus = .gepland, indicators: [UUID] = []) {
        (self.area, self.text, self.activity, self.owner, self.deadline, self.status, self.indicators) = (area, text, activity, owner, deadline, status, indicators)
    }

    /// - Parameter indicators: the coalition's indicators an action may serve.
    public static func validate(_ form: PlanActionForm, indicators known: Set<UUID>, into errors: inout FieldErrors) -> PlanActionInput? {
        typealias F = PlanActionForm.CodingKeys
        let area = Text.line(form.area, field: F.area, max: IndicatorInput.maxArea, into: &errors) ?? ""
        let text = PlainText.validate(form.text, field: F.text, max: DoelInput.textMax, into: &errors) ?? ""
        if text.isEmpty, errors[F.text] == nil { errors.add(F.text, .required) }
        let activity = Text.line(form.activity, field: F.activity, max: DoelInput.shortMax, required: false, into: &errors) ?? ""
        let owner = Text.line(form.owner, field: F.owner, max: DoelInput.shortMax, required: false, into: &errors) ?? ""
        let deadline = Text.line(form.deadline, field: F.deadline, max: Wanneer.maxLength, required: false, into: &errors).flatMap(Wanneer.parse)
        let statusRaw = (form.status ?? "").trimmingWhitespace()
        let status = ActieStatus(rawValue: statusRaw.isEmpty ? ActieStatus.gepland.rawValue : statusRaw)
        if status == nil { errors.add(F.status, .unknownChoice) }
        let chosen = (form.indicators ?? []).prefix(100).map { UUID(uuidString: String($0.prefix(36))) }
        if chosen.contains(where: { $0.map { !known.contains($0) } ?? true }) { errors.add(F.indicators, .unknownChoice) }
        guard errors.isEmpty, let status else { return nil }
        var seen = Set<UUID>()
        return PlanActionInput(area: area, text: text, activity: activity, owner: owner, deadline: deadline, status: status,
                               indicators: chosen.compactMap { $0 }.filter { seen.insert($0).inserted })
    }
}
