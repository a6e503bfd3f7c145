import Foundation

/// A contact person as posted: who they are and, for a new person or a move, where they work
/// from which day, in what function, and the wijk they are the fixed contact for.
public struct ContactForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case name, email, phone, account, organisation, function, wijk, from }
    public var name, email, phone, account, organisation, function, wijk, from: String?

    public init(name: String? = nil, email: String? = nil, phone: String? = nil, account: String? = nil, organisation: String? = nil,
                function: String? = nil, wijk: String? = nil, from: String? = nil) {
        (self.name, self.email, self.phone, self.account) = (name, email, phone, account)
        (self.organisation, self.function, self.wijk, self.from) = (organisation, function, wijk, from)
    }
}

/// Who a contact person is. Not an account: an account of the coalition can be linked.
public struct ContactInput: Equatable, Sendable {
    public static let maxName = 120, maxPhone = 20

    public let name: String
    public let email: String
    public let phone: String
    public let account: UUID?

    public init(name: String, email: String = "", phone: String = "", account: UUID? = nil) {
        (self.name, self.email, self.phone, self.account) = (name, email, phone, account)
    }

    /// - Parameter accounts: the memberships of the coalition that may be linked.
    public static func validate(_ form: ContactForm, accounts: Set<UUID>, into errors: inout FieldErrors) -> ContactInput? {
        typealias F = ContactForm.CodingKeys
        let name = Text.line(form.name, field: F.name, max: maxName, into: &errors)
        let emailText = (form.email ?? "").trimmingWhitespace()
        let email = emailText.isEmpty ? "" : Email.validate(emailText, field: F.email.fieldName, into: &errors) ?? ""
        let phone = Text.line(form.phone, field: F.phone, max: maxPhone, required: false, into: &errors) ?? ""
        if !phone.isEmpty, !phone.allSatisfy({ $0.isASCII && ($0.isNumber || " +-()".contains($0)) }) || phone.filter(\.isNumber).count < 6 {
            errors.add(F.phone, .notAPhoneNumber)
        }
        let account = MeetingInput.ids((form.account ?? "").isEmpty ? [] : [form.account!], field: F.account, known: accounts, into: &errors).first
        guard errors.isEmpty, let name else { return nil }
        return ContactInput(name: name, email: email, phone: phone, account: account)
    }
}

/// Where a contact person works from a day on: the organisation, their function there, and
/// the wijk they are the fixed contact for (empty: none). A move ends the role before it;
/// the history stays.
public struct ContactRoleInput: Equatable, Sendable {
    public static let maxFunction = 120

    public let organisation: UUID
    public let function: String
    public let wijk: String
    public let from: IsoDate

    public init(organisation: UUID, function: String = "", wijk: String = "", from: IsoDate) {
        (self.organisation, self.function, self.wijk, self.from) = (organisation, function, wijk, from)
    }

    /// - Parameters:
    ///   - organisations: the coalition's organisations.
    ///   - after: the day the current role began, for a move: the new one starts after it.
    public static func validate(_ form: ContactForm, organisations: Set<UUID>, today: IsoDate, after: IsoDate? = nil,
                                into errors: inout FieldErrors) -> ContactRoleInput? {
        typealias F = ContactForm.CodingKeys
        let organisation = MeetingInput.ids((form.organisation ?? "").isEmpty ? [] : [form.organisation!], field: F.organisation, known: organisations, into: &errors).first
        if organisation == nil, errors[F.organisation] == nil { errors.add(F.organisation, .required) }
        let function = Text.line(form.function, field: F.function, max: maxFunction, required: false, into: &errors) ?? ""
        let wijk = Text.line(form.wijk, field: F.wijk, max: PartnerInput.maxWijk, required: false, into: &errors) ?? ""
        let from = Dates.optional(form.from, field: F.from, into: &errors)
        if from == nil, errors[F.from] == nil { errors.add(F.from, .required) }
        if let from, today.adding(days: 366) < from { errors.add(F.from, .moreThanAYearAhead) }
        if let from, let after, from <= after { errors.add(F.from, .notAfter(after.label)) }
        guard errors.isEmpty, let organisation, let from else { return nil }
        return ContactRoleInput(organisation: organisation, function: function, wijk: wijk, from: from)
    }
}

/// "Every wijk has a fixed contact person": per wijk the people who are its fixed contact
/// today. The wijken are those the coalition's organisations work in, and those named in a
/// current role.
public struct WijkContacts: Equatable, Sendable {
    public struct Role: Equatable, Sendable {
        public let contact: String
        public let wijk: String
        public let from: IsoDate
        public let until: IsoDate?

        public init(contact: String, wijk: String, from: IsoDate, until: IsoDate?) {
            (self.contact, self.wijk, self.from, self.until) = (contact, wijk, from, until)
        }

        public func holds(on day: IsoDate) -> Bool { from <= day && until.map { day < $0 } ?? true }
    }

    public let wijken: [(wijk: String, contacts: [String])]
    public var missing: [String] { wijken.filter(\.contacts.isEmpty).map(\.wijk) }
    public var status: CadenceStatus { wijken.isEmpty ? .gehaald : missing.isEmpty ? .gehaald : .gemist }

    public init(organisationWijken: [String], roles: [Role], today: IsoDate) {
        let current = roles.filter { !$0.wijk.isEmpty && $0.holds(on: today) }
        // One spelling per wijk, however it was typed ("noord", "Noord ").
        var names: [String: String] = [:]
        for wijk in organisationWijken + current.map(\.wijk) where !wijk.isEmpty { names[Self.key(wijk)] = names[Self.key(wijk)] ?? wijk }
        wijken = names.sorted { $0.value.localizedStandardCompare($1.value) == .orderedAscending }.map { key, wijk in
            (wijk, current.filter { Self.key($0.wijk) == key }.map(\.contact).sorted { $0.localizedStandardCompare($1) == .orderedAscending })
        }
    }

    static func key(_ wijk: String) -> String { wijk.trimmingWhitespace().lowercased() }

    public static func == (lhs: WijkContacts, rhs: WijkContacts) -> Bool {
        lhs.wijken.map(\.wijk) == rhs.wijken.map(\.wijk) && lhs.wijken.map(\.contacts) == rhs.wijken.map(\.contacts)
    }
}
