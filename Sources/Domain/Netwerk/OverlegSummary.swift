import Foundation

/// A dated summary of a school year's meetings, the cadence rules and the agreements made,
/// as plain text for step 3 ("Wat hebben we bereikt?") of a bouwblad.
public enum OverlegSummary {
    public struct Meeting: Sendable {
        public let kind: String
        public let day: IsoDate
        public let status: MeetingStatus
        public let organisations: [String]

        public init(kind: String, day: IsoDate, status: MeetingStatus, organisations: [String]) {
            (self.kind, self.day, self.status, self.organisations) = (kind, day, status, organisations)
        }
    }

    public struct Rule: Sendable {
        public let label: String
        public let status: CadenceStatus
        public let period: String
        public let detail: String

        public init(label: String, status: CadenceStatus, period: String, detail: String) {
            (self.label, self.status, self.period, self.detail) = (label, status, period, detail)
        }
    }

    public struct Agreement: Sendable {
        public let text: String
        public let who: String
        public let when: String
        public let action: String

        public init(text: String, who: String = "", when: String = "", action: String = "") {
            (self.text, self.who, self.when, self.action) = (text, who, when, action)
        }
    }

    public static func text(year: String, today: IsoDate, meetings: [Meeting], rules: [Rule], agreements: [Agreement]) -> String {
        var lines = ["Overleg in schooljaar \(year) (stand van \(today.label))", ""]
        let held = meetings.filter { $0.status == .gehouden }
        let cancelled = meetings.filter { $0.status == .afgelast }.count
        let planned = meetings.filter { $0.status == .gepland }.count
        lines.append("Gehouden: \(times(held.count)). Afgelast: \(times(cancelled)). Nog gepland: \(times(planned)).")
        let kinds = Dictionary(grouping: held, by: \.kind).sorted { $0.key.localizedStandardCompare($1.key) == .orderedAscending }
        for (kind, group) in kinds {
            let days = group.map(\.day).sorted().map(\.label).joined(separator: ", ")
            let who = Set(group.flatMap(\.organisations)).sorted { $0.localizedStandardCompare($1) == .orderedAscending }
            lines.append("- \(kind): \(times(group.count)) gehouden (\(days))" + (who.isEmpty ? "" : ", met \(who.joined(separator: ", "))"))
        }
        if !rules.isEmpty {
            lines += ["", "Afspraken over hoe vaak we overleggen:"]
            lines += rules.map { "- \($0.label): \($0.status.label.lowercased()) (\($0.period): \($0.detail))" }
        }
        if !agreements.isEmpty {
            lines += ["", "Afspraken uit het overleg:"]
            lines += agreements.map { a in
                let extra = [a.who.isEmpty ? nil : "wie: \(a.who)", a.when.isEmpty ? nil : "wanneer: \(a.when)", a.action.isEmpty ? nil : a.action.lowercasedFirstWord]
                    .compactMap { $0 }
                return "- \(a.text)" + (extra.isEmpty ? "" : " (\(extra.joined(separator: "; ")))")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func times(_ n: Int) -> String { "\(n) keer" }
}

private extension String {
    /// "Actie in het jaarplan" → "actie in het jaarplan", inside a sentence.
    var lowercasedFirstWord: String { prefix(1).lowercased() + dropFirst() }
}
