import Domain

/// A bouwblad's state as every page shows it: shape, words and, in the legend, what it means.
struct StateTag: Encodable {
    let label: String
    let icon: String
    let cls: String
    let explanation: String

    init(_ state: BouwbladState) {
        (label, icon, cls, explanation) = (state.label, state.icon, state.rawValue, state.explanation)
    }

    static let legend = BouwbladState.allCases.map(StateTag.init)
}
