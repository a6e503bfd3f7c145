/// What a person may do within one coalition.
public enum Role: String, CaseIterable, Sendable, Codable {
    /// Owns the quality cycle, invites people, assembles the report.
    case projectleider
    /// Coordinates one or more school locations.
    case coordinator
    /// Works for one partner organisation.
    case partner
    /// Reads only.
    case lezer

    public var canManageMembers: Bool { self == .projectleider }
    public var canEdit: Bool { self != .lezer }
    /// Who keeps the coalition's plans and meetings: the projectleider and the coordinators.
    public var keepsPlans: Bool { self == .projectleider || self == .coordinator }

    /// The order in which roles are listed to people.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }
}
