import Domain
import Fluent
import Vapor

/// What the results page, its CSV and "Overzicht invoegen" read: the sent responses with
/// their anonymity cells, the person's own activities (a partner), the names, and the filter
/// chosen (from the query, or the form that carries it on).
struct ResultsQuery {
    let results: Results
    /// A partner's own activities; nil for everyone else.
    let own: Set<UUID>?
    let locations: [LocationRecord]
    let activities: [ActivityRecord]
    let usedLocations: Set<UUID>
    let usedActivities: Set<UUID>
    let hasYearGroups: Bool
    let filter: Results.Filter
    let filterB: Results.Filter
    var compare: Bool { filterB.from != nil || filterB.to != nil }

    static func load(_ req: Request, _ access: VragenlijstAccess, _ q: QuestionnaireRecord, value: (String) -> String?) async throws -> ResultsQuery {
        let id = try q.requireID()
        // Kept until the coalition changes (a new answer changes it): reading the results
        // again, with another filter, costs no reading and decoding of every response.
        let results = try await req.cached("vragenlijst-resultaten \(id)") {
            Results(records: try await access.store(req.db).responses(of: id))
        }
        let locations = try await PlacesStore(access.tenant, on: req.db).locations()
        let activities = try await ActiviteitenStore(access.tenant, on: req.db).activities(access.ownPartner.map { .partner($0) } ?? .all)
        let own: Set<UUID>? = access.role == .partner ? Set(try activities.map { try $0.requireID() }) : nil
        func uuid(_ name: String) -> UUID? { value(name).flatMap { UUID(uuidString: String($0.prefix(36))) } }
        func month(_ name: String) -> String? { value(name).flatMap { results.months.contains($0) ? $0 : nil } }
        let group = value("groep").flatMap { Int($0.prefix(2)) }.flatMap { (1...8).contains($0) ? $0 : nil }
        let filter = Results.Filter(location: uuid("locatie"), activity: uuid("activiteit"), yearGroup: group, from: month("van"), to: month("tot"))
        var filterB = filter
        (filterB.from, filterB.to) = (month("van2"), month("tot2"))
        return ResultsQuery(results: results, own: own, locations: locations, activities: activities,
                            usedLocations: Set(results.responses.compactMap(\.location)), usedActivities: Set(results.responses.compactMap(\.activity)),
                            hasYearGroups: results.responses.contains { $0.yearGroup != nil }, filter: filter, filterB: filterB)
    }

    func shown(_ filter: Results.Filter) -> [Results.Response] { results.shown(filter, activities: own) }

    /// "Hele periode", "okt 2026 – dec 2026".
    static func range(_ f: Results.Filter) -> String {
        func label(_ m: String) -> String { Month(m)?.label ?? m }
        switch (f.from, f.to) {
        case (nil, nil): return "Hele periode"
        case let (from?, nil): return "Vanaf \(label(from))"
        case let (nil, to?): return "Tot en met \(label(to))"
        case let (from?, to?): return "\(label(from)) – \(label(to))"
        }
    }

    /// The filter in words, for the summary: "De Regenboog, groep 7, okt 2026 – dec 2026".
    func label(_ f: Results.Filter) -> String {
        var parts: [String] = []
        if let l = f.location, let name = locations.first(where: { $0.id == l })?.name { parts.append(name) }
        if let a = f.activity, let name = activities.first(where: { $0.id == a })?.name { parts.append(name) }
        if let g = f.yearGroup { parts.append("groep \(g)") }
        parts.append(Self.range(f).lowercased())
        return parts.joined(separator: ", ")
    }

    /// The filter as form fields, to carry it to "Overzicht invoegen".
    var fields: [(name: String, value: String)] {
        [("locatie", filter.location?.uuidString ?? ""), ("activiteit", filter.activity?.uuidString ?? ""), ("groep", filter.yearGroup.map(String.init) ?? ""),
         ("van", filter.from ?? ""), ("tot", filter.to ?? "")]
    }
}

extension QuestionnaireSummary {
    /// The dated summary for step 3 of a bouwblad, over what the filter shows.
    static func text(_ q: QuestionnaireRecord, _ query: ResultsQuery, today: IsoDate) -> String? {
        let shown = query.shown(query.filter)
        guard shown.count >= Anonymity.minimum else { return nil }
        return lines(title: q.title, audience: q.audienceValue.label.lowercased(), scope: query.label(query.filter), count: shown.count,
                     questions: q.questionList, answers: shown.map(\.answers), today: today).joined(separator: "\n")
    }
}
