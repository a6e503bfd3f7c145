import Fluent
import Foundation

/// A school location of a coalition.
package final class LocationRecord: Model, @unchecked Sendable {
    package static let schema = "locations"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "name") package var name: String
    @Field(key: "school") package var school: String
    @Field(key: "address") package var address: String
    /// Stored as "1,2,3"; see `YearGroups`.
    @Field(key: "year_groups") package var yearGroups: String
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $name, $school, $address, $yearGroups, $version, $createdAt, $updatedAt]) }

    package init(id: UUID? = nil, coalitionID: UUID, name: String, school: String, address: String = "", yearGroups: String = "") {
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
package final class PartnerRecord: Model, @unchecked Sendable {
    package static let schema = "partner_organisations"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "name") package var name: String
    @Field(key: "kind") package var kind: String
    /// The wijk or kern where it works; empty for the whole municipality.
    @Field(key: "wijk") package var wijk: String
    @Field(key: "contact_name") package var contactName: String
    @Field(key: "contact_email") package var contactEmail: String
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $name, $kind, $wijk, $contactName, $contactEmail, $version, $createdAt, $updatedAt]) }

    package init(id: UUID? = nil, coalitionID: UUID, name: String, kind: String, wijk: String = "", contactName: String = "", contactEmail: String = "") {
        self.id = id
        self.coalitionID = coalitionID
        self.name = name
        self.kind = kind
        self.wijk = wijk
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.version = 1
    }
}
