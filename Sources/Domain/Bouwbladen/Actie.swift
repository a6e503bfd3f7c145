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

/// An action as typed on the form. The owner is a member, or a free-text name such as a
/// partner organisation.
public struct ActieInput: Equatable, Sendable {
    public let text: String
    public let ownerMemberID: String?
    public let ownerName: String
    public let deadline: IsoDate?
    public let status: ActieStatus

    public static func validate(_ values: [String: String], into errors: inout FieldErrors) -> ActieInput? {
        let text = PlainText.validate(values["text"], field: "text", max: DoelInput.textMax, into: &errors) ?? ""
        if text.isEmpty, errors["text"] == nil { errors.add("text", .required) }
        let member = (values["ownerMember"] ?? "").trimmingWhitespace()
        let name = Text.line(values["ownerName"], field: "ownerName", max: DoelInput.shortMax, required: false, into: &errors) ?? ""
        let deadline = Dates.optional(values["deadline"], field: "deadline", into: &errors)
        let statusRaw = (values["status"] ?? "gepland").trimmingWhitespace()
        let status = ActieStatus(rawValue: statusRaw.isEmpty ? "gepland" : statusRaw)
        if status == nil { errors.add("status", .unknownChoice) }
        guard errors.isEmpty, let status else { return nil }
        return ActieInput(text: text, ownerMemberID: member.isEmpty ? nil : member, ownerName: name, deadline: deadline, status: status)
    }

    /// Overdue: still open and the deadline has passed.
    public static func isOverdue(status: ActieStatus, deadline: IsoDate?, today: IsoDate) -> Bool {
        guard status.isOpen, let deadline else { return false }
        return deadline < today
    }
}
