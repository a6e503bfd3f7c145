import Domain
import Fluent
import Foundation

/// The only code that queries the coalition's locations, partners, their staff and which
/// coordinator keeps which location. Made with the tenant: an id of another coalition
/// finds nothing and changes nothing.
package struct PlacesStore: TenantStore {
    package let coalitionID: UUID
    package let db: any Database

    package init(coalitionID: UUID, db: any Database) { (self.coalitionID, self.db) = (coalitionID, db) }

    // MARK: locations

    package func locations() async throws -> [LocationRecord] {
        try await LocationRecord.query(on: db).filter(\.$coalitionID == coalitionID).sort(\.$name).all()
    }

    func location(_ id: UUID) async throws -> LocationRecord? {
        try await LocationRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).first()
    }

    /// Adds the location and links the chosen coordinators. Run it inside a transaction.
    func add(_ location: LocationRecord, coordinators: [UUID]) async throws {
        location.coalitionID = coalitionID
        try await location.create(on: db)
        try await link(location: location.requireID(), coordinators: coordinators)
    }

    /// Saves the location based on `version` and replaces its coordinators; false when
    /// someone else saved in between. Run it inside a transaction.
    func update(location id: UUID, from version: Int, _ input: LocationInput, coordinators: [UUID], now: Date) async throws -> Bool {
        guard try await update(LocationRecord.schema, id: id, from: version, set: [
            ("name", input.name), ("school", input.school), ("address", input.address), ("year_groups", input.yearGroups?.stored ?? ""),
        ], now: now) else { return false }
        try await MembershipLocationRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$locationID == id).delete()
        try await link(location: id, coordinators: coordinators)
        return true
    }

    private func link(location: UUID, coordinators: [UUID]) async throws {
        for membership in coordinators {
            try await MembershipLocationRecord(coalitionID: coalitionID, membershipID: membership, locationID: location).create(on: db)
        }
    }

    /// The memberships that coordinate this location.
    func coordinators(of location: UUID) async throws -> [UUID] {
        try await MembershipLocationRecord.query(on: db).filter(\.$coalitionID == coalitionID)
            .filter(\.$locationID == location).all().map(\.membershipID)
    }

    /// The locations this person coordinates: a coordinator's own, nobody else's.
    static func coordinated(by tenant: Tenant, on db: any Database) async throws -> Set<UUID> {
        guard tenant.role == .coordinator else { return [] }
        return try await PlacesStore(tenant, on: db).locations(keptBy: tenant.membership.requireID())
    }

    /// The locations one coordinator keeps.
    func locations(keptBy membership: UUID) async throws -> Set<UUID> {
        Set(try await MembershipLocationRecord.query(on: db)
            .filter(\.$coalitionID == coalitionID).filter(\.$membershipID == membership)
            .all().map(\.locationID))
    }

    /// Every coordinator of the coalition by name, and the names per location.
    func coordinators() async throws -> (members: [(UUID, String)], byLocation: [UUID: [String]]) {
        let memberships = try await MembershipRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$role == .coordinator).allWithUser()
        let members = try memberships.map { (try $0.requireID(), $0.user.name) }
        let names = Dictionary(uniqueKeysWithValues: members)
        let links = try await MembershipLocationRecord.query(on: db).filter(\.$coalitionID == coalitionID).all()
        var byLocation: [UUID: [String]] = [:]
        for link in links { if let name = names[link.membershipID] { byLocation[link.locationID, default: []].append(name) } }
        return (members.sorted { $0.1 < $1.1 }, byLocation)
    }

    // MARK: partners

    package func partners() async throws -> [PartnerRecord] {
        try await PartnerRecord.query(on: db).filter(\.$coalitionID == coalitionID).sort(\.$name).all()
    }

    func partner(_ id: UUID) async throws -> PartnerRecord? {
        try await PartnerRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).first()
    }

    func add(_ partner: PartnerRecord) async throws {
        partner.coalitionID = coalitionID
        try await partner.create(on: db)
    }

    func update(partner id: UUID, from version: Int, _ input: PartnerInput, now: Date) async throws -> Bool {
        try await update(PartnerRecord.schema, id: id, from: version, set: [
            ("name", input.name), ("kind", input.kind), ("wijk", input.wijk), ("contact_name", input.contactName), ("contact_email", input.contactEmail),
        ], now: now)
    }

    // MARK: staff

    /// Every partner's staff, by name.
    func staff() async throws -> [StaffRecord] {
        try await StaffRecord.query(on: db).filter(\.$coalitionID == coalitionID).sort(\.$name).all()
    }

    func staff(of partner: UUID) async throws -> [StaffRecord] {
        try await StaffRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$partnerID == partner).sort(\.$name).all()
    }

    func staffMember(_ id: UUID, of partner: UUID) async throws -> StaffRecord? {
        try await StaffRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).filter(\.$partnerID == partner).first()
    }

    func add(_ staff: StaffRecord) async throws {
        staff.coalitionID = coalitionID
        try await staff.create(on: db)
    }

    func update(staff id: UUID, from version: Int, _ input: StaffInput, now: Date) async throws -> Bool {
        try await update(StaffRecord.schema, id: id, from: version, set: [
            ("name", input.name), ("role", input.role), ("vog_date", input.vogDate?.iso),
        ], now: now)
    }

    /// Also takes the person out of every activity (the links cascade).
    func delete(_ staff: StaffRecord) async throws {
        guard staff.coalitionID == coalitionID else { return }
        try await staff.delete(on: db)
    }
}
