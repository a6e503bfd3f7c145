import Domain
import Fluent
import Foundation

/// One question of one bouwsteen, worked by a coalition in cycles.
final class BouwbladRecord: Model, @unchecked Sendable {
    static let schema = "bouwbladen"

    @ID(key: .id) var id: UUID?
    @Field(key: "coalition_id") var coalitionID: UUID
    @Field(key: "bouwsteen_id") var bouwsteenID: UUID
    /// The format's question, or nil when the coalition asks its own.
    @OptionalField(key: "question_id") var questionID: UUID?
    @OptionalField(key: "own_question") var ownQuestion: String?
    @Field(key: "title") var title: String
    @OptionalField(key: "keeper_id") var keeperID: UUID?
    @Field(key: "ready_for_report") var readyForReport: Bool
    @Field(key: "version") var version: Int
    @Field(key: "created_by") var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "updated_by") var updatedBy: UUID?
    /// In the prullenbak since; Fluent leaves such rows out of every query.
    @Timestamp(key: "deleted_at", on: .delete) var deletedAt: Date?
    @OptionalField(key: "deleted_by") var deletedBy: UUID?

    init() {}

    var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwsteenID, $questionID, $ownQuestion, $title, $keeperID, $readyForReport, $version, $createdBy, $createdAt, $updatedAt, $updatedBy, $deletedAt, $deletedBy]) }
}

/// A period of a bouwblad with the four steps.
final class CycleRecord: Model, @unchecked Sendable {
    static let schema = "cycles"

    @ID(key: .id) var id: UUID?
    @Field(key: "coalition_id") var coalitionID: UUID
    @Field(key: "bouwblad_id") var bouwbladID: UUID
    @Field(key: "number") var number: Int
    @OptionalField(key: "period_from") var periodFrom: String?
    @OptionalField(key: "period_to") var periodTo: String?
    @Field(key: "startvraag") var startvraag: String
    @Field(key: "doelen") var doelen: String
    @Field(key: "bereikt") var bereikt: String
    @Field(key: "bijgesteld") var bijgesteld: String
    @OptionalField(key: "closed_at") var closedAt: Date?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Timestamp(key: "deleted_at", on: .delete) var deletedAt: Date?
    @OptionalField(key: "deleted_by") var deletedBy: UUID?

    init() {}

    var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwbladID, $number, $periodFrom, $periodTo, $startvraag, $doelen, $bereikt, $bijgesteld, $closedAt, $version, $createdAt, $updatedAt, $deletedAt, $deletedBy]) }

    init(coalitionID: UUID, bouwbladID: UUID, number: Int, startvraag: String, period: CyclePeriod = .init(from: nil, to: nil)) {
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
    }

    func text(_ step: CycleStep) -> String {
        switch step {
        case .startvraag: return startvraag
        case .doelen: return doelen
        case .bereikt: return bereikt
        case .bijgesteld: return bijgesteld
        }
    }

    var period: CyclePeriod { CyclePeriod(from: periodFrom.flatMap(Month.init), to: periodTo.flatMap(Month.init)) }
}

/// Every saved change of a bouwblad: who, when, which field, before and after.
final class RevisionRecord: Model, @unchecked Sendable {
    static let schema = "revisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "coalition_id") var coalitionID: UUID
    @Field(key: "bouwblad_id") var bouwbladID: UUID
    @OptionalField(key: "cycle_id") var cycleID: UUID?
    @Field(key: "field") var field: String
    @Field(key: "before") var before: String
    @Field(key: "after") var after: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwbladID, $cycleID, $field, $before, $after, $userID, $createdAt]) }

    init(coalitionID: UUID, bouwbladID: UUID, cycleID: UUID?, field: String, before: String, after: String, userID: UUID, createdAt: Date) {
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
final class ContributorRecord: Model, @unchecked Sendable {
    static let schema = "bouwblad_contributors"

    @ID(key: .id) var id: UUID?
    @Field(key: "coalition_id") var coalitionID: UUID
    @Field(key: "bouwblad_id") var bouwbladID: UUID
    @Field(key: "membership_id") var membershipID: UUID

    init() {}

    var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwbladID, $membershipID]) }

    init(coalitionID: UUID, bouwbladID: UUID, membershipID: UUID) {
        self.coalitionID = coalitionID
        self.bouwbladID = bouwbladID
        self.membershipID = membershipID
    }
}
