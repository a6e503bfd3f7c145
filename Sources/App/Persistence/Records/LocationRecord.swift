import Fluent
import Foundation

/// A school location of a coalition.
final class LocationRecord: Model, @unchecked Sendable {
    static let schema = "locations"

    @ID(key: .id) var id: UUID?
    @Field(key: "coalition_id") var coalitionID: UUID
    @Field(key: "name") var name: String
    @Field(key: "school") var school: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, coalitionID: UUID, name: String, school: String) {
        self.id = id
        self.coalitionID = coalitionID
        self.name = name
        self.school = school
    }
}

/// An organisation that offers activities to pupils (sport club, library, …).
final class PartnerRecord: Model, @unchecked Sendable {
    static let schema = "partner_organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "coalition_id") var coalitionID: UUID
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, coalitionID: UUID, name: String, kind: String) {
        self.id = id
        self.coalitionID = coalitionID
        self.name = name
        self.kind = kind
    }
}
