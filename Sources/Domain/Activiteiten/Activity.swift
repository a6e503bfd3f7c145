/// Where an activity is in its life.
public enum ActivityStatus: String, CaseIterable, Sendable, Codable {
    case concept, gepland, loopt, afgerond

    public var label: String {
        switch self {
        case .concept: return "Concept"
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

    /// - Parameters:
    ///   - values: the single-valued fields.
    ///   - weekdays: the ticked weekday boxes ("1" … "7").
    ///   - domains: the coalition's domains.
    public static func validate(_ values: [String: String], weekdays rawDays: [String], domains: [String], into errors: inout FieldErrors) -> ActivityInput? {
        let name = Text.line(values["name"], field: "name", max: nameMax, into: &errors)
        let domain = (values["domain"] ?? "").trimmingWhitespace()
        if domain.isEmpty { errors.add("domain", .required) } else if !domains.contains(domain) { errors.add("domain", .unknownChoice) }
        let location = (values["location"] ?? "").trimmingWhitespace()
        if location.isEmpty { errors.add("location", .required) }
        let partner = (values["partner"] ?? "").trimmingWhitespace()
        var days: [Weekday] = []
        for raw in rawDays {
            guard let number = Int(raw), let day = Weekday(rawValue: number) else { errors.add("weekdays", .unknownChoice); break }
            if !days.contains(day) { days.append(day) }
        }
        let slot = timeSlot(values["start"], values["end"], into: &errors)
        let period = dateRange(values["from"], values["to"], into: &errors)
        let groupsText = (values["yearGroups"] ?? "").trimmingWhitespace()
        let groups = groupsText.isEmpty ? nil : YearGroups(dutch: groupsText)
        if !groupsText.isEmpty, groups == nil { errors.add("yearGroups", .notYearGroups) }
        let maxGroup = count(values["maxGroupSize"], field: "maxGroupSize", max: 500, into: &errors)
        let goals = PlainText.validate(values["goals"], field: "goals", max: textMax, into: &errors) ?? ""
        let doel = (values["doel"] ?? "").trimmingWhitespace()
        let present = Text.line(values["schoolPresent"], field: "schoolPresent", max: 200, required: false, into: &errors) ?? ""
        guard errors.isEmpty, let name, let period else { return nil }
        return ActivityInput(
            name: name, domain: domain, locationID: location, partnerID: partner.isEmpty ? nil : partner,
            weekdays: days.sorted(), slot: slot, period: period, yearGroups: groups, maxGroupSize: maxGroup,
            goals: goals, doelID: doel.isEmpty ? nil : doel, inSchool: values["inSchool"] == "ja",
            vierOgen: values["vierOgen"] == "ja", contactBeforeAfter: values["contact"] == "ja", schoolPresent: present)
    }

    static func timeSlot(_ start: String?, _ end: String?, into errors: inout FieldErrors) -> TimeSlot? {
        let s = (start ?? "").trimmingWhitespace(), e = (end ?? "").trimmingWhitespace()
        if s.isEmpty && e.isEmpty { return nil }
        guard let from = ClockTime(s) else { errors.add("start", .notATime); return nil }
        guard let to = ClockTime(e) else { errors.add("end", .notATime); return nil }
        guard let slot = TimeSlot(start: from, end: to) else { errors.add("end", .endBeforeStart); return nil }
        return slot
    }

    static func dateRange(_ from: String?, _ to: String?, into errors: inout FieldErrors) -> DateRange? {
        let f = Dates.optional(from, field: "from", into: &errors)
        let t = Dates.optional(to, field: "to", into: &errors)
        if f == nil, errors["from"] == nil { errors.add("from", .required) }
        if t == nil, errors["to"] == nil { errors.add("to", .required) }
        guard let f, let t else { return nil }
        guard let range = DateRange(from: f, to: t) else { errors.add("to", .periodEndBeforeStart); return nil }
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
