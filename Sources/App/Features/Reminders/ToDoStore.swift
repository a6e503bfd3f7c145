import Domain
import Fluent
import Foundation

/// The reads behind "Wat moet ik nu doen?" that no other store has: a member's own acties,
/// bouwbladen and locations, sessions not filled in, open incidents, meetings, the final report.
struct ToDoStore: TenantStore {
    let coalitionID: UUID
    let db: any Database

    /// Open acties of this member with a date, at most 200.
    func acties(of membershipID: UUID) async throws -> [ActieRecord] {
        try await ActieRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$ownerMemberID == membershipID)
            .filter(\.$status ~~ [.gepland, .bezig]).filter(\.$deadline != nil).sort(\.$deadline).range(..<200).all()
    }

    /// The bouwbladen this member contributes to.
    func bouwbladen(of membershipID: UUID) async throws -> Set<UUID> {
        Set(try await ContributorRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$membershipID == membershipID).all().map(\.bouwbladID))
    }

    /// Activities of a partner organisation, or at the given school locations.
    func activities(partner: UUID?, locations: Set<UUID>) async throws -> [ActivityRecord] {
        var query = ActivityRecord.query(on: db).filter(\.$coalitionID == coalitionID)
        if let partner { query = query.filter(\.$partnerID == partner) } else { query = query.filter(\.$locationID ~~ locations) }
        return try await query.range(..<500).all()
    }

    /// Sessions of these activities between `from` and `to` (inclusive) that are not
    /// cancelled and have no number of pupils yet.
    func unfilledSessions(of activities: Set<UUID>, from: IsoDate, to: IsoDate) async throws -> [ActivitySessionRecord] {
        guard !activities.isEmpty else { return [] }
        return try await ActivitySessionRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$activityID ~~ activities)
            .filter(\.$cancelled == false).filter(\.$pupils == nil).filter(\.$date >= from.iso).filter(\.$date <= to.iso)
            .sort(\.$date).range(..<1000).all()
    }

    /// How many incidents are not handled.
    func openIncidents() async throws -> Int {
        try await ActivitySessionRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$incident == true)
            .filter(\.$incidentHandledAt == nil).count()
    }

    /// Planned meetings from `from` to `to`.
    func meetings(from: IsoDate, to: IsoDate) async throws -> [MeetingRecord] {
        try await MeetingRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$status == .gepland)
            .filter(\.$day >= from.iso).filter(\.$day <= to.iso).sort(\.$day).range(..<100).all()
    }

    /// Whether a final (not concept) version of the report is frozen.
    func hasFinalReport() async throws -> Bool {
        try await ReportVersionRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$isConcept == false).first() != nil
    }
}
