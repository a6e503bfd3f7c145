/// The location form as posted.
public struct LocationForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case name, school, address, yearGroups }
    public var name, school, address, yearGroups: String?

    public init(name: String? = nil, school: String? = nil, address: String? = nil, yearGroups: String? = nil) {
        (self.name, self.school, self.address, self.yearGroups) = (name, school, address, yearGroups)
    }
}

/// A school location as typed on the form.
public struct LocationInput: Equatable, Sendable {
    public let name: String
    public let school: String
    public let address: String
    public let yearGroups: YearGroups?

    public static func validate(_ form: LocationForm, into errors: inout FieldErrors) -> LocationInput? {
        typealias F = LocationForm.CodingKeys
        let name = Text.line(form.name, field: F.name, max: 120, into: &errors)
        let school = Text.line(form.school, field: F.school, max: 200, required: false, into: &errors) ?? ""
        let address = Text.line(form.address, field: F.address, max: 200, required: false, into: &errors) ?? ""
        let groupsText = (form.yearGroups ?? "").trimmingWhitespace()
        let groups = groupsText.isEmpty ? nil : YearGroups(dutch: groupsText)
        if !groupsText.isEmpty, groups == nil { errors.add(F.yearGroups, .notYearGroups) }
        guard errors.isEmpty, let name else { return nil }
        return LocationInput(name: name, school: school, address: address, yearGroups: groups)
    }
}

/// The partner form as posted.
public struct PartnerForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case name, kind, wijk, contactName, contactEmail }
    public var name, kind, wijk, contactName, contactEmail: String?

    public init(name: String? = nil, kind: String? = nil, wijk: String? = nil, contactName: String? = nil, contactEmail: String? = nil) {
        (self.name, self.kind, self.wijk, self.contactName, self.contactEmail) = (name, kind, wijk, contactName, contactEmail)
    }
}

/// An organisation of the coalition as typed on the form: a partner of the activity book,
/// and equally the municipality, a school board, researchers or youth care (one list).
public struct PartnerInput: Equatable, Sendable {
    public static let kinds: [(value: String, label: String)] = [
        ("gemeente", "Gemeente"), ("schoolbestuur", "Schoolbestuur of school"),
        ("sport", "Sport en bewegen"), ("cultuur", "Cultuur"), ("welzijn", "Welzijn"), ("jeugdhulp", "Jeugdhulp"),
        ("onderwijs", "Onderwijs en bijles"), ("natuur", "Natuur, wetenschap en techniek"), ("onderzoek", "Onderzoek"), ("overig", "Overig"),
    ]
    public static let maxWijk = 80

    public let name: String
    public let kind: String
    /// The wijk or kern where it works; empty for the whole municipality.
    public let wijk: String
    public let contactName: String
    public let contactEmail: String

    public init(name: String, kind: String, wijk: String = "", contactName: String = "", contactEmail: String = "") {
        (self.name, self.kind, self.wijk, self.contactName, self.contactEmail) = (name, kind, wijk, contactName, contactEmail)
    }

    public static func validate(_ form: PartnerForm, into errors: inout FieldErrors) -> PartnerInput? {
        typealias F = PartnerForm.CodingKeys
        let name = Text.line(form.name, field: F.name, max: 120, into: &errors)
        let kind = (form.kind ?? "").trimmingWhitespace()
        if kind.isEmpty { errors.add(F.kind, .required) } else if !kinds.contains(where: { $0.value == kind }) { errors.add(F.kind, .unknownChoice) }
        let wijk = Text.line(form.wijk, field: F.wijk, max: maxWijk, required: false, into: &errors) ?? ""
        let contact = Text.line(form.contactName, field: F.contactName, max: 120, required: false, into: &errors) ?? ""
        let emailText = (form.contactEmail ?? "").trimmingWhitespace()
        let email = emailText.isEmpty ? "" : Email.validate(emailText, field: F.contactEmail.fieldName, into: &errors) ?? ""
        guard errors.isEmpty, let name else { return nil }
        return PartnerInput(name: name, kind: kind, wijk: wijk, contactName: contact, contactEmail: email)
    }

    public static func kindLabel(_ value: String) -> String { kinds.first { $0.value == value }?.label ?? value }
}

/// The staff form as posted.
public struct StaffForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case name, role, vogDate }
    public var name, role, vogDate: String?

    public init(name: String? = nil, role: String? = nil, vogDate: String? = nil) {
        (self.name, self.role, self.vogDate) = (name, role, vogDate)
    }
}

/// A staff member of a partner who works with children.
public struct StaffInput: Equatable, Sendable {
    public let name: String
    public let role: String
    public let vogDate: IsoDate?

    public static func validate(_ form: StaffForm, today: IsoDate, into errors: inout FieldErrors) -> StaffInput? {
        typealias F = StaffForm.CodingKeys
        let name = Text.line(form.name, field: F.name, max: 120, into: &errors)
        let role = Text.line(form.role, field: F.role, max: 120, required: false, into: &errors) ?? ""
        let vog = Dates.optional(form.vogDate, field: F.vogDate, into: &errors)
        if let vog, today < vog { errors.add(F.vogDate, .dateInFuture) }
        guard errors.isEmpty, let name else { return nil }
        return StaffInput(name: name, role: role, vogDate: vog)
    }
}

/// The activiteitenboek settings form as posted.
public struct ActivitySettingsForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case vogYears, minimum, domains }
    public var vogYears, minimum, domains: String?

    public init(vogYears: String? = nil, minimum: String? = nil, domains: String? = nil) {
        (self.vogYears, self.minimum, self.domains) = (vogYears, minimum, domains)
    }
}

/// The coalition's activiteitenboek settings.
public struct ActivitySettingsInput: Equatable, Sendable {
    public let vogYears: Int
    public let minimumPerCell: Int
    public let extraDomains: [String]

    public static func validate(_ form: ActivitySettingsForm, into errors: inout FieldErrors) -> ActivitySettingsInput? {
        typealias F = ActivitySettingsForm.CodingKeys
        let years = ActivityInput.count(form.vogYears, field: F.vogYears, max: 10, into: &errors)
        if years == nil, errors[F.vogYears] == nil { errors.add(F.vogYears, .required) }
        if let years, years < 1 { errors.add(F.vogYears, .numberOutOfRange(min: 1, max: 10)) }
        let minimum = ActivityInput.count(form.minimum, field: F.minimum, max: 20, into: &errors)
        if minimum == nil, errors[F.minimum] == nil { errors.add(F.minimum, .required) }
        let text = PlainText.validate(form.domains, field: F.domains, max: 1_000, into: &errors) ?? ""
        var domains: [String] = []
        for line in text.split(separator: "\n") {
            let name = String(line).trimmingWhitespace().lowercased()
            guard !name.isEmpty, !ActivityDomains.defaults.contains(name), !domains.contains(name) else { continue }
            if name.count > 40 { errors.add(F.domains, .tooLong(max: 40)); break }
            domains.append(name)
        }
        guard errors.isEmpty, let years, let minimum else { return nil }
        return ActivitySettingsInput(vogYears: years, minimumPerCell: minimum, extraDomains: domains)
    }
}
