import Domain
import Fluent
import Foundation

/// An action of the jaarplan outside the bouwbladen.
package final class PlanActionRecord: Model, @unchecked Sendable {
    package static let schema = "plan_actions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "school_year") package var schoolYear: String
    @Field(key: "area") package var area: String
    @Field(key: "text") package var text: String
    @Field(key: "activity") package var activity: String
    @Field(key: "owner") package var owner: String
    /// When: an ISO date or words as typed (see `Wanneer`).
    @OptionalField(key: "deadline") package var deadline: String?
    @Field(key: "status") package var status: ActieStatus
    @Field(key: "indicator_ids") package var indicatorIDs: String
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] {
        listed([$id, $coalitionID, $schoolYear, $area, $text, $activity, $owner, $deadline, $status, $indicatorIDs, $version, $createdAt, $updatedAt])
    }

    package init(coalitionID: UUID, year: SchoolYear, _ input: PlanActionInput) {
        (self.coalitionID, schoolYear, version) = (coalitionID, year.key, 1)
        (area, text, activity, owner, deadline, status) = (input.area, input.text, input.activity, input.owner, input.deadline?.stored, input.status)
        indicatorIDs = Self.ids(input.indicators)
    }

    package var indicators: [UUID] { indicatorIDs.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
    package var wanneer: Wanneer? { Wanneer(stored: deadline) }
    package static func ids(_ ids: [UUID]) -> String { ids.map(\.uuidString).joined(separator: ",") }
}

/// One of the two evaluation moments of a school year: its day and, per result area, what
/// the team wrote.
package final class PlanEvaluationRecord: Model, @unchecked Sendable {
    package static let schema = "plan_evaluations"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "school_year") package var schoolYear: String
    @Field(key: "moment") package var moment: Int
    @Field(key: "held_on") package var heldOn: String
    /// `[result area: text]` as JSON.
    @Field(key: "texts") package var texts: String
    @Field(key: "updated_by_name") package var updatedByName: String
    @Field(key: "version") package var version: Int
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $schoolYear, $moment, $heldOn, $texts, $updatedByName, $version, $updatedAt]) }

    package init(coalitionID: UUID, year: SchoolYear, moment: Int, heldOn: IsoDate, texts: [String: String], by name: String) {
        (self.coalitionID, schoolYear, self.moment, self.heldOn, updatedByName, version) = (coalitionID, year.key, moment, heldOn.iso, name, 1)
        self.texts = JSONText.encode(texts)
    }

    package var textsByArea: [String: String] { (try? JSONDecoder().decode([String: String].self, from: Data(texts.utf8))) ?? [:] }
}
