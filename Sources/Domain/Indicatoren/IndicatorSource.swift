import Foundation

/// Where an indicator's value comes from: computed from what the coalition records in the
/// app (always up to date), or typed per period for what lives elsewhere.
public enum IndicatorSource: String, CaseIterable, Sendable, Codable {
    case dekking, activiteiten, sessies, bereik, betrokkenheid, welbevinden, incidenten, vragenlijst, overleg, hand

    public var label: String {
        switch self {
        case .dekking: return "Locaties met elk domein"
        case .activiteiten: return "Activiteiten die lopen"
        case .sessies: return "Sessies gehouden van gepland"
        case .bereik: return "Leerlingen bereikt"
        case .betrokkenheid: return "Observaties betrokkenheid 4 of hoger"
        case .welbevinden: return "Observaties welbevinden 4 of hoger"
        case .incidenten: return "Incidenten binnen een week afgehandeld"
        case .vragenlijst: return "Uitkomst van een vragenlijst"
        case .overleg: return "Afspraak over overleg gehaald"
        case .hand: return "Zelf invullen per periode"
        }
    }

    /// What the value means, shown when choosing a source.
    public var hint: String {
        switch self {
        case .dekking: return "Het deel van de locaties dat in elk domein genoeg activiteiten heeft (de afspraak uit het activiteitenboek)."
        case .activiteiten: return "Hoeveel activiteiten in de periode lopen (niet in voorbereiding)."
        case .sessies: return "Het deel van de geplande sessies tot vandaag dat doorging."
        case .bereik: return "Per activiteit het grootste aantal leerlingen bij één sessie, opgeteld. Een ondergrens: leerlingen worden niet bij naam geteld."
        case .betrokkenheid, .welbevinden: return "Het deel van de geobserveerde sessies met gemiddeld 4 of hoger op de Leuvense schaal."
        case .incidenten: return "Het deel van de incidenten dat binnen 7 dagen als afgehandeld is gemarkeerd."
        case .vragenlijst: return "Het deel van de antwoorden in de hoogste twee punten van een schaalvraag, of het gemiddelde. Alleen bij 5 of meer antwoorden."
        case .overleg: return "Het deel van een afspraak over overleg dat gehaald is, uit het overleg dat gehouden is. Bij ‘met elke organisatie apart’ (zoals elk wijkteam): het deel van de organisaties met genoeg overleg."
        case .hand: return "Voor cijfers die ergens anders staan, zoals de uitstroom van een school. Je ziet wie het invulde en wanneer."
        }
    }

    /// The unit a computed source always has; nil when the person chooses (by hand, or a
    /// questionnaire's share or mean).
    public var fixedUnit: IndicatorUnit? {
        switch self {
        case .dekking, .sessies, .betrokkenheid, .welbevinden, .incidenten, .overleg: return .percentage
        case .activiteiten, .bereik: return .aantal
        case .vragenlijst, .hand: return nil
        }
    }

    public var isComputed: Bool { self != .hand }

    /// Sources about activities: a partner sees them over their own activities.
    public var isAboutActivities: Bool { ![.dekking, .vragenlijst, .overleg, .hand].contains(self) }
}

/// Which number of a questionnaire's scale question an indicator takes.
public enum QuestionnaireMeasure: String, CaseIterable, Sendable, Codable {
    case topTwo = "hoogste-twee", mean = "gemiddelde"

    public var label: String { self == .topTwo ? "Deel in de hoogste twee punten" : "Gemiddelde" }
    public var unit: IndicatorUnit { self == .topTwo ? .percentage : .gemiddelde }
}

/// One period's value of an indicator, with the words that say how it was computed.
public struct Measurement: Equatable, Sendable {
    public let value: Double?
    public let explanation: String

    public init(value: Double?, explanation: String) { (self.value, self.explanation) = (value, explanation) }

    static func share(_ part: Int, of whole: Int, _ words: String, none: String) -> Measurement {
        guard whole > 0 else { return Measurement(value: nil, explanation: none) }
        return Measurement(value: Double(part) / Double(whole) * 100, explanation: "\(part) van de \(whole) \(words).")
    }
}
