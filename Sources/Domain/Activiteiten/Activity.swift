/// Where an activity is in its life.
public enum ActivityStatus: String, CaseIterable, Sendable, Codable {
    case concept, gepland, loopt, afgerond

    public var label: String {
        switch self {
        case .concept: return "In voorbereiding"
        case .gepland: return "Gepland"
        case .loopt: return "Loopt"
        case .afgerond: return "Afgerond"
        }
    }
}

/// The four domains every coalition starts with; a coalition may add its own.
public enum ActivityDomains {
    public static let defaults = ["cultuur", "sport", "cognitief", "ontdekken"]
}

/// The activity form as posted; weekdays and staff are checkboxes (`weekdays[]`, `staff[]`).
public struct ActivityForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName {
        case name, domain, location, partner, staff, weekdays, start, end, from, to, yearGroups, maxGroupSize, goals, doel
        case inSchool, vierOgen, contact, schoolPresent
    }
    public var name, domain, location, partner, start, end, from, to, yearGroups, maxGroupSize, goals, doel: String?
    public var inSchool, vierOgen, contact, schoolPresent: String?
    public var weekdays, staff: [String]?

    public init() {}
}

/// An activity as typed on the form.
public struct ActivityInput: Equatable, Sendable {
    public static let nameMax = 120
    public static let textMax = 2_000

    public let name: String
    public let domain: String
    public let locationID: String
    public let partnerID: String?
    public let weekdays: [Weekday]
    public let slot: TimeSlot?
    public let period: DateRange
    public let yearGroups: YearGroups?
    public let maxGroupSize: Int?
    public let goals: String
    public let doelID: String?
    public let inSchool: Bool
    public let vierOgen: Bool
    public let contactBeforeAfter: Bool
    public let schoolPresent: String

    private typealias F = ActivityForm.CodingKeys

    /// The fields as typed; `domains` are the coalition's. Which location, partner, doel and
    /// staff may be chosen is checked where the coalition's rows are known.
    public static func validate(_ form: ActivityForm, domains: [String], into errors: inout FieldErrors) -> ActivityInput? {
        let name = Text.line(form.name, field: F.name, max: nameMax, into: &errors)
        let domain = (form.domain ?? "").trimmingWhitespace()
        if domain.isEmpty { errors.add(F.domain, .required) } else if !domains.contains(domain) { errors.add(F.domain, .unknownChoice) }
        let location = (form.location ?? "").trimmingWhitespace()
        if location.isEmpty { errors.add(F.location, .required) }
        let partner = (form.partner ?? "").trimmingWhitespace()
        var days: [Weekday] = []
        for raw in form.weekdays ?? [] {
            guard let number = Int(raw), let day = Weekday(rawValue: number) else { errors.add(F.weekdays, .unknownChoice); break }
            if !days.contains(day) { days.append(day) }
        }
        let slot = TimeSlot.validate(form.start, form.end, fields: (F.start, F.end), into: &errors)
        let period = dateRange(form.from, form.to, into: &errors)
        let groupsText = (form.yearGroups ?? "").trimmingWhitespace()
        let groups = groupsText.isEmpty ? nil : YearGroups(dutch: groupsText)
        if !groupsText.isEmpty, groups == nil { errors.add(F.yearGroups, .notYearGroups) }
        let maxGroup = count(form.maxGroupSize, field: F.maxGroupSize, max: 500, into: &errors)
        let goals = PlainText.validate(form.goals, field: F.goals, max: textMax, into: &errors) ?? ""
        let doel = (form.doel ?? "").trimmingWhitespace()
        let present = Text.line(form.schoolPresent, field: F.schoolPresent, max: 200, required: false, into: &errors) ?? ""
        guard errors.isEmpty, let name, let period else { return nil }
        return ActivityInput(
            name: name, domain: domain, locationID: location, partnerID: partner.isEmpty ? nil : partner,
            weekdays: days.sorted(), slot: slot, period: period, yearGroups: groups, maxGroupSize: maxGroup,
            goals: goals, doelID: doel.isEmpty ? nil : doel, inSchool: form.inSchool == "ja",
            vierOgen: form.vierOgen == "ja", contactBeforeAfter: form.contact == "ja", schoolPresent: present)
    }


    static func dateRange(_ from: String?, _ to: String?, into errors: inout FieldErrors) -> DateRange? {
        let f = Dates.optional(from, field: F.from, into: &errors)
        let t = Dates.optional(to, field: F.to, into: &errors)
        if f == nil, errors[F.from] == nil { errors.add(F.from, .required) }
        if t == nil, errors[F.to] == nil { errors.add(F.to, .required) }
        guard let f, let t else { return nil }
        guard let range = DateRange(from: f, to: t) else { errors.add(F.to, .periodEndBeforeStart); return nil }
        return range
    }

    /// A whole number of people, 0 … max; empty is nil.
    public static func count(_ raw: String?, field: some FieldName, max: Int, into errors: inout FieldErrors) -> Int? {
        let text = (raw ?? "").trimmingWhitespace()
        if text.isEmpty { return nil }
        guard text.count <= 6, let value = Int(text) else { errors.add(field, .notAWholeNumber); return nil }
        guard (0...max).contains(value) else { errors.add(field, .numberOutOfRange(min: 0, max: max)); return nil }
        return value
    }
}

/// Whether a status change is allowed. Only one rule blocks: nobody works with pupils
/// without a valid VOG, so an activity with a missing or expired VOG cannot start.
public enum ActivityRules {
    public enum Refusal: Equatable, Sendable {
        case vogMissing(names: [String])
    }

    public static func mayMove(to status: ActivityStatus, staff: [(name: String, vog: VogStatus)]) -> Refusal? {
        guard status == .loopt else { return nil }
        let missing = staff.filter { !$0.vog.isValid }.map(\.name)
        return missing.isEmpty ? nil : .vogMissing(names: missing)
    }
}

/// A Verklaring Omtrent het Gedrag, judged against the coalition's validity (default 3 years).
public enum VogStatus: Equatable, Sendable {
    case geldig(until: IsoDate)
    case verlopen(since: IsoDate)
    case ontbreekt

    public static let defaultValidityYears = 3

    public static func of(date: IsoDate?, validityYears: Int, today: IsoDate) -> VogStatus {
        guard let date else { return .ontbreekt }
        let until = IsoDate(String(format: "%04d-%02d-%02d", date.year + validityYears, date.month, min(date.day, IsoDate.days(in: date.month, of: date.year + validityYears))))!
        return until < today ? .verlopen(since: until) : .geldig(until: until)
    }

    public var isValid: Bool { if case .geldig = self { return true } else { return false } }

    public var label: String {
        switch self {
        case .geldig(let until): return "Geldig tot \(until.label)"
        case .verlopen(let since): return "Verlopen sinds \(since.label)"
        case .ontbreekt: return "Geen VOG bekend"
        }
    }
}
