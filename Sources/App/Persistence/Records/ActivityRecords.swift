import Domain
import Fluent
import Foundation

/// A coalition's rules for the activiteitenboek.
package final class ActivitySettingsRecord: Model, @unchecked Sendable {
    package static let schema = "activity_settings"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "vog_years") package var vogYears: Int
    @Field(key: "minimum_per_cell") package var minimumPerCell: Int
    /// The coalition's own domains beside the four defaults, one per line.
    @Field(key: "extra_domains") package var extraDomains: String
    @Field(key: "version") package var version: Int
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $vogYears, $minimumPerCell, $extraDomains, $version, $updatedAt]) }

    package init(coalitionID: UUID) {
        self.coalitionID = coalitionID
        self.vogYears = VogStatus.defaultValidityYears
        self.minimumPerCell = 1
        self.extraDomains = ""
        self.version = 1
    }

    package var domains: [String] {
        ActivityDomains.defaults + extraDomains.split(separator: "\n").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}

/// A person of a partner organisation who works with children.
package final class StaffRecord: Model, @unchecked Sendable {
    package static let schema = "partner_staff"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "partner_id") package var partnerID: UUID
    @Field(key: "name") package var name: String
    @Field(key: "role") package var role: String
    /// The date on the VOG, "2024-05-01"; nil when none is known.
    @OptionalField(key: "vog_date") package var vogDate: String?
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $partnerID, $name, $role, $vogDate, $version, $createdAt, $updatedAt]) }

    package func vog(validityYears: Int, today: IsoDate) -> VogStatus {
        VogStatus.of(date: vogDate.flatMap(IsoDate.init), validityYears: validityYears, today: today)
    }
}

/// One activity of the activiteitenboek.
package final class ActivityRecord: Model, @unchecked Sendable {
    package static let schema = "activities"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "name") package var name: String
    @Field(key: "domain") package var domain: String
    @Field(key: "location_id") package var locationID: UUID
    @OptionalField(key: "partner_id") package var partnerID: UUID?
    /// "1,3" = maandag and woensdag.
    @Field(key: "weekdays") package var weekdays: String
    @OptionalField(key: "start_time") package var startTime: String?
    @OptionalField(key: "end_time") package var endTime: String?
    @Field(key: "starts_on") package var startsOn: String
    @Field(key: "ends_on") package var endsOn: String
    @Field(key: "year_groups") package var yearGroups: String
    @OptionalField(key: "max_group_size") package var maxGroupSize: Int?
    @Field(key: "goals") package var goals: String
    @OptionalField(key: "doel_id") package var doelID: UUID?
    @Field(key: "in_school") package var inSchool: Bool
    @Field(key: "vier_ogen") package var vierOgen: Bool
    @Field(key: "contact_before_after") package var contactBeforeAfter: Bool
    @Field(key: "school_present") package var schoolPresent: String
    @Field(key: "status") package var status: ActivityStatus
    @OptionalField(key: "check_answers") package var checkAnswers: String?
    @OptionalField(key: "check_evaluation") package var checkEvaluation: String?
    @OptionalField(key: "check_at") package var checkAt: Date?
    @OptionalField(key: "check_by_name") package var checkByName: String?
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $name, $domain, $locationID, $partnerID, $weekdays, $startTime, $endTime, $startsOn, $endsOn, $yearGroups, $maxGroupSize, $goals, $doelID, $inSchool, $vierOgen, $contactBeforeAfter, $schoolPresent, $status, $checkAnswers, $checkEvaluation, $checkAt, $checkByName, $version, $createdAt, $updatedAt]) }

    package var days: [Weekday] { weekdays.split(separator: ",").compactMap { Int($0).flatMap(Weekday.init(rawValue:)) } }
    package var slot: TimeSlot? {
        guard let s = startTime.flatMap(ClockTime.init), let e = endTime.flatMap(ClockTime.init) else { return nil }
        return TimeSlot(start: s, end: e)
    }
    package var period: DateRange? {
        guard let f = IsoDate(startsOn), let t = IsoDate(endsOn) else { return nil }
        return DateRange(from: f, to: t)
    }
    package var groups: YearGroups? { YearGroups(yearGroups.split(separator: ",").compactMap { Int($0) }) }
    package var check: VoorafCheck.Answers? {
        checkAnswers.map { VoorafCheck.Answers(stored: $0, evaluation: checkEvaluation ?? "") }
    }

    package func apply(_ input: ActivityInput, locationID: UUID, partnerID: UUID?, doelID: UUID?) {
        name = input.name
        domain = input.domain
        self.locationID = locationID
        self.partnerID = partnerID
        weekdays = input.weekdays.map { String($0.rawValue) }.joined(separator: ",")
        startTime = input.slot?.start.text
        endTime = input.slot?.end.text
        startsOn = input.period.from.iso
        endsOn = input.period.to.iso
        yearGroups = input.yearGroups?.stored ?? ""
        maxGroupSize = input.maxGroupSize
        goals = input.goals
        self.doelID = doelID
        inSchool = input.inSchool
        vierOgen = input.vierOgen
        contactBeforeAfter = input.contactBeforeAfter
        schoolPresent = input.schoolPresent
    }
}

/// Who of the partner's staff works in an activity.
package final class ActivityStaffRecord: Model, @unchecked Sendable {
    package static let schema = "activity_staff"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "activity_id") package var activityID: UUID
    @Field(key: "staff_id") package var staffID: UUID

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $activityID, $staffID]) }

    package init(coalitionID: UUID, activityID: UUID, staffID: UUID) {
        self.coalitionID = coalitionID
        self.activityID = activityID
        self.staffID = staffID
    }
}

/// One meeting of an activity: how many pupils came (a number, never names), the
/// nabespreking, an incident if there was one, and optional Leuven-scale observations.
package final class ActivitySessionRecord: Model, @unchecked Sendable {
    package static let schema = "activity_sessions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "activity_id") package var activityID: UUID
    @Field(key: "date") package var date: String
    @Field(key: "cancelled") package var cancelled: Bool
    @OptionalField(key: "pupils") package var pupils: Int?
    @Field(key: "went_well") package var wentWell: String
    @Field(key: "improve") package var improve: String
    @Field(key: "incident") package var incident: Bool
    @Field(key: "incident_text") package var incidentText: String
    @OptionalField(key: "incident_handled_at") package var incidentHandledAt: Date?
    @OptionalField(key: "incident_handled_by") package var incidentHandledBy: String?
    /// `Observation.stored`: "g:3+" or "c:0,0,1,…".
    @OptionalField(key: "betrokkenheid") package var betrokkenheid: String?
    @OptionalField(key: "welbevinden") package var welbevinden: String?
    @OptionalField(key: "recorded_by_name") package var recordedByName: String?
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $activityID, $date, $cancelled, $pupils, $wentWell, $improve, $incident, $incidentText, $incidentHandledAt, $incidentHandledBy, $betrokkenheid, $welbevinden, $recordedByName, $version, $createdAt, $updatedAt]) }

    package init(coalitionID: UUID, activityID: UUID, date: IsoDate) {
        self.coalitionID = coalitionID
        self.activityID = activityID
        self.date = date.iso
        self.cancelled = false
        self.wentWell = ""
        self.improve = ""
        self.incident = false
        self.incidentText = ""
        self.version = 1
    }

    package var isoDate: IsoDate? { IsoDate(date) }
    package var hasNabespreking: Bool { !wentWell.isEmpty || !improve.isEmpty }
    /// It went ahead: not cancelled, and its day has come.
    package func isHeld(today: IsoDate) -> Bool { !cancelled && (isoDate.map { $0 <= today } ?? false) }
    /// Held, and nobody wrote down anything yet. `NextStepsStore.sessionsToFill` asks the same in SQL.
    package func needsFilling(today: IsoDate) -> Bool { isHeld(today: today) && pupils == nil && !hasNabespreking }
    package var isObserved: Bool { betrokkenheid != nil || welbevinden != nil }
    package func observation(_ scale: LeuvenScale) -> Observation? {
        Observation(stored: scale == .betrokkenheid ? betrokkenheid : welbevinden)
    }
}
