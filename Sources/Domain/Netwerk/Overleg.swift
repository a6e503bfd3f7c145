import Foundation

/// The kinds of meeting a coalition holds (seed 003: netwerkcirkels, reflectiebijeenkomsten,
/// een kwaliteitskring); a coalition may name its own.
public enum MeetingKind {
    public static let defaults = ["Netwerkoverleg", "Bestuurlijk overleg", "Wijkoverleg", "Reflectiebijeenkomst", "Kwaliteitskring"]
    public static let maxLength = 60

    /// "bestuurlijk-overleg": a default kind as a radio button posts it (and its id).
    public static func key(_ name: String) -> String { name.lowercased().replacingOccurrences(of: " ", with: "-") }
    public static func named(_ key: String) -> String? { defaults.first { Self.key($0) == key } }
}

/// Planned, held (it happened: what was said can be written down) or cancelled.
public enum MeetingStatus: String, CaseIterable, Sendable, Codable {
    case gepland, gehouden, afgelast

    public var label: String {
        switch self {
        case .gepland: return "Gepland"
        case .gehouden: return "Gehouden"
        case .afgelast: return "Afgelast"
        }
    }
}

/// The meeting form as posted. Organisations are checkboxes (`invited[]`, `present[]`).
public struct MeetingForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName {
        case kind, otherKind, date, start, end, place, status, invited, present, agenda, report, repeats, until
    }
    public var kind, otherKind, date, start, end, place, status, agenda, report: String?
    /// Only on a new meeting: how often it comes back, and until when.
    public var repeats, until: String?
    public var invited, present: [String]?

    public init(kind: String? = nil, otherKind: String? = nil, date: String? = nil, start: String? = nil, end: String? = nil, place: String? = nil,
                status: String? = nil, invited: [String]? = nil, present: [String]? = nil, agenda: String? = nil, report: String? = nil,
                repeats: String? = nil, until: String? = nil) {
        (self.kind, self.otherKind, self.date, self.start, self.end, self.place, self.status) = (kind, otherKind, date, start, end, place, status)
        (self.invited, self.present, self.agenda, self.report, self.repeats, self.until) = (invited, present, agenda, report, repeats, until)
    }

    /// The days of a new meeting and its repeats, or nil with the problem on `repeat` or `until`.
    public static func days(_ form: MeetingForm, first: IsoDate, into errors: inout FieldErrors) -> [IsoDate]? {
        let raw = (form.repeats ?? "").trimmingWhitespace()
        guard let often = MeetingSeries.Repeat(rawValue: raw.isEmpty ? MeetingSeries.Repeat.nee.rawValue : raw) else {
            errors.add(CodingKeys.repeats, .unknownChoice)
            return nil
        }
        if often == .nee { return [first] }
        let until = Dates.optional(form.until, field: CodingKeys.until, into: &errors)
        guard let until else {
            if errors[CodingKeys.until] == nil { errors.add(CodingKeys.until, .required) }
            return nil
        }
        guard first <= until else { errors.add(CodingKeys.until, .periodEndBeforeStart); return nil }
        guard let series = MeetingSeries(repeating: first, often, until: until) else {
            errors.add(CodingKeys.until, .tooFarAhead(years: 5))
            return nil
        }
        return series.dates
    }
}

/// A meeting as validated: what every store and page works with.
public struct MeetingInput: Equatable, Sendable {
    public static let maxPlace = 200
    public static let maxText = 20_000
    public static let maxOrganisations = 200

    public let kind: String
    public let day: IsoDate
    public let slot: TimeSlot?
    public let place: String
    public let status: MeetingStatus
    public let invited: [UUID]
    public let present: [UUID]
    public let agenda: String
    public let report: String

    public init(kind: String, day: IsoDate, slot: TimeSlot? = nil, place: String = "", status: MeetingStatus = .gepland,
                invited: [UUID] = [], present: [UUID] = [], agenda: String = "", report: String = "") {
        (self.kind, self.day, self.slot, self.place, self.status) = (kind, day, slot, place, status)
        (self.invited, self.present, self.agenda, self.report) = (invited, present, agenda, report)
    }

    /// - Parameter organisations: the coalition's organisations a meeting may name.
    public static func validate(_ form: MeetingForm, organisations known: Set<UUID>, into errors: inout FieldErrors) -> MeetingInput? {
        typealias F = MeetingForm.CodingKeys
        // A kind of the coalition's own wins over the chosen one.
        let own = Text.line(form.otherKind, field: F.otherKind, max: MeetingKind.maxLength, required: false, into: &errors) ?? ""
        let chosen = (form.kind ?? "").trimmingWhitespace()
        var kind = own
        if own.isEmpty, errors[F.otherKind] == nil {
            if chosen.isEmpty { errors.add(F.kind, .required) } else if MeetingKind.named(chosen) == nil { errors.add(F.kind, .unknownChoice) }
            kind = MeetingKind.named(chosen) ?? ""
        }
        let day = Dates.optional(form.date, field: F.date, into: &errors)
        if day == nil, errors[F.date] == nil { errors.add(F.date, .required) }
        let slot = TimeSlot.validate(form.start, form.end, fields: (F.start, F.end), into: &errors)
        let place = Text.line(form.place, field: F.place, max: maxPlace, required: false, into: &errors) ?? ""
        let statusRaw = (form.status ?? "").trimmingWhitespace()
        let status = MeetingStatus(rawValue: statusRaw.isEmpty ? MeetingStatus.gepland.rawValue : statusRaw)
        if status == nil { errors.add(F.status, .unknownChoice) }
        let invited = ids(form.invited, field: F.invited, known: known, into: &errors)
        let present = ids(form.present, field: F.present, known: known, into: &errors)
        let agenda = PlainText.validate(form.agenda, field: F.agenda, max: maxText, into: &errors) ?? ""
        let report = PlainText.validate(form.report, field: F.report, max: maxText, into: &errors) ?? ""
        guard errors.isEmpty, let day, let status else { return nil }
        return MeetingInput(kind: kind, day: day, slot: slot, place: place, status: status, invited: invited, present: present, agenda: agenda, report: report)
    }

    /// Ticked ids, each one of the coalition's, without doubles, in the order posted.
    static func ids(_ raw: [String]?, field: some FieldName, known: Set<UUID>, into errors: inout FieldErrors) -> [UUID] {
        let parsed = (raw ?? []).prefix(maxOrganisations).map { UUID(uuidString: String($0.prefix(36))) }
        if parsed.contains(where: { $0.map { !known.contains($0) } ?? true }) { errors.add(field, .unknownChoice); return [] }
        var seen = Set<UUID>()
        return parsed.compactMap { $0 }.filter { seen.insert($0).inserted }
    }

    /// Who counts for a cadence rule: those present once it was held, those invited before.
    public var counted: Set<UUID> { Set(status == .gehouden && !present.isEmpty ? present : invited) }
}

/// A cadence rule as posted: "minstens {minimum} keer {kind} met {organisations} per {rhythm}".
public struct CadenceRuleForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case minimum, kind, rhythm, organisations, each }
    public var minimum, kind, rhythm: String?
    /// Checkboxes: the organisations, and "ja" when each counts on its own.
    public var organisations, each: [String]?

    public init(minimum: String? = nil, kind: String? = nil, rhythm: String? = nil, organisations: [String]? = nil, each: [String]? = nil) {
        (self.minimum, self.kind, self.rhythm, self.organisations, self.each) = (minimum, kind, rhythm, organisations, each)
    }
}

extension CadenceRule {
    /// - Parameters:
    ///   - kinds: the kinds a rule may name (the defaults and those the coalition used).
    ///   - organisations: the coalition's organisations.
    public static func validate(_ form: CadenceRuleForm, kinds: Set<String>, organisations known: Set<UUID>, into errors: inout FieldErrors) -> CadenceRule? {
        typealias F = CadenceRuleForm.CodingKeys
        let minimumText = String((form.minimum ?? "").trimmingWhitespace().prefix(10))
        let minimum = Int(minimumText)
        if minimumText.isEmpty { errors.add(F.minimum, .required) }
        else if minimum == nil { errors.add(F.minimum, .notAWholeNumber) }
        else if !allowedMinimum.contains(minimum!) { errors.add(F.minimum, .numberOutOfRange(min: allowedMinimum.lowerBound, max: allowedMinimum.upperBound)) }
        let kind = (form.kind ?? "").trimmingWhitespace()
        if !kind.isEmpty, !kinds.contains(kind) { errors.add(F.kind, .unknownChoice) }
        let rhythm = Rhythm(rawValue: (form.rhythm ?? "").trimmingWhitespace())
        if rhythm == nil || !rhythms.contains(rhythm!) { errors.add(F.rhythm, (form.rhythm ?? "").isEmpty ? .required : .unknownChoice) }
        let organisations = MeetingInput.ids(form.organisations, field: F.organisations, known: known, into: &errors)
        guard errors.isEmpty, let minimum, let rhythm else { return nil }
        return CadenceRule(minimum: minimum, kind: kind.isEmpty ? nil : kind, organisations: Set(organisations),
                           eachOrganisation: form.each?.contains("ja") == true, rhythm: rhythm)
    }

    /// "Minstens 1 keer wijkoverleg per kwartaal, met elk van: Wijkteam Noord, Wijkteam Zuid".
    public func label(names: [UUID: String]) -> String {
        let what = kind.map { "\($0.lowercased())" } ?? "overleg"
        let per: String
        switch rhythm {
        case .kwartaal: per = "per kwartaal"
        case .halfjaar: per = "per half jaar"
        default: per = "per schooljaar"
        }
        let with = organisations.compactMap { names[$0] }.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        let who = with.isEmpty ? "" : (eachOrganisation ? ", met elk van: " : ", met ") + with.joined(separator: eachOrganisation ? ", " : " of ")
        return "Minstens \(minimum) keer \(what) \(per)\(who)"
    }
}
