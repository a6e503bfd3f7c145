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

    public static func validate(_ values: [String: String], into errors: inout FieldErrors) -> SessionInput? {
        let date = Dates.optional(values["date"], field: "date", into: &errors)
        if date == nil, errors["date"] == nil { errors.add("date", .required) }
        let cancelled = values["cancelled"] == "ja"
        let pupils = ActivityInput.count(values["pupils"], field: "pupils", max: 500, into: &errors)
        let wentWell = PlainText.validate(values["wentWell"], field: "wentWell", max: textMax, into: &errors) ?? ""
        let improve = PlainText.validate(values["improve"], field: "improve", max: textMax, into: &errors) ?? ""
        let incidentRaw = values["incident"] ?? "nee"
        if !["ja", "nee", ""].contains(incidentRaw) { errors.add("incident", .unknownChoice) }
        let incident = incidentRaw == "ja"
        let incidentText = PlainText.validate(values["incidentText"], field: "incidentText", max: textMax, into: &errors) ?? ""
        if incident, incidentText.isEmpty, errors["incidentText"] == nil { errors.add("incidentText", .required) }
        var observations: [Observation?] = []
        for scale in LeuvenScale.allCases {
            let counted = values["\(scale.rawValue)-mode"] == "aantallen"
            if counted, pupils == nil, errors["pupils"] == nil { errors.add("pupils", .requiredForCounts) }
            let result = Observation.validate(values, scale: scale, present: pupils, into: &errors)
            observations.append(result ?? nil)
        }
        guard errors.isEmpty, let date else { return nil }
        return SessionInput(date: date, cancelled: cancelled, pupils: pupils, wentWell: wentWell, improve: improve, incident: incident,
                            incidentText: incident ? incidentText : "", betrokkenheid: observations[0], welbevinden: observations[1])
    }
}
