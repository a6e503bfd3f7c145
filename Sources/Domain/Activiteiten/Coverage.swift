/// The locations x domains matrix: how many activities each location offers in each
/// domain during a period, against the coalition's rule (default: at least one).
/// Evidence for the bouwsteen Micro – Samenhang.
public struct Coverage: Equatable, Sendable {
    public struct Activity: Sendable {
        public let locationID: String
        public let domain: String
        public let period: DateRange
        /// The most pupils present at one session; counts are anonymous, so this is the
        /// best honest lower bound of how many pupils the activity reached.
        public let pupilsReached: Int
        public init(locationID: String, domain: String, period: DateRange, pupilsReached: Int) {
            self.locationID = locationID
            self.domain = domain
            self.period = period
            self.pupilsReached = pupilsReached
        }
    }

    public struct Cell: Equatable, Sendable {
        public let activities: Int
        public let pupils: Int
        public let belowRule: Bool
    }

    public let locations: [String]
    public let domains: [String]
    public let cells: [[Cell]]  // [location][domain]
    public let minimum: Int

    public init(locations: [String], domains: [String], activities: [Activity], period: DateRange, minimum: Int) {
        self.locations = locations
        self.domains = domains
        self.minimum = minimum
        var counts: [String: (Int, Int)] = [:]
        for activity in activities where activity.period.overlaps(period) {
            let key = activity.locationID + "\u{1}" + activity.domain
            let old = counts[key] ?? (0, 0)
            counts[key] = (old.0 + 1, old.1 + activity.pupilsReached)
        }
        cells = locations.map { location in
            domains.map { domain in
                let (n, pupils) = counts[location + "\u{1}" + domain] ?? (0, 0)
                return Cell(activities: n, pupils: pupils, belowRule: n < minimum)
            }
        }
    }

    public var gaps: Int { cells.joined().filter(\.belowRule).count }

    /// A dated summary in plain words, to paste into step 3 of a bouwblad.
    public func summary(locationNames: [String: String], period: DateRange, today: IsoDate) -> String {
        var lines = ["Dekking van het aanbod, \(period.label) (stand van \(today.label)):", ""]
        for (l, location) in locations.enumerated() {
            let parts = domains.enumerated().map { d, domain in "\(domain) \(cells[l][d].activities)" }
            lines.append("- \(locationNames[location] ?? location): " + parts.joined(separator: ", "))
        }
        lines.append("")
        if gaps == 0 {
            lines.append("Elke locatie heeft in elk domein minstens \(minimum) \(minimum == 1 ? "activiteit" : "activiteiten").")
        } else {
            var missing: [String] = []
            for (l, location) in locations.enumerated() {
                for (d, domain) in domains.enumerated() where cells[l][d].belowRule {
                    missing.append("\(locationNames[location] ?? location) – \(domain)")
                }
            }
            lines.append("Onder de afspraak van minstens \(minimum) per domein per locatie: " + missing.joined(separator: "; ") + ".")
        }
        return lines.joined(separator: "\n")
    }
}
