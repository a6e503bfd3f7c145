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
