import Domain
import Fluent
import Foundation

/// "Naastgelegen bouwsteen": this bouwblad (or one of its cycles) affects a bouwsteen (its
/// own or another, or one not chosen yet), optionally a specific bouwblad there, in the
/// coalition's own word for the move (`kind`, a `LinkKind`; nil for links from before).
package final class LinkRecord: Model, @unchecked Sendable {
    package static let schema = "links"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "bouwblad_id") package var bouwbladID: UUID
    @OptionalField(key: "cycle_id") package var cycleID: UUID?
    @OptionalField(key: "target_bouwsteen_id") package var targetBouwsteenID: UUID?
    @OptionalField(key: "target_bouwblad_id") package var targetBouwbladID: UUID?
    @Field(key: "note") package var note: String
    @OptionalField(key: "kind") package var kindCode: String?
    @Field(key: "created_by") package var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    package init() {}

    package var kind: LinkKind? { kindCode.flatMap(LinkKind.init(rawValue:)) }

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwbladID, $cycleID, $targetBouwsteenID, $targetBouwbladID, $note, $kindCode, $createdBy, $createdAt]) }

    package init(coalitionID: UUID, bouwbladID: UUID, cycleID: UUID?, targetBouwsteenID: UUID?, targetBouwbladID: UUID?, note: String, kind: LinkKind? = nil, createdBy: UUID) {
        self.coalitionID = coalitionID
        self.bouwbladID = bouwbladID
        self.cycleID = cycleID
        self.targetBouwsteenID = targetBouwsteenID
        self.targetBouwbladID = targetBouwbladID
        self.note = note
        self.kindCode = kind?.rawValue
        self.createdBy = createdBy
    }
}
