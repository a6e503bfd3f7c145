import Domain
import Foundation

/// The results of a questionnaire for one choice of filters, built from the responses in
/// memory. Every response is first given its anonymity cell (`Anonymity`), over month, year
/// group, activity and location (a small group gives up its month first and its location
/// last); a filter then takes whole cells, so nothing shown rests on fewer than five
/// respondents.
struct Results: Sendable {
    struct Response: Sendable {
        let id: UUID
        let location: UUID?
        let activity: UUID?
        let yearGroup: Int?
        let month: String?
        let answers: Answers
    }

    /// What the person chose; nil is "all". Months are "2026-03"; a range holds both ends.
    struct Filter: Equatable {
        var location: UUID?
        var activity: UUID?
        var yearGroup: Int?
        var from: String?
        var to: String?
    }

    let responses: [Response]
    let cells: [Anonymity.Cell]?

    init(_ responses: [Response]) {
        self.responses = responses
        cells = Anonymity.cells(responses.map { [$0.month, $0.yearGroup.map(String.init), $0.activity?.uuidString, $0.location?.uuidString] })
    }

    /// From the stored responses: months instead of days.
    init(records: [QuestionnaireResponseRecord]) {
        self.init(records.map {
            Response(id: $0.id!, location: $0.locationID, activity: $0.activityID, yearGroup: $0.yearGroup,
                     month: $0.submittedOn.map { String($0.prefix(7)) }, answers: $0.answerValues)
        })
    }

    /// The responses a filter shows, limited to `activities` when given (a partner's own).
    func shown(_ filter: Filter, activities: Set<UUID>? = nil) -> [Response] {
        guard let cells else { return [] }
        return zip(responses, cells).filter { _, cell in
            let wanted: Anonymity.Filter = [nil, filter.yearGroup.map(String.init), filter.activity?.uuidString, filter.location?.uuidString]
            guard Anonymity.matches(cell, wanted) else { return false }
            if let activities, !(cell[2].flatMap { UUID(uuidString: $0) }.map(activities.contains) ?? false) { return false }
            if filter.from != nil || filter.to != nil {
                guard let month = cell[0] else { return false }
                if let from = filter.from, month < from { return false }
                if let to = filter.to, month > to { return false }
            }
            return true
        }.map(\.0)
    }

    /// Whether some responses the filter asks for are not in `shown`: counted in a larger
    /// group. Only yes or no: their number would itself be a result of a small group.
    func hasMerged(_ filter: Filter, activities: Set<UUID>?, shown: Int) -> Bool {
        let asked = responses.filter { r in
            (filter.location == nil || r.location == filter.location) && (filter.activity == nil || r.activity == filter.activity)
                && (filter.yearGroup == nil || r.yearGroup == filter.yearGroup)
                && (activities == nil || r.activity.map { activities!.contains($0) } == true)
                && (filter.from == nil || (r.month ?? "") >= filter.from!) && (filter.to == nil || (r.month.map { $0 <= filter.to! } ?? false))
        }.count
        return asked > shown
    }

    /// The months that have responses, for the period choice.
    var months: [String] { Array(Set(responses.compactMap(\.month))).sorted() }
}
