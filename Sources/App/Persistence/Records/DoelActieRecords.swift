import Domain
import Fluent
import Foundation

/// A goal of a cycle (step 2), with its result (step 3).
package final class DoelRecord: Model, @unchecked Sendable {
    package static let schema = "doelen"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "bouwblad_id") package var bouwbladID: UUID
    @Field(key: "cycle_id") package var cycleID: UUID
    @Field(key: "text") package var text: String
    @Field(key: "measure") package var measure: String
    @Field(key: "target") package var target: String
    @OptionalField(key: "unit") package var unit: String?
    @OptionalField(key: "deadline") package var deadline: String?
    @Field(key: "owner") package var owner: String
    @Field(key: "achieved") package var achieved: String
    /// Set by hand; nil means: computed from target and achieved value.
    @OptionalField(key: "verdict") package var verdict: String?
    /// The indicator that measures it; `achieved` is kept from it on `frozen_on`, when the cycle closed.
    @OptionalField(key: "indicator_id") package var indicatorID: UUID?
    @OptionalField(key: "frozen_on") package var frozenOn: String?
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwbladID, $cycleID, $text, $measure, $target, $unit, $deadline, $owner, $achieved, $verdict, $indicatorID, $frozenOn, $version, $createdAt, $updatedAt]) }

    /// The doel as Domain reads it (an unknown unit or verdict reads as none).
    package var value: Doel {
        get throws {
            Doel(id: try requireID(), bouwbladID: bouwbladID, cycleID: cycleID, text: text, measure: measure, target: target,
                 unit: unit.flatMap(TargetUnit.init(rawValue:)), deadline: deadline, owner: owner, achieved: achieved,
                 verdict: verdict.flatMap(Verdict.init(rawValue:)), version: version, indicatorID: indicatorID, frozenOn: frozenOn)
        }
    }

    /// A new row for `doel` in `coalitionID`.
    package convenience init(_ doel: Doel, coalitionID: UUID) {
        self.init()
        (id, self.coalitionID, bouwbladID, cycleID) = (doel.id, coalitionID, doel.bouwbladID, doel.cycleID)
        (text, measure, target, unit, deadline, owner) = (doel.text, doel.measure, doel.target, doel.unit?.rawValue, doel.deadline, doel.owner)
        (achieved, verdict, version, indicatorID, frozenOn) = (doel.achieved, doel.verdict?.rawValue, doel.version, doel.indicatorID, doel.frozenOn)
    }
}

/// An action of a cycle: who does what, when, and how far it is.
package final class ActieRecord: Model, @unchecked Sendable {
    package static let schema = "acties"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "bouwblad_id") package var bouwbladID: UUID
    @Field(key: "cycle_id") package var cycleID: UUID
    @Field(key: "text") package var text: String
    @OptionalField(key: "owner_member_id") package var ownerMemberID: UUID?
    @Field(key: "owner_name") package var ownerName: String
    @OptionalField(key: "deadline") package var deadline: String?
    @Field(key: "status") package var status: ActieStatus
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwbladID, $cycleID, $text, $ownerMemberID, $ownerName, $deadline, $status, $version, $createdAt, $updatedAt]) }

    package var value: Actie {
        get throws {
            Actie(id: try requireID(), bouwbladID: bouwbladID, cycleID: cycleID, text: text, ownerMemberID: ownerMemberID,
                  ownerName: ownerName, deadline: deadline, status: status, version: version)
        }
    }

    /// A new row for `actie` in `coalitionID`.
    package convenience init(_ actie: Actie, coalitionID: UUID) {
        self.init()
        (id, self.coalitionID, bouwbladID, cycleID) = (actie.id, coalitionID, actie.bouwbladID, actie.cycleID)
        (text, ownerMemberID, ownerName, deadline, status, version) = (actie.text, actie.ownerMemberID, actie.ownerName, actie.deadline, actie.status, actie.version)
    }
}
