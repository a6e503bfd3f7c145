import App
import Domain
import Fluent
import Foundation
import Vapor

/// The demo's questionnaires: the pupils' interests with a few hundred fictional answers over
/// the three locations (one link per location), and a parents' questionnaire with too few
/// answers at De Vlinder, so the threshold of five shows. Answers are drawn from a fixed
/// sequence, so the demo looks the same every time. Loaded once.
enum DemoVragenlijsten {
    static func load(on db: any Database, coalitionID cid: UUID, locations: [String: UUID], clock: WallClock) async throws {
        let store = VragenlijstenStore(coalitionID: cid, on: db)
        guard try await store.questionnaires().isEmpty else { return }
        let today = clock.today
        var random = SplitMix64(seed: 2025)
        let places = locations.sorted { $0.key < $1.key }

        let interests = try template("interesses")
        let pupils = try await add(interests, scope: .locatie, places: places, store: store, today: today)
        // Sport and culture are popular, discovering less so; older pupils are a little less keen.
        var rows: [QuestionnaireResponseRecord] = []
        for (name, location) in places {
            let count = name == "De Vlinder" ? 64 : 118
            for n in 0..<count {
                let group = 5 + n % 4
                var values: [String: [String]] = [:]
                for question in interests.questions where question.kind == .smileys {
                    let lean = question.text.contains("sport") ? 2 : question.text.contains("ontdekken") ? 0 : 1
                    let point = lean + Int(random.next() % 3) - (group == 8 ? 1 : 0) + (random.next() % 4 == 0 ? 1 : 0)
                    values[question.id] = ["o\(min(3, max(1, point)))"]
                }
                if let several = interests.questions.first(where: { $0.kind == .severalChoices }) {
                    values[several.id] = several.options.map(\.id).filter { _ in random.next() % 3 == 0 }
                }
                if let open = interests.questions.first(where: { $0.kind == .shortText }), random.next() % 6 == 0 {
                    values[open.id] = [["Koken", "Skateboarden", "Een film maken", "Dieren verzorgen", "Schaken", "Graffiti tekenen"][Int(random.next() % 6)]]
                }
                rows.append(response(cid, pupils, location, yearGroup: group, values, day: today.adding(days: -Int(random.next() % 80))))
            }
        }

        let parents = try template("ouders")
        let parentsID = try await add(parents, scope: .locatie, places: places, store: store, today: today)
        let perLocation = ["De Regenboog": 12, "Het Anker": 7, "De Vlinder": 3]
        for (name, location) in places {
            for _ in 0..<(perLocation[name] ?? 0) {
                var values: [String: [String]] = [:]
                for question in parents.questions where question.kind.isScale {
                    values[question.id] = ["o\(min(question.options.count, 2 + Int(random.next() % UInt64(question.options.count - 1))))"]
                }
                if random.next() % 3 == 0 { values["v5"] = [["Meer informatie vooraf over de activiteiten.", "Graag ook activiteiten in de vakantie.", "Het was prima zo."][Int(random.next() % 3)]] }
                rows.append(response(cid, parentsID, location, yearGroup: nil, values, day: today.adding(days: -Int(random.next() % 30))))
            }
        }
        try await rows.create(on: db)
    }

    private static func template(_ key: String) throws -> QuestionnaireTemplate {
        guard let template = QuestionnaireTemplate.named(key, domains: ActivityDomains.defaults) else { throw Abort(.internalServerError, reason: "no template \(key)") }
        return template
    }

    private static func add(_ template: QuestionnaireTemplate, scope: QuestionnaireScope, places: [(key: String, value: UUID)],
                            store: VragenlijstenStore, today: IsoDate) async throws -> UUID {
        let record = QuestionnaireRecord(coalitionID: store.coalitionID, QuestionnaireInput(
            title: template.title, intro: template.intro, audience: template.audience, scope: scope, opensOn: today.adding(days: -90), closesOn: nil),
            questions: QuestionList(template.questions))
        record.status = QuestionnaireStatus.open.rawValue
        try await store.add(record)
        let id = try record.requireID()
        try await store.addMissingLinks(of: id, places: places.map { (location: $0.value, activity: nil) })
        return id
    }

    private static func response(_ cid: UUID, _ questionnaire: UUID, _ location: UUID, yearGroup: Int?, _ values: [String: [String]], day: IsoDate) -> QuestionnaireResponseRecord {
        QuestionnaireResponseRecord(coalitionID: cid, questionnaireID: questionnaire, locationID: location, activityID: nil, yearGroup: yearGroup,
                                    device: nil, answers: Answers(values), submittedOn: day.iso, source: "demo")
    }
}
