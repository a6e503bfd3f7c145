import Fluent
import Foundation

/// A school location of a coalition.
final class LocationRecord: Model, @unchecked Sendable {
    static let schema = "locations"

    @ID(key: .id) var id: UUID?
    @Field(key: "coalition_id") var coalitionID: UUID
    @Field(key: "name") var name: String
    @Field(key: "school") var school: String
    @Field(key: "address") var address: String
    /// Stored as "1,2,3"; see `YearGroups`.
    @Field(key: "year_groups") var yearGroups: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var properties: [any AnyProperty] { listed([$id, $coalitionID, $name, $school, $address, $yearGroups, $version, $createdAt, $updatedAt]) }

    init(id: UUID? = nil, coalitionID: UUID, name: String, school: String, address: String = "", yearGroups: String = "") {
        self.id = id
        self.coalitionID = coalitionID
        self.name = name
        self.school = school
        self.address = address
        self.yearGroups = yearGroups
        self.version = 1
    }
}

/// An organisation that offers activities to pupils (sport club, library, …).
final class PartnerRecord: Model, @unchecked Sendable {
    static let schema = "partner_organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "coalition_id") var coalitionID: UUID
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Field(key: "contact_name") var contactName: String
    @Field(key: "contact_email") var contactEmail: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var properties: [any AnyProperty] { listed([$id, $coalitionID, $name, $kind, $contactName, $contactEmail, $version, $createdAt, $updatedAt]) }

    init(id: UUID? = nil, coalitionID: UUID, name: String, kind: String, contactName: String = "", contactEmail: String = "") {
        self.id = id
        self.coalitionID = coalitionID
        self.name = name
        self.kind = kind
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.version = 1
    }
}
