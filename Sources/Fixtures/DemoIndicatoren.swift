import App
import Domain
import Fluent
import Foundation
import Vapor

/// The demo's indicators: one of every source, by result area, with hand values over three
/// school years. "Partners die willen doorgaan" turns amber, the outflow per location is
/// under its norm; the computed ones follow from the demo's activities and answers. Loaded once.
enum DemoIndicatoren {
    static func load(on db: any Database, coalitionID cid: UUID, locations: [String: UUID], enteredBy name: String, clock: WallClock) async throws {
        let store = IndicatorenStore(coalitionID: cid, on: db)
        guard try await store.indicators().isEmpty else { return }
        let parents = try await VragenlijstenStore(coalitionID: cid, on: db).questionnaires().first { $0.audienceValue == .ouders }
        func add(_ name: String, _ area: String, _ source: IndicatorSource, unit: IndicatorUnit? = nil, norm: Double, signal: Double? = nil,
                 direction: Direction = .hoger, rhythm: Rhythm = .schooljaar, perLocation: Bool = false,
                 questionnaire: UUID? = nil, question: String? = nil) async throws -> IndicatorRecord {
            let input = IndicatorInput(name: name, area: area, source: source, questionnaireID: questionnaire, questionID: question,
                                       measure: questionnaire == nil ? nil : .topTwo, unit: unit ?? source.fixedUnit ?? .percentage, direction: direction,
                                       norm: norm, signal: signal, rhythm: rhythm, perLocation: perLocation)
            let record = IndicatorRecord(coalitionID: cid, input)
            try await store.add(record)
            return record
        }
        _ = try await add("Leerlingen bereikt", "Bereik", .bereik, norm: 120, signal: 140)
        let coverage = try await add("Locaties met elk domein minstens één activiteit", "Aanbod", .dekking, norm: 100)
        // The goal about the four domains is measured by it (its cycle is open).
        if let goal = try await DoelRecord.query(on: db).filter(\.$coalitionID == cid).filter(\.$text == "Locaties met alle vier de domeinen").first() {
            (goal.indicatorID, goal.target, goal.unit, goal.achieved) = (coverage.id, "100", TargetUnit.procent.rawValue, "")
            try await goal.save(on: db)
        }
        _ = try await add("Activiteiten die lopen", "Aanbod", .activiteiten, norm: 8, rhythm: .halfjaar)
        _ = try await add("Sessies die doorgingen", "Aanbod", .sessies, norm: 90, signal: 95, rhythm: .kwartaal)
        _ = try await add("Betrokkenheid 4 of hoger", "Welbevinden en betrokkenheid", .betrokkenheid, norm: 25, signal: 35, rhythm: .halfjaar)
        _ = try await add("Welbevinden 4 of hoger", "Welbevinden en betrokkenheid", .welbevinden, norm: 30, signal: 35, rhythm: .halfjaar)
        _ = try await add("Incidenten binnen een week afgehandeld", "Kwaliteit van de activiteiten", .incidenten, norm: 100)
        if let parents, let question = parents.questionList.questions.first(where: \.kind.isScale) {
            _ = try await add("Ouders tevreden over de activiteiten", "Kwaliteit van de activiteiten", .vragenlijst, unit: .percentage, norm: 40, signal: 50,
                              questionnaire: parents.id, question: question.id)
        }
        let partners = try await add("Partners die willen doorgaan", "Samenwerking", .hand, unit: .percentage, norm: 80, signal: 90)
        let outflow = try await add("Leerlingen die naar verwachting uitstromen", "Vervolgsucces", .hand, unit: .percentage, norm: 90, perLocation: true)

        // Three school years back from the last finished one.
        let years = IndicatorPeriod.recent(4, .schooljaar, upTo: clock.today).dropLast()
        var values: [IndicatorValueRecord] = [], log: [IndicatorValueLogRecord] = []
        func enter(_ indicator: IndicatorRecord, _ period: IndicatorPeriod, place: String, _ value: Double, minute: Int = 0) throws {
            // Typed just after the school year ended, one location after the other.
            let at = Date(timeIntervalSince1970: Double(period.lastDay.adding(days: 14).dayNumber) * 86_400 + 36_000 + Double(minute * 60))
            values.append(IndicatorValueRecord(coalitionID: cid, indicatorID: try indicator.requireID(), period: period.key, place: place, value: value, by: name, at: at))
            log.append(IndicatorValueLogRecord(coalitionID: cid, indicatorID: try indicator.requireID(), period: period.key, place: place, value: value, by: name, at: at))
        }
        for (period, value) in zip(years, [96.0, 92, 86]) { try enter(partners, period, place: "", value) }
        let outflowByLocation: [String: [Double]] = ["De Regenboog": [93, 91, 88], "Het Anker": [90, 89, 85], "De Vlinder": [92, 90, 81]]
        for (minute, (location, series)) in outflowByLocation.sorted(by: { $0.key < $1.key }).enumerated() {
            guard let id = locations[location] else { continue }
            for (period, value) in zip(years, series) { try enter(outflow, period, place: id.uuidString, value, minute: minute) }
        }
        try await values.create(on: db)
        try await log.create(on: db)

        // The jaarplan's own actions this school year, outside the bouwbladen (seed 000's table).
        let year = SchoolYear(containing: clock.today)
        let plan: [(String, String, String, String, String?, ActieStatus, [IndicatorRecord])] = [
            ("Samenwerking", "Evaluatiegesprek met elke partner", "Partnerschap", name, "voor de kerstvakantie", .bezig, [partners]),
            ("Vervolgsucces", "Uitstroomcijfers per school opvragen", "Monitor", "Mohamed El Amrani", "\(year.start + 1)-03-01", .gepland, [outflow]),
            ("Aanbod", "Aanbod ontdekken uitbreiden op De Vlinder", "Nieuw aanbod", "Lotte Jansen", "\(year.start)-10-01", .gepland, [coverage]),
        ]
        // The last school year's second evaluation, written.
        let last = year.previous
        try await PlanEvaluationRecord(coalitionID: cid, year: last, moment: 2, heldOn: last.defaultEvaluationDay(2), texts: [
            "Samenwerking": "Bijna alle partners willen door. De twee die twijfelen vinden de afstemming met de scholen te los; we plannen vaste overlegmomenten.",
            "Vervolgsucces": "De uitstroom zakt op De Vlinder. We vragen de cijfers dit jaar per groep op en bespreken ze met de intern begeleider.",
        ], by: name).create(on: db)
        for (area, text, activity, owner, deadline, status, serves) in plan {
            let input = PlanActionInput(area: area, text: text, activity: activity, owner: owner, deadline: deadline.flatMap(Wanneer.parse), status: status,
                                        indicators: serves.compactMap(\.id))
            try await PlanActionRecord(coalitionID: cid, year: year, input).create(on: db)
        }
    }
}
