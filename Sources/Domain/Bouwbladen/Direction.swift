/// How two bouwstenen relate in the grid (seed 002, 2.4): horizontaal on the same level,
/// verticaal in the same aspect ("trap op" towards macro), schuin otherwise.
public enum Direction: Equatable, Sendable {
    case horizontaal
    case verticaal(up: Bool)
    case schuin(up: Bool)

    public init?(from: BouwsteenKey, to: BouwsteenKey) {
        guard from != to else { return nil }
        let up = to.level.row < from.level.row
        if from.level == to.level { self = .horizontaal }
        else if from.aspect == to.aspect { self = .verticaal(up: up) }
        else { self = .schuin(up: up) }
    }

    public var label: String {
        switch self {
        case .horizontaal: return "horizontaal"
        case .verticaal(let up): return up ? "verticaal, trap op" : "verticaal, trap af"
        case .schuin(let up): return up ? "schuin, trap op" : "schuin, trap af"
        }
    }

    /// Seen from the other side, up becomes down.
    public var reversed: Direction {
        switch self {
        case .horizontaal: return .horizontaal
        case .verticaal(let up): return .verticaal(up: !up)
        case .schuin(let up): return .schuin(up: !up)
        }
    }
}
