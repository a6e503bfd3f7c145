import Foundation

/// Who met whom in the last year, from the meetings held: per organisation how often and
/// when last, the organisations not met in half a year, and per pair how often they sat at
/// the same table. Only held meetings count; for those, who was there (or, when nobody was
/// written down as present, who was invited: `MeetingInput.counted`).
public struct NetworkPicture: Equatable, Sendable {
    public struct Organisation: Equatable, Sendable {
        public let id: UUID
        public let name: String
        public let kind: String
        public let wijk: String

        public init(id: UUID, name: String, kind: String, wijk: String = "") {
            (self.id, self.name, self.kind, self.wijk) = (id, name, kind, wijk)
        }
    }

    public struct Row: Equatable, Sendable {
        public let organisation: Organisation
        /// Meetings held with it in the last year.
        public let meetings: Int
        public let lastMet: IsoDate?
        /// Not met in the last six months (or never).
        public let quiet: Bool
    }

    /// The window of the picture, and of "quiet".
    public static let yearDays = 365, quietDays = 183

    public let from: IsoDate
    public let rows: [Row]
    /// The organisations met at least once, in `rows` order; `together[i][j]` is how often
    /// `met[i]` and `met[j]` were at the same meeting (`together[i][i]`: all its meetings).
    public let met: [Organisation]
    public let together: [[Int]]

    public var quiet: [Row] { rows.filter(\.quiet) }

    public init(organisations: [Organisation], meetings: [CadenceMeeting], today: IsoDate) {
        let from = today.adding(days: -Self.yearDays), quietFrom = today.adding(days: -Self.quietDays)
        let held = meetings.filter { $0.held && from <= $0.day && $0.day <= today }
        let sorted = organisations.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        let rows = sorted.map { organisation in
            let with = held.filter { $0.organisations.contains(organisation.id) }
            let last = with.map(\.day).max()
            return Row(organisation: organisation, meetings: with.count, lastMet: last, quiet: last.map { $0 < quietFrom } ?? true)
        }
        let met = rows.filter { $0.meetings > 0 }.map(\.organisation)
        self.from = from
        self.rows = rows
        self.met = met
        together = met.map { a in met.map { b in held.filter { $0.organisations.contains(a.id) && $0.organisations.contains(b.id) }.count } }
    }
}
