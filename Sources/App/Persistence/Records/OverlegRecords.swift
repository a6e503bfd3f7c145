import Domain
import Fluent
import Foundation

/// A meeting of the coalition's network.
package final class MeetingRecord: Model, @unchecked Sendable {
    package static let schema = "meetings"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "kind") package var kind: String
    @Field(key: "day") package var day: String
    @OptionalField(key: "start_time") package var startTime: String?
    @OptionalField(key: "end_time") package var endTime: String?
    @Field(key: "place") package var place: String
    @Field(key: "status") package var status: MeetingStatus
    @Field(key: "invited_ids") package var invitedIDs: String
    @Field(key: "present_ids") package var presentIDs: String
    @Field(key: "agenda") package var agenda: String
    @Field(key: "report") package var report: String
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] {
        listed([$id, $coalitionID, $kind, $day, $startTime, $endTime, $place, $status, $invitedIDs, $presentIDs, $agenda, $report, $version,
                $createdAt, $updatedAt])
    }

    package init(coalitionID: UUID, _ input: MeetingInput) {
        (self.coalitionID, version) = (coalitionID, 1)
        (kind, day, startTime, endTime, place, status) = (input.kind, input.day.iso, input.slot?.start.text, input.slot?.end.text, input.place, input.status)
        (invitedIDs, presentIDs, agenda, report) = (Self.ids(input.invited), Self.ids(input.present), input.agenda, input.report)
    }

    /// The columns an edit sets, with the same values a new row gets.
    static func columns(_ input: MeetingInput) -> [(String, any Encodable & Sendable)] {
        [("kind", input.kind), ("day", input.day.iso), ("start_time", input.slot?.start.text), ("end_time", input.slot?.end.text),
         ("place", input.place), ("status", input.status.rawValue), ("invited_ids", ids(input.invited)), ("present_ids", ids(input.present)),
         ("agenda", input.agenda), ("report", input.report)]
    }

    /// The meeting as Domain knows it; nil for a row whose day no longer reads (never written so).
    package var value: MeetingInput? {
        guard let date = IsoDate(day) else { return nil }
        let slot = startTime.flatMap(ClockTime.init).flatMap { s in endTime.flatMap(ClockTime.init).flatMap { TimeSlot(start: s, end: $0) } }
        return MeetingInput(kind: kind, day: date, slot: slot, place: place, status: status, invited: Self.uuids(invitedIDs),
                            present: Self.uuids(presentIDs), agenda: agenda, report: report)
    }

    static func ids(_ ids: [UUID]) -> String { ids.map(\.uuidString).joined(separator: ",") }
    static func uuids(_ text: String) -> [UUID] { text.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
}

/// An agreement about how often the network meets.
package final class CadenceRuleRecord: Model, @unchecked Sendable {
    package static let schema = "cadence_rules"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "minimum") package var minimum: Int
    @OptionalField(key: "kind") package var kind: String?
    @Field(key: "rhythm") package var rhythm: String
    @Field(key: "organisation_ids") package var organisationIDs: String
    @Field(key: "each_organisation") package var eachOrganisation: Bool
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $minimum, $kind, $rhythm, $organisationIDs, $eachOrganisation, $createdAt]) }

    package init(coalitionID: UUID, _ rule: CadenceRule) {
        (self.coalitionID, minimum, kind, rhythm) = (coalitionID, rule.minimum, rule.kind, rule.rhythm.rawValue)
        organisationIDs = MeetingRecord.ids(rule.organisations.sorted { $0.uuidString < $1.uuidString })
        eachOrganisation = rule.eachOrganisation
    }

    package var rule: CadenceRule? {
        Rhythm(rawValue: rhythm).flatMap {
            CadenceRule(minimum: minimum, kind: kind, organisations: Set(MeetingRecord.uuids(organisationIDs)), eachOrganisation: eachOrganisation, rhythm: $0)
        }
    }
}

/// The secret address of a coalition's calendar feed. Kept as it is, not hashed: unlike a
/// password, the address must be shown again to whoever subscribes a calendar to it; it
/// gives read access to the meeting list only, and renewing it ends the old one.
package final class CalendarFeedRecord: Model, @unchecked Sendable {
    package static let schema = "calendar_feeds"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "token") package var token: String
    @Field(key: "created_by_name") package var createdByName: String
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $token, $createdByName, $createdAt]) }

    package init(coalitionID: UUID, token: String, by name: String) {
        (self.coalitionID, self.token, createdByName) = (coalitionID, token, name)
    }
}

/// An agreement made at a meeting, and the action it became (at most one).
package final class AgreementRecord: Model, @unchecked Sendable {
    package static let schema = "meeting_agreements"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "meeting_id") package var meetingID: UUID
    @Field(key: "text") package var text: String
    @Field(key: "owner") package var owner: String
    @OptionalField(key: "organisation_id") package var organisationID: UUID?
    /// When: an ISO date or words as typed (see `Wanneer`).
    @OptionalField(key: "deadline") package var deadline: String?
    @OptionalField(key: "actie_id") package var actieID: UUID?
    @OptionalField(key: "plan_action_id") package var planActionID: UUID?
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] {
        listed([$id, $coalitionID, $meetingID, $text, $owner, $organisationID, $deadline, $actieID, $planActionID, $version, $createdAt, $updatedAt])
    }

    package init(coalitionID: UUID, meetingID: UUID, _ input: AgreementInput) {
        (self.coalitionID, self.meetingID, version) = (coalitionID, meetingID, 1)
        (text, owner, organisationID, deadline) = (input.text, input.owner, input.organisation, input.deadline?.stored)
    }

    package var value: AgreementInput {
        AgreementInput(text: text, owner: owner, organisation: organisationID, deadline: Wanneer(stored: deadline))
    }

    /// Whether it became an action already.
    var hasAction: Bool { actieID != nil || planActionID != nil }
}

/// A contact person of the network. Not an account; a member's account can be linked.
package final class ContactRecord: Model, @unchecked Sendable {
    package static let schema = "contacts"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "name") package var name: String
    @Field(key: "email") package var email: String
    @Field(key: "phone") package var phone: String
    @OptionalField(key: "membership_id") package var membershipID: UUID?
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $name, $email, $phone, $membershipID, $version, $createdAt, $updatedAt]) }

    package init(coalitionID: UUID, _ input: ContactInput) {
        (self.coalitionID, version) = (coalitionID, 1)
        (name, email, phone, membershipID) = (input.name, input.email, input.phone, input.account)
    }

    static func columns(_ input: ContactInput) -> [(String, any Encodable & Sendable)] {
        [("name", input.name), ("email", input.email), ("phone", input.phone), ("membership_id", input.account)]
    }
}

/// Where a contact person worked from a day on (and until the next role began).
package final class ContactRoleRecord: Model, @unchecked Sendable {
    package static let schema = "contact_roles"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "contact_id") package var contactID: UUID
    @Field(key: "organisation_id") package var organisationID: UUID
    @Field(key: "function") package var function: String
    @Field(key: "wijk") package var wijk: String
    @Field(key: "from_day") package var fromDay: String
    @OptionalField(key: "until_day") package var untilDay: String?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $contactID, $organisationID, $function, $wijk, $fromDay, $untilDay, $createdAt]) }

    package init(coalitionID: UUID, contactID: UUID, _ input: ContactRoleInput) {
        (self.coalitionID, self.contactID) = (coalitionID, contactID)
        (organisationID, function, wijk, fromDay) = (input.organisation, input.function, input.wijk, input.from.iso)
    }

    var from: IsoDate? { IsoDate(fromDay) }
    var until: IsoDate? { untilDay.flatMap(IsoDate.init) }
}

/// The secret address of one member's own calendar feed (kept as is, like the coalition's).
package final class PersonalFeedRecord: Model, @unchecked Sendable {
    package static let schema = "personal_calendar_feeds"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "membership_id") package var membershipID: UUID
    @Field(key: "token") package var token: String
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $membershipID, $token, $createdAt]) }

    package init(coalitionID: UUID, membershipID: UUID, token: String) {
        (self.coalitionID, self.membershipID, self.token) = (coalitionID, membershipID, token)
    }
}
