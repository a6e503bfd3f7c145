import Foundation

/// What an indicator's value is.
public enum IndicatorUnit: String, CaseIterable, Sendable, Codable {
    case aantal, percentage, gemiddelde

    public var label: String {
        switch self {
        case .aantal: return "Aantal"
        case .percentage: return "Percentage"
        case .gemiddelde: return "Gemiddelde"
        }
    }

    /// "87 %", "12", "3,8".
    public func format(_ value: Double) -> String {
        switch self {
        case .percentage: return "\(Self.decimal(value, places: 0)) %"
        case .aantal: return Self.decimal(value, places: value.rounded() == value ? 0 : 1)
        case .gemiddelde: return Self.decimal(value, places: 1)
        }
    }

    /// Dutch decimals with a comma, no grouping (values stay short).
    public static func decimal(_ value: Double, places: Int) -> String {
        let factor = pow(10.0, Double(places))
        let rounded = (value * factor).rounded() / factor
        var text = places == 0 ? String(Int(rounded)) : String(format: "%.\(places)f", rounded)
        text = text.replacingOccurrences(of: ".", with: ",")
        return text == "-0" ? "0" : text
    }
}

/// Whether more is better (coverage, reach) or less (incidents, waiting days).
public enum Direction: String, CaseIterable, Sendable, Codable {
    case hoger, lager

    public var label: String { self == .hoger ? "Hoger is beter" : "Lager is beter" }
}

/// The status of one period's value against the norm. Shown by word and icon, never by
/// colour alone.
public enum IndicatorStatus: String, CaseIterable, Sendable {
    case opKoers = "op-koers", aandacht, onderDeNorm = "onder-de-norm", geenMeting = "geen-meting"

    public var label: String {
        switch self {
        case .opKoers: return "Op koers"
        case .aandacht: return "Aandacht"
        case .onderDeNorm: return "Onder de norm"
        case .geenMeting: return "Nog geen meting"
        }
    }

    /// A symbol that says the same as the word, for a glance down a list.
    public var icon: String {
        switch self {
        case .opKoers: return "✓"
        case .aandacht: return "!"
        case .onderDeNorm: return "✗"
        case .geenMeting: return "–"
        }
    }
}

/// The threshold a value must reach (or stay under, when lower is better), and optionally
/// a signal value on the good side of it: between the two, the status is "aandacht".
public struct Norm: Equatable, Sendable {
    public let direction: Direction
    public let threshold: Double
    public let signal: Double?

    public init(direction: Direction, threshold: Double, signal: Double? = nil) {
        (self.direction, self.threshold, self.signal) = (direction, threshold, signal)
    }

    public func status(of value: Double?) -> IndicatorStatus {
        guard let value, value.isFinite else { return .geenMeting }
        // Turn "lower is better" into "higher is better" so one comparison serves both.
        let sign = direction == .hoger ? 1.0 : -1.0
        let v = value * sign, norm = threshold * sign
        if v < norm { return .onderDeNorm }
        if let signal, v < signal * sign { return .aandacht }
        return .opKoers
    }

    /// "≥ 100 %", "≤ 2 (aandacht vanaf 1)".
    public func label(_ unit: IndicatorUnit) -> String {
        let base = "\(direction == .hoger ? "minstens" : "hoogstens") \(unit.format(threshold))"
        guard let signal else { return base }
        return base + ", aandacht \(direction == .hoger ? "onder" : "boven") \(unit.format(signal))"
    }
}
