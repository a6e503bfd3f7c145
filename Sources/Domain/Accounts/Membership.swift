/// Rules about who belongs to a coalition and in which role.
public enum Membership {
    public static func parseRole(_ raw: String?, field: String = "role", into errors: inout FieldErrors) -> Role? {
        let text = (raw ?? "").trimmingWhitespace()
        guard !text.isEmpty else { errors.add(field, .required); return nil }
        guard let role = Role(rawValue: text) else { errors.add(field, .unknownChoice); return nil }
        return role
    }

    /// A coalition always keeps at least one projectleider, or nobody could invite anyone again.
    public static func mayLeave(currentRole: Role, newRole: Role?, projectleiders: Int) -> Bool {
        guard currentRole == .projectleider, newRole != .projectleider else { return true }
        return projectleiders > 1
    }
}
