/// A school location as typed on the form.
public struct LocationInput: Equatable, Sendable {
    public let name: String
    public let school: String
    public let address: String
    public let yearGroups: YearGroups?

    public static func validate(_ values: [String: String], into errors: inout FieldErrors) -> LocationInput? {
        let name = Text.line(values["name"], field: "name", max: 120, into: &errors)
        let school = Text.line(values["school"], field: "school", max: 200, required: false, into: &errors) ?? ""
        let address = Text.line(values["address"], field: "address", max: 200, required: false, into: &errors) ?? ""
        let groupsText = (values["yearGroups"] ?? "").trimmingWhitespace()
        let groups = groupsText.isEmpty ? nil : YearGroups(dutch: groupsText)
        if !groupsText.isEmpty, groups == nil { errors.add("yearGroups", .notYearGroups) }
        guard errors.isEmpty, let name else { return nil }
        return LocationInput(name: name, school: school, address: address, yearGroups: groups)
    }
}

/// A partner organisation as typed on the form.
public struct PartnerInput: Equatable, Sendable {
    public static let kinds: [(value: String, label: String)] = [
        ("sport", "Sport en bewegen"), ("cultuur", "Cultuur"), ("welzijn", "Welzijn"), ("onderwijs", "Onderwijs en bijles"),
        ("natuur", "Natuur, wetenschap en techniek"), ("overig", "Overig"),
    ]

    public let name: String
    public let kind: String
    public let contactName: String
    public let contactEmail: String

    public static func validate(_ values: [String: String], into errors: inout FieldErrors) -> PartnerInput? {
        let name = Text.line(values["name"], field: "name", max: 120, into: &errors)
        let kind = (values["kind"] ?? "").trimmingWhitespace()
        if kind.isEmpty { errors.add("kind", .required) } else if !kinds.contains(where: { $0.value == kind }) { errors.add("kind", .unknownChoice) }
        let contact = Text.line(values["contactName"], field: "contactName", max: 120, required: false, into: &errors) ?? ""
        let emailText = (values["contactEmail"] ?? "").trimmingWhitespace()
        let email = emailText.isEmpty ? "" : Email.validate(emailText, field: "contactEmail", into: &errors) ?? ""
        guard errors.isEmpty, let name else { return nil }
        return PartnerInput(name: name, kind: kind, contactName: contact, contactEmail: email)
    }

    public static func kindLabel(_ value: String) -> String { kinds.first { $0.value == value }?.label ?? value }
}

/// A staff member of a partner who works with children.
public struct StaffInput: Equatable, Sendable {
    public let name: String
    public let role: String
    public let vogDate: IsoDate?

    public static func validate(_ values: [String: String], today: IsoDate, into errors: inout FieldErrors) -> StaffInput? {
        let name = Text.line(values["name"], field: "name", max: 120, into: &errors)
        let role = Text.line(values["role"], field: "role", max: 120, required: false, into: &errors) ?? ""
        let vog = Dates.optional(values["vogDate"], field: "vogDate", into: &errors)
        if let vog, today < vog { errors.add("vogDate", .dateInFuture) }
        guard errors.isEmpty, let name else { return nil }
        return StaffInput(name: name, role: role, vogDate: vog)
    }
}

/// The coalition's activiteitenboek settings.
public struct ActivitySettingsInput: Equatable, Sendable {
    public let vogYears: Int
    public let minimumPerCell: Int
    public let extraDomains: [String]

    public static func validate(_ values: [String: String], into errors: inout FieldErrors) -> ActivitySettingsInput? {
        let years = ActivityInput.count(values["vogYears"], field: "vogYears", max: 10, into: &errors)
        if years == nil, errors["vogYears"] == nil { errors.add("vogYears", .required) }
        if let years, years < 1 { errors.add("vogYears", .numberOutOfRange(min: 1, max: 10)) }
        let minimum = ActivityInput.count(values["minimum"], field: "minimum", max: 20, into: &errors)
        if minimum == nil, errors["minimum"] == nil { errors.add("minimum", .required) }
        let text = PlainText.validate(values["domains"], field: "domains", max: 1_000, into: &errors) ?? ""
        var domains: [String] = []
        for line in text.split(separator: "\n") {
            let name = String(line).trimmingWhitespace().lowercased()
            guard !name.isEmpty, !ActivityDomains.defaults.contains(name), !domains.contains(name) else { continue }
            if name.count > 40 { errors.add("domains", .tooLong(max: 40)); break }
            domains.append(name)
        }
        guard errors.isEmpty, let years, let minimum else { return nil }
        return ActivitySettingsInput(vogYears: years, minimumPerCell: minimum, extraDomains: domains)
    }
}
