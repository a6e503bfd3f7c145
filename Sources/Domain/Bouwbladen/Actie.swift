/// The state of an action in the action plan.
public enum ActieStatus: String, CaseIterable, Sendable, Codable {
    case gepland, bezig, klaar, vervallen

    public var label: String {
        switch self {
        case .gepland: return "Gepland"
        case .bezig: return "Bezig"
        case .klaar: return "Klaar"
        case .vervallen: return "Vervallen"
        }
    }

    public var isOpen: Bool { self == .gepland || self == .bezig }
}

/// The actie form as posted.
public struct ActieForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case text, ownerMember, ownerName, deadline, status }
    public var text, ownerMember, ownerName, deadline, status: String?

    public init(text: String? = nil, ownerMember: String? = nil, ownerName: String? = nil, deadline: String? = nil, status: String? = nil) {
        (self.text, self.ownerMember, self.ownerName, self.deadline, self.status) = (text, ownerMember, ownerName, deadline, status)
    }
}

/// An action as typed on the form. The owner is a member, or a free-text name such as a
/// partner organisation.
public struct ActieInput: Equatable, Sendable {
    public let text: String
    public let ownerMemberID: String?
    public let ownerName: String
    public let deadline: Wanneer?
    public let status: ActieStatus

    public static func validate(_ form: ActieForm, into errors: inout FieldErrors) -> ActieInput? {
        typealias F = ActieForm.CodingKeys
        let text = PlainText.validate(form.text, field: F.text, max: DoelInput.textMax, into: &errors) ?? ""
        if text.isEmpty, errors[F.text] == nil { errors.add(F.text, .required) }
        let member = (form.ownerMember ?? "").trimmingWhitespace()
        let name = Text.line(form.ownerName, field: F.ownerName, max: DoelInput.shortMax, required: false, into: &errors) ?? ""
        let deadline = Text.line(form.deadline, field: F.deadline, max: Wanneer.maxLength, required: false, into: &errors).flatMap(Wanneer.parse)
        let statusRaw = (form.status ?? "gepland").trimmingWhitespace()
        let status = ActieStatus(rawValue: statusRaw.isEmpty ? "gepland" : statusRaw)
        if status == nil { errors.add(F.status, .unknownChoice) }
        guard errors.isEmpty, let status else { return nil }
        return ActieInput(text: text, ownerMemberID: member.isEmpty ? nil : member, ownerName: name, deadline: deadline, status: status)
    }

    /// Overdue: still open and the deadline has passed.
    public static func isOverdue(status: ActieStatus, deadline: IsoDate?, today: IsoDate) -> Bool {
        guard status.isOpen, let deadline else { return false }
        return deadline < today
    }
}
