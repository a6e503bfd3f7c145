/// The vertical axis of the format: at which level quality is looked at.
public enum Level: String, CaseIterable, Sendable, Codable {
    case macro, meso, micro

    public var label: String {
        switch self {
        case .macro: return "Macro"
        case .meso: return "Meso"
        case .micro: return "Micro"
        }
    }

    /// Macro on top, micro at the bottom, as the format draws it.
    public var row: Int { Self.allCases.firstIndex(of: self)! }
}

/// The horizontal axis: which aspect of quality.
public enum Aspect: String, CaseIterable, Sendable, Codable {
    case samenhang, samenwerking, uitvoering

    public var label: String {
        switch self {
        case .samenhang: return "Samenhang"
        case .samenwerking: return "Samenwerking"
        case .uitvoering: return "Uitvoering"
        }
    }

    public var column: Int { Self.allCases.firstIndex(of: self)! }
}

/// A cell of the grid. Its code ("micro-uitvoering") is the bouwsteen's address.
public struct BouwsteenKey: Hashable, Sendable, Codable {
    public let level: Level
    public let aspect: Aspect

    public init(level: Level, aspect: Aspect) {
        self.level = level
        self.aspect = aspect
    }

    public init?(code: String) {
        let parts = code.split(separator: "-", maxSplits: 1).map(String.init)
        guard parts.count == 2, let level = Level(rawValue: parts[0]), let aspect = Aspect(rawValue: parts[1]) else { return nil }
        self.init(level: level, aspect: aspect)
    }

    public var code: String { "\(level.rawValue)-\(aspect.rawValue)" }
    public var name: String { "\(level.label) – \(aspect.label)" }

    /// All nine, in the grid's reading order: macro row first, aspects left to right.
    public static let all: [BouwsteenKey] = Level.allCases.flatMap { level in Aspect.allCases.map { BouwsteenKey(level: level, aspect: $0) } }

    /// The report's order: aspect by aspect, and macro, meso, micro within each.
    public static let reportOrder: [BouwsteenKey] = Aspect.allCases.flatMap { aspect in Level.allCases.map { BouwsteenKey(level: $0, aspect: aspect) } }
}
