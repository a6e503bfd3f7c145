/// How a coalition itself names the move a link makes (seed 002, 2.4; its reports write
/// "naastgelegen bouwsteen", "trap op", "verticaal", "horizontaal"). The coalition's word
/// is printed as it chose it, never replaced by what the grid would compute: a coalition
/// that calls a move "verticaal" means it, whatever the grid would compute.
public enum LinkKind: String, CaseIterable, Sendable {
    case naastgelegen
    case trapOp = "trap-op"
    case verticaal
    case horizontaal

    public var label: String {
        switch self {
        case .naastgelegen: return "naastgelegen bouwsteen"
        case .trapOp: return "trap op"
        case .verticaal: return "verticaal"
        case .horizontaal: return "horizontaal"
        }
    }

    /// The label at the start of a line, as a form shows it.
    public var choice: String { label.capitalizedFirst }

    /// One line under the choice, in plain words.
    public var hint: String {
        switch self {
        case .naastgelegen: return "Het werk raakt een bouwsteen ernaast."
        case .trapOp: return "De vraag gaat een niveau hoger verder, bijvoorbeeld van micro naar meso."
        case .verticaal: return "De vraag gaat verder op een ander niveau: macro, meso of micro."
        case .horizontaal: return "De vraag gaat verder op hetzelfde niveau, in dezelfde of een andere bouwsteen."
        }
    }

    /// The word for a sharpened question carried to another bouwsteen when a cycle closes:
    /// up a level is "trap op", the same level "horizontaal", down a level "verticaal".
    public static func carried(from: BouwsteenKey, to: BouwsteenKey) -> LinkKind {
        if to.level.row < from.level.row { return .trapOp }
        return to.level == from.level ? .horizontaal : .verticaal
    }

    /// The words for a link: the coalition's own when it chose them; for a link from before
    /// it could choose, the word of the same move (`carried`), and nothing when there is no
    /// target. Always one of the four words a coalition uses, never the grid's jargon.
    public static func words(_ kind: LinkKind?, from: BouwsteenKey, to: BouwsteenKey?) -> String {
        if let kind { return kind.label }
        guard let to else { return "" }
        return carried(from: from, to: to).label
    }
}
