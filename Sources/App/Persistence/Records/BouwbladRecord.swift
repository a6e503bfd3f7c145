import Domain
import Fluent
import Foundation

/// One question of one bouwsteen, worked by a coalition in cycles.
package final class BouwbladRecord: Model, @unchecked Sendable {
    package static let schema = "bouwbladen"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "bouwsteen_id") package var bouwsteenID: UUID
    /// The format's question, or nil when the coalition asks its own.
    @OptionalField(key: "question_id") package var questionID: UUID?
    @OptionalField(key: "own_question") package var ownQuestion: String?
    @Field(key: "title") package var title: String
    @OptionalField(key: "keeper_id") package var keeperID: UUID?
    @Field(key: "ready_for_report") package var readyForReport: Bool
    @Field(key: "version") package var version: Int
    @Field(key: "created_by") package var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?
    @OptionalField(key: "updated_by") package var updatedBy: UUID?
    /// In the prullenbak since; Fluent leaves such rows out of every query.
    @Timestamp(key: "deleted_at", on: .delete) package var deletedAt: Date?
    @OptionalField(key: "deleted_by") package var deletedBy: UUID?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwsteenID, $questionID, $ownQuestion, $title, $keeperID, $readyForReport, $version, $createdBy, $createdAt, $updatedAt, $updatedBy, $deletedAt, $deletedBy]) }
}

/// A period of a bouwblad with the four steps.
package final class CycleRecord: Model, @unchecked Sendable {
    package static let schema = "cycles"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "bouwblad_id") package var bouwbladID: UUID
    @Field(key: "number") package var number: Int
    @OptionalField(key: "period_from") package var periodFrom: String?
    @OptionalField(key: "period_to") package var periodTo: String?
    @Field(key: "startvraag") package var startvraag: String
    @Field(key: "doelen") package var doelen: String
    @Field(key: "bereikt") package var bereikt: String
    @Field(key: "bijgesteld") package var bijgesteld: String
    /// Each step's own version: what a save of that step names (`version(of:)`).
    @Field(key: "startvraag_version") package var startvraagVersion: Int
    @Field(key: "doelen_version") package var doelenVersion: Int
    @Field(key: "bereikt_version") package var bereiktVersion: Int
    @Field(key: "bijgesteld_version") package var bijgesteldVersion: Int
    @OptionalField(key: "closed_at") package var closedAt: Date?
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?
    @Timestamp(key: "deleted_at", on: .delete) package var deletedAt: Date?
    @OptionalField(key: "deleted_by") package var deletedBy: UUID?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwbladID, $number, $periodFrom, $periodTo, $startvraag, $doelen, $bereikt, $bijgesteld,
                                                          $startvraagVersion, $doelenVersion, $bereiktVersion, $bijgesteldVersion, $closedAt, $version, $createdAt, $updatedAt, $deletedAt, $deletedBy]) }

    package init(coalitionID: UUID, bouwbladID: UUID, number: Int, startvraag: String, period: CyclePeriod = .init(from: nil, to: nil)) {
        self.coalitionID = coalitionID
        self.bouwbladID = bouwbladID
        self.number = number
        self.startvraag = startvraag
        self.doelen = ""
        self.bereikt = ""
        self.bijgesteld = ""
        self.periodFrom = period.from?.iso
        self.periodTo = period.to?.iso
        self.version = 1
        (startvraagVersion, doelenVersion, bereiktVersion, bijgesteldVersion) = (1, 1, 1, 1)
    }

    /// The version of one step, the token a save of that step names.
    package func version(of step: CycleStep) -> Int {
        switch step {
        case .startvraag: return startvraagVersion
        case .doelen: return doelenVersion
        case .bereikt: return bereiktVersion
        case .bijgesteld: return bijgesteldVersion
        }
    }

    package func text(_ step: CycleStep) -> String {
        switch step {
        case .startvraag: return startvraag
        case .doelen: return doelen
        case .bereikt: return bereikt
        case .bijgesteld: return bijgesteld
        }
    }

    package var period: CyclePeriod { CyclePeriod(from: periodFrom.flatMap(Month.init), to: periodTo.flatMap(Month.init)) }
}

/// Every saved change of a bouwblad: who, when, which field, before and after.
package final class RevisionRecord: Model, @unchecked Sendable {
    package static let schema = "revisions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "bouwblad_id") package var bouwbladID: UUID
    @OptionalField(key: "cycle_id") package var cycleID: UUID?
    @Field(key: "field") package var field: String
    @Field(key: "before") package var before: String
    @Field(key: "after") package var after: String
    @Field(key: "user_id") package var userID: UUID
    @Field(key: "created_at") package var createdAt: Date

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwbladID, $cycleID, $field, $before, $after, $userID, $createdAt]) }

    package init(coalitionID: UUID, bouwbladID: UUID, cycleID: UUID?, field: String, before: String, after: String, userID: UUID, createdAt: Date) {
        self.coalitionID = coalitionID
        self.bouwbladID = bouwbladID
        self.cycleID = cycleID
        self.field = field
        self.before = before
        self.after = after
        self.userID = userID
        self.createdAt = createdAt
    }
}

/// Members who contribute to a bouwblad; a partner may edit the bouwbladen they contribute to.
package final class ContributorRecord: Model, @unchecked Sendable {
    package static let schema = "bouwblad_contributors"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "bouwblad_id") package var bouwbladID: UUID
    @Field(key: "membership_id") package var membershipID: UUID

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwbladID, $membershipID]) }

    package init(coalitionID: UUID, bouwbladID: UUID, membershipID: UUID) {
        self.coalitionID = coalitionID
        self.bouwbladID = bouwbladID
        self.membershipID = membershipID
    }
}
