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

extension StateTag {
    /// An indicator's status, by word and icon like a bouwblad's state.
    init(_ status: IndicatorStatus) {
        let explanation: String
        switch status {
        case .opKoers: explanation = "De waarde haalt de norm."
        case .aandacht: explanation = "De waarde haalt de norm nog, maar zit dicht bij de grens."
        case .onderDeNorm: explanation = "De waarde haalt de norm niet."
        case .geenMeting: explanation = "Er is voor deze periode nog geen waarde."
        }
        (label, icon, cls, self.explanation) = (status.label, status.icon, status.rawValue, explanation)
    }

    static let indicatorLegend = IndicatorStatus.allCases.map(StateTag.init)
}
