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

extension StateTag {
    /// A cadence rule in a period, drawn like an indicator's status.
    init(_ status: CadenceStatus) {
        let look: (IndicatorStatus, String)
        switch status {
        case .gehaald: look = (.opKoers, "Er is genoeg overleg gehouden in deze periode.")
        case .risico: look = (.aandacht, "De periode loopt nog en er is nog niet genoeg overleg gehouden.")
        case .gemist: look = (.onderDeNorm, "De periode is voorbij en er was te weinig overleg.")
        }
        (label, icon, cls, explanation) = (status.label, look.0.icon, look.0.rawValue, look.1)
    }
}
