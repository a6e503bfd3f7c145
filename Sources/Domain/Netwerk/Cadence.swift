import Foundation

/// A meeting as far as a cadence rule is concerned: its day, its kind, the organisations
/// that were there (or, while it is still planned, invited), and whether it took place.
public struct CadenceMeeting: Equatable, Sendable {
    public let day: IsoDate
    public let kind: String
    public let organisations: Set<UUID>
    /// A report was written: it happened. A meeting without one is only planned.
    public let held: Bool

    public init(day: IsoDate, kind: String, organisations: Set<UUID>, held: Bool) {
        (self.day, self.kind, self.organisations, self.held) = (day, kind, organisations, held)
    }
}

/// "At least N meetings of kind K with organisation(s) O per period P": the agreement that
/// keeps a network going when people change jobs (seed 002, 2.3: "minimaal 1 contactmoment
/// per kwartaal in elke wijk"). With `eachOrganisation` the rule holds for every named
/// organisation on its own (every wijk); otherwise a meeting with any of them counts.
public struct CadenceRule: Equatable, Sendable {
    public static let allowedMinimum = 1...52
    public static let rhythms: [Rhythm] = [.kwartaal, .halfjaar, .schooljaar]

    public let minimum: Int
    /// Nil: a meeting of any kind counts.
    public let kind: String?
    /// Empty: a meeting with anyone counts.
    public let organisations: Set<UUID>
    public let eachOrganisation: Bool
    public let rhythm: Rhythm

    public init?(minimum: Int, kind: String?, organisations: Set<UUID>, eachOrganisation: Bool, rhythm: Rhythm) {
        guard Self.allowedMinimum.contains(minimum), Self.rhythms.contains(rhythm) else { return nil }
        (self.minimum, self.kind, self.organisations, self.rhythm) = (minimum, kind, organisations, rhythm)
        self.eachOrganisation = eachOrganisation && !organisations.isEmpty
    }

    /// Whether the rule holds in a period, on a day: per organisation when it names each.
    public func check(_ period: IndicatorPeriod, meetings: [CadenceMeeting], today: IsoDate) -> CadenceCheck {
        let inPeriod = meetings.filter { period.days.contains($0.day) && (kind == nil || $0.kind == kind) }
        func count(_ with: Set<UUID>) -> CadenceCheck.Part {
            let counting = inPeriod.filter { with.isEmpty || !$0.organisations.isDisjoint(with: with) }
            let held = counting.filter(\.held).count
            let planned = counting.filter { !$0.held && $0.day >= today }.count
            let status: CadenceStatus = held >= minimum ? .gehaald : today > period.lastDay ? .gemist : .risico
            return .init(organisation: eachOrganisation ? with.first : nil, held: held, planned: planned, status: status)
        }
        let parts = eachOrganisation ? organisations.sorted { $0.uuidString < $1.uuidString }.map { count([$0]) } : [count(organisations)]
        return CadenceCheck(period: period, minimum: minimum, parts: parts)
    }
}

/// Met, at risk (the period runs and the number is not reached yet), or missed.
public enum CadenceStatus: String, Sendable, Comparable, CaseIterable {
    case gemist, risico, gehaald

    public var label: String {
        switch self {
        case .gehaald: return "Gehaald"
        case .risico: return "Loopt risico"
        case .gemist: return "Gemist"
        }
    }

    public static func < (lhs: CadenceStatus, rhs: CadenceStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A rule's outcome in one period: one part, or one per organisation.
public struct CadenceCheck: Equatable, Sendable {
    public struct Part: Equatable, Sendable {
        /// Set when the rule counts each organisation on its own.
        public let organisation: UUID?
        public let held: Int
        /// Meetings still planned in the period, from today on.
        public let planned: Int
        public let status: CadenceStatus
    }

    public let period: IndicatorPeriod
    public let minimum: Int
    public let parts: [Part]

    /// The worst part: one wijk without its meeting makes the rule miss.
    public var status: CadenceStatus { parts.map(\.status).min() ?? .gehaald }

    /// The share of parts that made it, as a percentage (for an indicator); nil without parts.
    public var shareMet: Double? {
        parts.isEmpty ? nil : Double(parts.filter { $0.status == .gehaald }.count) * 100 / Double(parts.count)
    }
}

extension CadenceRule {
    /// The rule over a longer span, such as a report's: of its periods that lie in
    /// `from`…`to` and have ended by `today`, how many it was met in. At most 100 periods.
    public func record(from: Month, to: Month, meetings: [CadenceMeeting], today: IsoDate) -> (met: Int, ended: Int) {
        var period = IndicatorPeriod(rhythm, containing: from), met = 0, ended = 0
        for _ in 0..<100 where period.first <= to {
            if period.lastDay < today, from <= period.first {
                ended += 1
                if check(period, meetings: meetings, today: today).status == .gehaald { met += 1 }
            }
            period = period.next
        }
        return (met, ended)
    }
}
