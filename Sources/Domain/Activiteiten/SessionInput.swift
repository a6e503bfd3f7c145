/// The session form as posted. Each Leuven scale adds `<scale>-mode`, `<scale>-score` and
/// `<scale>-n0` … `<scale>-n8` (see `Observation.validate`); only those names are read.
public struct SessionForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case date, cancelled, pupils, wentWell, improve, incident, incidentText }
    public var date, cancelled, pupils, wentWell, improve, incident, incidentText: String?
    /// The scales' fields by their names.
    public var observations: [String: String] = [:]

    public init() {}

    /// Every name a scale's fields can have.
    public static var observationNames: [String] {
        LeuvenScale.allCases.flatMap { scale in ["\(scale.rawValue)-mode", "\(scale.rawValue)-score"] + (0..<9).map { "\(scale.rawValue)-n\($0)" } }
    }

    private struct Name: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        date = try fields.decodeIfPresent(String.self, forKey: .date)
        cancelled = try fields.decodeIfPresent(String.self, forKey: .cancelled)
        pupils = try fields.decodeIfPresent(String.self, forKey: .pupils)
        wentWell = try fields.decodeIfPresent(String.self, forKey: .wentWell)
        improve = try fields.decodeIfPresent(String.self, forKey: .improve)
        incident = try fields.decodeIfPresent(String.self, forKey: .incident)
        incidentText = try fields.decodeIfPresent(String.self, forKey: .incidentText)
        let named = try decoder.container(keyedBy: Name.self)
        for name in Self.observationNames {
            if let value = try named.decodeIfPresent(String.self, forKey: Name(stringValue: name)) { observations[name] = value }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: CodingKeys.self)
        try fields.encodeIfPresent(date, forKey: .date)
        try fields.encodeIfPresent(cancelled, forKey: .cancelled)
        try fields.encodeIfPresent(pupils, forKey: .pupils)
        try fields.encodeIfPresent(wentWell, forKey: .wentWell)
        try fields.encodeIfPresent(improve, forKey: .improve)
        try fields.encodeIfPresent(incident, forKey: .incident)
        try fields.encodeIfPresent(incidentText, forKey: .incidentText)
        var named = encoder.container(keyedBy: Name.self)
        for (name, value) in observations { try named.encode(value, forKey: Name(stringValue: name)) }
    }
}

/// A session's record as typed after it was held: pupils present (a number), the
/// nabespreking, an incident, and optional observations.
public struct SessionInput: Equatable, Sendable {
    public static let textMax = 2_000

    public let date: IsoDate
    public let cancelled: Bool
    public let pupils: Int?
    public let wentWell: String
    public let improve: String
    public let incident: Bool
    public let incidentText: String
    public let betrokkenheid: Observation?
    public let welbevinden: Observation?

    public static func validate(_ form: SessionForm, into errors: inout FieldErrors) -> SessionInput? {
        typealias F = SessionForm.CodingKeys
        let date = Dates.optional(form.date, field: F.date, into: &errors)
        if date == nil, errors[F.date] == nil { errors.add(F.date, .required) }
        let cancelled = form.cancelled == "ja"
        let pupils = ActivityInput.count(form.pupils, field: F.pupils, max: 500, into: &errors)
        let wentWell = PlainText.validate(form.wentWell, field: F.wentWell, max: textMax, into: &errors) ?? ""
        let improve = PlainText.validate(form.improve, field: F.improve, max: textMax, into: &errors) ?? ""
        let incidentRaw = form.incident ?? "nee"
        if !["ja", "nee", ""].contains(incidentRaw) { errors.add(F.incident, .unknownChoice) }
        let incident = incidentRaw == "ja"
        let incidentText = PlainText.validate(form.incidentText, field: F.incidentText, max: textMax, into: &errors) ?? ""
        if incident, incidentText.isEmpty, errors[F.incidentText] == nil { errors.add(F.incidentText, .required) }
        var observations: [Observation?] = []
        for scale in LeuvenScale.allCases {
            let counted = form.observations["\(scale.rawValue)-mode"] == "aantallen"
            if counted, pupils == nil, errors[F.pupils] == nil { errors.add(F.pupils, .requiredForCounts) }
            let result = Observation.validate(form.observations, scale: scale, present: pupils, into: &errors)
            observations.append(result ?? nil)
        }
        guard errors.isEmpty, let date else { return nil }
        return SessionInput(date: date, cancelled: cancelled, pupils: pupils, wentWell: wentWell, improve: improve, incident: incident,
                            incidentText: incident ? incidentText : "", betrokkenheid: observations[0], welbevinden: observations[1])
    }
}
