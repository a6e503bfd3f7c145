import Foundation

/// Where an agreement made at a meeting becomes an action: the jaarplan of the meeting's
/// school year, or the open cycle of a bouwblad. Posted as "jaarplan" or "bouwblad:<id>".
public enum ActionPlace: Equatable, Hashable, Sendable {
    case jaarplan
    case bouwblad(UUID)

    public init?(_ raw: String) {
        let text = raw.trimmingWhitespace()
        if text == "jaarplan" { self = .jaarplan; return }
        guard text.hasPrefix("bouwblad:"), let id = UUID(uuidString: String(text.dropFirst(9).prefix(36))) else { return nil }
        self = .bouwblad(id)
    }

    public var raw: String {
        switch self {
        case .jaarplan: return "jaarplan"
        case .bouwblad(let id): return "bouwblad:\(id.uuidString)"
        }
    }
}

/// An agreement (afspraak) as posted: what, who does it, when, and (on a new agreement)
/// where it becomes an action right away.
public struct AgreementForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case text, owner, organisation, deadline, place }
    public var text, owner, organisation, deadline, place: String?

    public init(text: String? = nil, owner: String? = nil, organisation: String? = nil, deadline: String? = nil, place: String? = nil) {
        (self.text, self.owner, self.organisation, self.deadline, self.place) = (text, owner, organisation, deadline, place)
    }
}

/// An agreement made at a meeting: what was agreed, who does it (a person's name, and the
/// organisation they do it for, so that organisation's partners see it) and when.
public struct AgreementInput: Equatable, Sendable {
    public static let maxText = 1_000
    public static let maxOwner = 120

    public let text: String
    public let owner: String
    public let organisation: UUID?
    public let deadline: Wanneer?

    public init(text: String, owner: String = "", organisation: UUID? = nil, deadline: Wanneer? = nil) {
        (self.text, self.owner, self.organisation, self.deadline) = (text, owner, organisation, deadline)
    }

    /// - Parameter organisations: the coalition's organisations.
    public static func validate(_ form: AgreementForm, organisations known: Set<UUID>, into errors: inout FieldErrors) -> AgreementInput? {
        typealias F = AgreementForm.CodingKeys
        let text = PlainText.validate(form.text, field: F.text, max: maxText, into: &errors) ?? ""
        if text.isEmpty, errors[F.text] == nil { errors.add(F.text, .required) }
        let owner = Text.line(form.owner, field: F.owner, max: maxOwner, required: false, into: &errors) ?? ""
        let organisation = MeetingInput.ids(form.organisation.map { [$0] }?.filter { !$0.isEmpty }, field: F.organisation, known: known, into: &errors).first
        let deadline = Text.line(form.deadline, field: F.deadline, max: Wanneer.maxLength, required: false, into: &errors).flatMap(Wanneer.parse)
        guard errors.isEmpty else { return nil }
        return AgreementInput(text: text, owner: owner, organisation: organisation, deadline: deadline)
    }

    /// The chosen place for the action: nil for "only the agreement"; an error when the
    /// place is not one of `places` (a bouwblad of this coalition with an open cycle, the jaarplan).
    public static func place(_ form: AgreementForm, places: Set<ActionPlace>, required: Bool, into errors: inout FieldErrors) -> ActionPlace? {
        let raw = String((form.place ?? "").prefix(60)).trimmingWhitespace()
        if raw.isEmpty {
            if required { errors.add(AgreementForm.CodingKeys.place, .required) }
            return nil
        }
        guard let place = ActionPlace(raw), places.contains(place) else {
            errors.add(AgreementForm.CodingKeys.place, .unknownChoice)
            return nil
        }
        return place
    }

    /// Who does it, as an action's owner reads: "Fatima (Welzijn Rivierstad)".
    public func ownerLabel(organisationName: String?) -> String {
        switch (owner.isEmpty, organisationName) {
        case (false, let name?): return "\(owner) (\(name))"
        case (false, nil): return owner
        case (true, let name?): return name
        case (true, nil): return ""
        }
    }
}
