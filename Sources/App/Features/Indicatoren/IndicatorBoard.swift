import Domain
import Fluent
import Vapor

/// Every indicator of the coalition with its trend, computed from one `IndicatorData` read
/// in a fixed number of queries (however many indicators and periods there are) and kept
/// until the coalition changes. Narrowed to what the person may see.
struct IndicatorBoard: Sendable {
    struct Row: Sendable {
        let record: IndicatorRecord
        let trend: [IndicatorPoint]
        var latest: IndicatorPoint? { trend.latest }
    }

    let rows: [Row]
    let data: IndicatorData

    static func load(_ req: Request, _ access: IndicatorAccess) async throws -> IndicatorBoard {
        let all = try await req.cached("indicatoren") { try await Self.read(access.tenant.coalitionID, req.db) }
        let data = access.narrow(all.data)
        let today = req.today
        let rows = all.records.filter(access.maySee).map { Row(record: $0, trend: $0.definition.trend(in: data, today: today)) }
        return IndicatorBoard(rows: rows, data: data)
    }

    /// What one read holds: the indicators and the whole coalition's data.
    struct Read: Sendable { let records: [IndicatorRecord]; let data: IndicatorData }

    static func read(_ coalition: UUID, _ db: any Database) async throws -> Read {
        let records = try await IndicatorenStore(coalitionID: coalition, on: db).indicators()
        let book = ActiviteitenStore(coalitionID: coalition, on: db)
        let settings = try await book.settings()
        let locations = try await PlacesStore(coalitionID: coalition, on: db).locations().map { try $0.requireID().uuidString }
        let activities = try await book.unsortedActivities(.all).compactMap { a -> IndicatorData.Activity? in
            guard let from = IsoDate(a.startsOn), let to = IsoDate(a.endsOn), let period = DateRange(from: from, to: to) else { return nil }
            return IndicatorData.Activity(id: try a.requireID().uuidString, locationID: a.locationID.uuidString, partnerID: a.partnerID?.uuidString,
                                          domain: a.domain, period: period, status: a.status)
        }
        let sessions = try await book.sessionFacts()
        // Only the questionnaires indicators point to, in two queries for all of them.
        let asked = Array(Set(records.compactMap(\.questionnaireID)))
        var questionnaires: [String: (questions: [Question], responses: [IndicatorData.Response])] = [:]
        if !asked.isEmpty {
            let store = VragenlijstenStore(coalitionID: coalition, on: db)
            let responses = try await store.responses(of: asked)
            for q in try await store.questionnaires(asked) {
                let id = try q.requireID()
                questionnaires[id.uuidString] = (q.questionList.questions, responses[id] ?? [])
            }
        }
        let hand = try await IndicatorenStore(coalitionID: coalition, on: db).handValues()
        var data = IndicatorData(locations: locations, domains: settings.domains, minimumPerCell: settings.minimumPerCell,
                                 activities: activities, sessions: sessions, questionnaires: questionnaires, hand: hand)
        // The meetings and rules, in two queries, only when an indicator counts a rule.
        if records.contains(where: { $0.cadenceRuleID != nil }) {
            let overleg = OverlegStore(coalitionID: coalition, on: db)
            data.cadenceRules = Dictionary(uniqueKeysWithValues: try await overleg.rules().compactMap { r in r.id.flatMap { id in r.rule.map { (id.uuidString, $0) } } })
            data.meetings = try await overleg.allMeetings().compactMap(\.value)
                .map { CadenceMeeting(day: $0.day, kind: $0.kind, organisations: $0.counted, held: $0.status == .gehouden) }
        }
        return Read(records: records, data: data)
    }
}
