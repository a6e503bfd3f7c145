import Foundation

/// What a person can be reminded of: the groups of the "Wat moet ik nu doen?" panel above
/// the raster, which the digest mail repeats, so screen and mail never disagree.
public enum ReminderKind: String, CaseIterable, Sendable, Codable {
    /// Acties of mine due within two weeks, or late.
    case acties
    /// Sessions of my activities that took place and are not filled in.
    case sessies
    /// Bouwbladen I keep (trekker) that are not ready, first those whose cycle period ended.
    case cycli
    /// Evaluation moments of the jaarplan that are due and not written.
    case evaluaties
    /// Meetings of the coming week my organisation is invited to.
    case overleg
    /// For the projectleider: how far the report is, and the end of the subsidy period.
    case rapport
    /// For the projectleider: incidents not handled.
    case incidenten
    /// For the projectleider: VOGs that expire within 60 days.
    case vogs

    public var label: String {
        switch self {
        case .acties: "Mijn acties"
        case .sessies: "Sessies invullen"
        case .cycli: "Bouwbladen waarvan jij trekker bent"
        case .evaluaties: "Evaluatie van het jaarplan"
        case .overleg: "Overleg in de komende week"
        case .rapport: "Het kwaliteitsrapport"
        case .incidenten: "Open incidenten"
        case .vogs: "VOG's die verlopen"
        }
    }

    /// What the setting is about, in the words of the settings page.
    public var help: String {
        switch self {
        case .acties: "Acties van jou die binnen twee weken moeten, of te laat zijn."
        case .sessies: "Sessies van jouw activiteiten die al geweest zijn, maar nog niet ingevuld."
        case .cycli: "Bouwbladen waarvan jij trekker bent en die nog niet klaar zijn, vooral als de periode van een cyclus voorbij is."
        case .evaluaties: "Evaluatiemomenten van het jaarplan die binnen twee weken zijn of nog niet geschreven."
        case .overleg: "Overleg in de komende week waarvoor jij of je organisatie is uitgenodigd."
        case .rapport: "Alleen voor de projectleider: hoeveel bouwstenen klaar zijn voor het rapport, en wanneer de subsidieperiode eindigt."
        case .incidenten: "Alleen voor de projectleider: incidenten die nog niet zijn afgehandeld."
        case .vogs: "Alleen voor de projectleider: VOG's die binnen 60 dagen verlopen."
        }
    }
}

/// How often a person gets mail about one kind.
public enum ReminderFrequency: String, CaseIterable, Sendable, Codable {
    case none = "nooit"
    case weekly = "wekelijks"
    case daily = "dagelijks"

    public static let standard = ReminderFrequency.weekly

    public var label: String {
        switch self {
        case .none: "Geen mail"
        case .weekly: "Eén keer per week (maandag)"
        case .daily: "Elke dag"
        }
    }

    /// Whether a digest goes out on `day`: daily every day, weekly on Mondays.
    public func sends(on day: IsoDate) -> Bool {
        switch self {
        case .none: false
        case .daily: true
        case .weekly: day.weekday == .maandag
        }
    }
}

/// A person's choices, stored as "acties=dagelijks,sessies=nooit": a kind not named has
/// the standard frequency, an unknown name or value is ignored.
public struct ReminderPreferences: Equatable, Sendable {
    public private(set) var choices: [ReminderKind: ReminderFrequency]

    public init(_ choices: [ReminderKind: ReminderFrequency] = [:]) { self.choices = choices }

    public init(stored: String) {
        var choices: [ReminderKind: ReminderFrequency] = [:]
        for pair in stored.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = ReminderKind(rawValue: parts[0]), let frequency = ReminderFrequency(rawValue: parts[1]) else { continue }
            choices[kind] = frequency
        }
        self.choices = choices
    }

    public var stored: String {
        ReminderKind.allCases.compactMap { kind in choices[kind].map { "\(kind.rawValue)=\($0.rawValue)" } }.joined(separator: ",")
    }

    public subscript(kind: ReminderKind) -> ReminderFrequency {
        get { choices[kind] ?? .standard }
        set { choices[kind] = newValue }
    }

    /// The kinds whose mail goes out on `day`.
    public func kinds(sentOn day: IsoDate) -> Set<ReminderKind> {
        Set(ReminderKind.allCases.filter { self[$0].sends(on: day) })
    }
}
