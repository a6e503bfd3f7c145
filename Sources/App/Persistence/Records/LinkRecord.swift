import Fluent
import Foundation

/// "Naastgelegen bouwsteen": this bouwblad (or one of its cycles) affects another
/// bouwsteen, optionally a specific bouwblad there.
final class LinkRecord: Model, @unchecked Sendable {
    static let schema = "links"

    @ID(key: .id) var id: UUID?
    @Field(key: "coalition_id") var coalitionID: UUID
    @Field(key: "bouwblad_id") var bouwbladID: UUID
    @OptionalField(key: "cycle_id") var cycleID: UUID?
    @Field(key: "target_bouwsteen_id") var targetBouwsteenID: UUID
    @OptionalField(key: "target_bouwblad_id") var targetBouwbladID: UUID?
    @Field(key: "note") var note: String
    @Field(key: "created_by") var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwbladID, $cycleID, $targetBouwsteenID, $targetBouwbladID, $note, $createdBy, $createdAt]) }

    init(coalitionID: UUID, bouwbladID: UUID, cycleID: UUID?, targetBouwsteenID: UUID, targetBouwbladID: UUID?, note: String, createdBy: UUID) {
        self.coalitionID = coalitionID
        self.bouwbladID = bouwbladID
        self.cycleID = cycleID
        self.targetBouwsteenID = targetBouwsteenID
        self.targetBouwbladID = targetBouwbladID
        self.note = note
        self.createdBy = createdBy
    }
}
