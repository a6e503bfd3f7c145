/// The four fixed steps of a cycle, worked top to bottom.
public enum CycleStep: String, CaseIterable, Sendable {
    case startvraag, doelen, bereikt, bijgesteld

    public var number: Int { Self.allCases.firstIndex(of: self)! + 1 }

    public var title: String {
        switch self {
        case .startvraag: return "Wat is je startvraag?"
        case .doelen: return "Wat zijn je doelen en acties?"
        case .bereikt: return "Wat hebben we bereikt?"
        case .bijgesteld: return "Wat is je bijgestelde startvraag?"
        }
    }

    public var hint: String {
        switch self {
        case .startvraag: return "Wat willen we leren of verbeteren? Vaak eerst een korte beschrijving van de situatie, dan de vraag."
        case .doelen: return "Wat willen we bereiken, liefst SMART, en welke acties zijn nodig? Wie doet wat en wanneer?"
        case .bereikt: return "Wat is gelukt, wat niet, en wat zegt dat over de aanpak?"
        case .bijgesteld: return "Wat vraagt verdere aandacht? Een nieuwe vraag, of de volgende stap."
        }
    }

    /// Steps are long texts; a whole chapter fits, a pasted book does not.
    public static let maxLength = 20_000
}

/// The state of a bouwblad as the raster shows it.
public enum BouwbladState: String, Sendable {
    case nietGestart, inUitvoering, cyclusAfgerond, klaarVoorRapport

    public var label: String {
        switch self {
        case .nietGestart: return "Niet gestart"
        case .inUitvoering: return "In uitvoering"
        case .cyclusAfgerond: return "Cyclus afgerond"
        case .klaarVoorRapport: return "Klaar voor rapport"
        }
    }

    /// A shape next to the words, so the state never depends on colour.
    public var icon: String {
        switch self {
        case .nietGestart: return "○"
        case .inUitvoering: return "◐"
        case .cyclusAfgerond: return "●"
        case .klaarVoorRapport: return "✔"
        }
    }

    /// - Parameters:
    ///   - exists: whether there is a bouwblad at all.
    ///   - newestCycleClosed: whether its newest cycle is closed.
    ///   - readyForReport: whether the team marked it ready.
    public static func of(exists: Bool, newestCycleClosed: Bool, readyForReport: Bool) -> BouwbladState {
        guard exists else { return .nietGestart }
        if readyForReport { return .klaarVoorRapport }
        return newestCycleClosed ? .cyclusAfgerond : .inUitvoering
    }
}
