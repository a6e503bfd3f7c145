import Domain
import Fluent
import Foundation
import SQLKit

/// The only code that queries questionnaires, their links and their responses. Made with
/// the tenant: another coalition's ids find nothing and change nothing.
package struct VragenlijstenStore: TenantStore {
    package let coalitionID: UUID
    package let db: any Database

    package init(coalitionID: UUID, db: any Database) { (self.coalitionID, self.db) = (coalitionID, db) }

    // MARK: questionnaires

    package func questionnaires() async throws -> [QuestionnaireRecord] {
        try await QuestionnaireRecord.query(on: db).filter(\.$coalitionID == coalitionID).sort(\.$createdAt, .descending).all()
    }

    package func questionnaire(_ id: UUID) async throws -> QuestionnaireRecord? {
        try await QuestionnaireRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).first()
    }

    func questionnaires(_ ids: [UUID]) async throws -> [QuestionnaireRecord] {
        guard !ids.isEmpty else { return [] }
        return try await QuestionnaireRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$id ~~ ids).all()
    }

    package func add(_ questionnaire: QuestionnaireRecord) async throws {
        questionnaire.coalitionID = coalitionID
        try await questionnaire.create(on: db)
    }

    func update(_ id: UUID, from version: Int, _ input: QuestionnaireInput, now: Date) async throws -> Bool {
        try await update(QuestionnaireRecord.schema, id: id, from: version, set: [
            ("title", input.title), ("intro", input.intro), ("audience", input.audience.rawValue), ("scope", input.scope.rawValue),
            ("opens_on", input.opensOn?.iso), ("closes_on", input.closesOn?.iso), ("in_report", input.inReport),
        ], now: now)
    }

    func update(_ id: UUID, from version: Int, questions: QuestionList, now: Date) async throws -> Bool {
        try await update(QuestionnaireRecord.schema, id: id, from: version, set: [("questions", QuestionnaireRecord.encode(questions))], now: now)
    }

    package func update(_ id: UUID, from version: Int, status: QuestionnaireStatus, now: Date) async throws -> Bool {
        try await update(QuestionnaireRecord.schema, id: id, from: version, set: [("status", status.rawValue)], now: now)
    }

    func update(_ id: UUID, from version: Int, hidden: Set<String>, now: Date) async throws -> Bool {
        try await update(QuestionnaireRecord.schema, id: id, from: version, set: [("hidden_answers", hidden.sorted().joined(separator: "\n"))], now: now)
    }

    func delete(_ id: UUID) async throws {
        try await QuestionnaireRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).delete()
    }

    // MARK: links

    package func links(of questionnaire: UUID) async throws -> [QuestionnaireLinkRecord] {
        try await QuestionnaireLinkRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$questionnaireID == questionnaire).all()
    }

    /// Gives the questionnaire a link for each place it is scoped to that has none yet
    /// (one link when it is not scoped). Run it inside a transaction.
    package func addMissingLinks(of questionnaire: UUID, places: [(location: UUID?, activity: UUID?)]) async throws {
        let existing = try await links(of: questionnaire)
        let have = Set(existing.map { "\($0.locationID?.uuidString ?? "")|\($0.activityID?.uuidString ?? "")" })
        for place in places where !have.contains("\(place.location?.uuidString ?? "")|\(place.activity?.uuidString ?? "")") {
            try await QuestionnaireLinkRecord(coalitionID: coalitionID, questionnaireID: questionnaire, code: AnswerCode.make(),
                                              locationID: place.location, activityID: place.activity).create(on: db)
        }
    }

    // MARK: responses

    /// Sent responses (not the unfinished ones), oldest first.
    package func responses(of questionnaire: UUID) async throws -> [QuestionnaireResponseRecord] {
        try await QuestionnaireResponseRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$questionnaireID == questionnaire)
            .filter(\.$submittedOn != nil).sort(\.$submittedOn).all()
    }

    /// The sent responses of several questionnaires in one query, per questionnaire: what
    /// the indicators read (day, location, answers).
    func responses(of questionnaires: [UUID]) async throws -> [UUID: [IndicatorData.Response]] {
        guard !questionnaires.isEmpty else { return [:] }
        struct Row: Decodable { let questionnaire_id: UUID; let location_id: UUID?; let answers: String; let submitted_on: String }
        let rows = try await db.sql.select().columns("questionnaire_id", "location_id", "answers", "submitted_on")
            .from(QuestionnaireResponseRecord.schema).where("coalition_id", .equal, coalitionID)
            .where("questionnaire_id", .in, questionnaires).where("submitted_on", .isNot, SQLLiteral.null)
            .all(decoding: Row.self)
        let decoder = JSONDecoder()
        return Dictionary(grouping: rows.compactMap { row -> (UUID, IndicatorData.Response)? in
            guard let day = IsoDate(row.submitted_on), let answers = try? decoder.decode(Answers.self, from: Data(row.answers.utf8)) else { return nil }
            return (row.questionnaire_id, IndicatorData.Response(day: day, locationID: row.location_id?.uuidString, answers: answers))
        }, by: \.0).mapValues { $0.map(\.1) }
    }

    /// Sent responses per questionnaire.
    func responseCounts() async throws -> [UUID: Int] {
        let rows = try await db.sql.select().column("questionnaire_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(QuestionnaireResponseRecord.schema).where("coalition_id", .equal, coalitionID).where("submitted_on", .isNot, SQLLiteral.null)
            .groupBy("questionnaire_id").all()
        var counts: [UUID: Int] = [:]
        for row in rows { counts[try row.decode(column: "questionnaire_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self) }
        return counts
    }

    /// Every response, sent or not: a questionnaire with any cannot change its questions freely.
    package func hasResponses(_ questionnaire: UUID) async throws -> Bool {
        try await QuestionnaireResponseRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$questionnaireID == questionnaire).first() != nil
    }

    func response(of questionnaire: UUID, device: String) async throws -> QuestionnaireResponseRecord? {
        try await QuestionnaireResponseRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$questionnaireID == questionnaire)
            .filter(\.$device == device).first()
    }

    func countAll(of questionnaire: UUID) async throws -> Int {
        try await QuestionnaireResponseRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$questionnaireID == questionnaire).count()
    }

    package func add(_ response: QuestionnaireResponseRecord) async throws {
        response.coalitionID = coalitionID
        try await response.create(on: db)
    }

    /// Saves a respondent's answers again, unless they were sent already. False when sent.
    func update(response id: UUID, answers: Answers, yearGroup: Int?, submittedOn: String?) async throws -> Bool {
        let rows = try await db.sql.update(QuestionnaireResponseRecord.schema)
            .set("answers", to: QuestionnaireResponseRecord.encode(answers)).set("year_group", to: yearGroup).set("submitted_on", to: submittedOn)
            .where("id", .equal, id).where("coalition_id", .equal, coalitionID).where("submitted_on", .is, SQLLiteral.null)
            .returning("id").all()
        return !rows.isEmpty
    }
}

/// The short code of a public link: six letters and digits that cannot be mistaken for each
/// other (no 0/O, 1/I/L), shown as "K7M-4PX" and typed in any case, with or without the dash.
enum AnswerCode {
    static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    static func make() -> String {
        var rng = SystemRandomNumberGenerator()
        return String((0..<6).map { _ in alphabet.randomElement(using: &rng)! })
    }

    /// What someone typed, as stored: nil when it cannot be a code.
    static func normalised(_ typed: String) -> String? {
        let code = typed.uppercased().filter { !" -".contains($0) }
        guard code.count == 6, code.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return code
    }

    static func display(_ code: String) -> String { "\(code.prefix(3))-\(code.dropFirst(3))" }
}

/// Finds a public link by its code. The code names its coalition (like an invitation), so
/// this is not made with a tenant; what it finds comes with the store of that coalition.
struct AnswerLinks {
    let db: any Database

    func find(_ code: String) async throws -> (QuestionnaireLinkRecord, QuestionnaireRecord, VragenlijstenStore)? {
        guard let link = try await QuestionnaireLinkRecord.query(on: db).filter(\.$code == code).first() else { return nil }
        let store = VragenlijstenStore(coalitionID: link.coalitionID, db: db)
        guard let questionnaire = try await store.questionnaire(link.questionnaireID) else { return nil }
        return (link, questionnaire, store)
    }
}

extension VragenlijstenStore {
    // MARK: imports

    /// Keeps a read export for its preview; exports older than a day are removed on the way.
    func add(_ pending: QuestionnaireImportRecord, now: Date) async throws {
        try await QuestionnaireImportRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$createdAt < now.addingTimeInterval(-86_400)).delete()
        pending.coalitionID = coalitionID
        try await pending.create(on: db)
    }

    func pendingImport(_ id: UUID, of questionnaire: UUID) async throws -> QuestionnaireImportRecord? {
        try await QuestionnaireImportRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).filter(\.$questionnaireID == questionnaire).first()
    }

    /// Adds the imported responses and removes the pending export: run it in a transaction.
    func confirm(_ pending: QuestionnaireImportRecord, responses: [QuestionnaireResponseRecord]) async throws {
        for batch in stride(from: 0, to: responses.count, by: 500) {
            try await Array(responses[batch..<min(batch + 500, responses.count)]).create(on: db)
        }
        try await QuestionnaireImportRecord.query(on: db).filter(\.$id == pending.requireID()).filter(\.$coalitionID == coalitionID).delete()
    }
}
