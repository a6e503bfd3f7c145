import Foundation

/// Everything the computed sources read, loaded once for all indicators and periods (so a
/// dashboard's queries do not grow with them), then narrowed to what a person may see.
public struct IndicatorData: Sendable {
    public struct Activity: Sendable {
        public let id: String, locationID: String, partnerID: String?, domain: String
        public let period: DateRange
        public let status: ActivityStatus
        public init(id: String, locationID: String, partnerID: String?, domain: String, period: DateRange, status: ActivityStatus) {
            (self.id, self.locationID, self.partnerID, self.domain, self.period, self.status) = (id, locationID, partnerID, domain, period, status)
        }
    }

    public struct Session: Sendable {
        public let activityID: String
        public let date: IsoDate
        public let cancelled: Bool
        public let pupils: Int?
        /// The observation's average on each Leuven scale, when observed.
        public let betrokkenheid: Double?, welbevinden: Double?
        public let incident: Bool
        public let handledOn: IsoDate?
        public init(activityID: String, date: IsoDate, cancelled: Bool, pupils: Int?, betrokkenheid: Double? = nil, welbevinden: Double? = nil,
                    incident: Bool = false, handledOn: IsoDate? = nil) {
            (self.activityID, self.date, self.cancelled, self.pupils) = (activityID, date, cancelled, pupils)
            (self.betrokkenheid, self.welbevinden, self.incident, self.handledOn) = (betrokkenheid, welbevinden, incident, handledOn)
        }
    }

    public struct Response: Sendable {
        public let day: IsoDate
        public let locationID: String?
        public let answers: Answers
        public init(day: IsoDate, locationID: String?, answers: Answers) { (self.day, self.locationID, self.answers) = (day, locationID, answers) }
    }

    /// A value typed for one period, for the whole coalition (no location) or one location.
    public struct HandValue: Sendable {
        public let periodKey: String
        public let locationID: String?
        public let value: Double
        public init(periodKey: String, locationID: String?, value: Double) { (self.periodKey, self.locationID, self.value) = (periodKey, locationID, value) }
    }

    public var locations: [String]
    public var domains: [String]
    public var minimumPerCell: Int
    public var activities: [Activity]
    public var sessions: [Session]
    /// Per questionnaire id: its questions and its sent responses.
    public var questionnaires: [String: (questions: [Question], responses: [Response])]
    /// Per indicator id: its hand values.
    public var hand: [String: [HandValue]]
    /// Per cadence rule id: the rule; and the meetings they count.
    public var cadenceRules: [String: CadenceRule] = [:]
    public var meetings: [CadenceMeeting] = []

    public init(locations: [String], domains: [String], minimumPerCell: Int, activities: [Activity], sessions: [Session],
                questionnaires: [String: (questions: [Question], responses: [Response])] = [:], hand: [String: [HandValue]] = [:]) {
        (self.locations, self.domains, self.minimumPerCell) = (locations, domains, minimumPerCell)
        (self.activities, self.sessions, self.questionnaires, self.hand) = (activities, sessions, questionnaires, hand)
    }

    /// A coordinator's view: only these locations, their activities, sessions, answers and values.
    public func limited(toLocations own: Set<String>) -> IndicatorData {
        var data = self
        data.locations = locations.filter(own.contains)
        data.activities = activities.filter { own.contains($0.locationID) }
        let kept = Set(data.activities.map(\.id))
        data.sessions = sessions.filter { kept.contains($0.activityID) }
        data.questionnaires = questionnaires.mapValues { ($0.questions, $0.responses.filter { $0.locationID.map(own.contains) ?? false }) }
        // A value for the whole coalition is no other location's: it stays.
        data.hand = hand.mapValues { $0.filter { $0.locationID.map(own.contains) ?? true } }
        return data
    }

    /// A partner's view: only their own activities and those activities' sessions.
    public func limited(toPartner partner: String?) -> IndicatorData {
        var data = self
        data.activities = activities.filter { partner != nil && $0.partnerID == partner }
        let kept = Set(data.activities.map(\.id))
        data.sessions = sessions.filter { kept.contains($0.activityID) }
        data.questionnaires = [:]
        data.hand = [:]
        return data
    }
}
