import Fluent
import Foundation

/// "Naastgelegen bouwsteen": this bouwblad (or one of its cycles) affects another
/// bouwsteen, optionally a specific bouwblad there.
package final class LinkRecord: Model, @unchecked Sendable {
    package static let schema = "links"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "bouwblad_id") package var bouwbladID: UUID
    @OptionalField(key: "cycle_id") package var cycleID: UUID?
    @Field(key: "target_bouwsteen_id") package var targetBouwsteenID: UUID
    @OptionalField(key: "target_bouwblad_id") package var targetBouwbladID: UUID?
    @Field(key: "note") package var note: String
    @Field(key: "created_by") package var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwbladID, $cycleID, $targetBouwsteenID, $targetBouwbladID, $note, $createdBy, $createdAt]) }

    package init(coalitionID: UUID, bouwbladID: UUID, cycleID: UUID?, targetBouwsteenID: UUID, targetBouwbladID: UUID?, note: String, createdBy: UUID) {
        self.coalitionID = coalitionID
        self.bouwbladID = bouwbladID
        self.cycleID = cycleID
        self.targetBouwsteenID = targetBouwsteenID
        self.targetBouwbladID = targetBouwbladID
        self.note = note
        self.createdBy = createdBy
    }
}
