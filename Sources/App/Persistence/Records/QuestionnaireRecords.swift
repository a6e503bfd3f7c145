import Domain
import Fluent
import Foundation

/// A questionnaire: its settings and its questions (JSON, one version for the whole list,
/// so two people editing questions never overwrite each other).
package final class QuestionnaireRecord: Model, @unchecked Sendable {
    package static let schema = "questionnaires"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "title") package var title: String
    @Field(key: "intro") package var intro: String
    @Field(key: "audience") package var audience: String
    @Field(key: "scope") package var scope: String
    @Field(key: "status") package var status: String
    @OptionalField(key: "opens_on") package var opensOn: String?
    @OptionalField(key: "closes_on") package var closesOn: String?
    /// `QuestionList` as JSON.
    @Field(key: "questions") package var questions: String
    /// Open answers the projectleider hid because they name someone: "v5:<response id>" per line.
    @Field(key: "hidden_answers") package var hiddenAnswers: String
    /// Its summary table goes into the kwaliteitsrapport.
    @Field(key: "in_report") package var inReport: Bool
    /// A coordinator's questionnaire: the locations it is for, comma-separated; empty for
    /// the whole coalition.
    @Field(key: "location_ids") package var locationIDs: String
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] {
        listed([$id, $coalitionID, $title, $intro, $audience, $scope, $status, $opensOn, $closesOn, $questions, $hiddenAnswers, $inReport, $locationIDs, $version, $createdAt, $updatedAt])
    }

    package init(coalitionID: UUID, _ input: QuestionnaireInput, questions: QuestionList, locations: Set<UUID> = []) {
        self.coalitionID = coalitionID
        title = input.title
        intro = input.intro
        audience = input.audience.rawValue
        scope = input.scope.rawValue
        status = QuestionnaireStatus.concept.rawValue
        opensOn = input.opensOn?.iso
        closesOn = input.closesOn?.iso
        self.questions = Self.encode(questions)
        hiddenAnswers = ""
        inReport = input.inReport
        locationIDs = locations.map(\.uuidString).sorted().joined(separator: ",")
        version = 1
    }

    package var questionList: QuestionList {
        (try? JSONDecoder().decode(QuestionList.self, from: Data(questions.utf8))) ?? QuestionList()
    }

    package var statusValue: QuestionnaireStatus { QuestionnaireStatus(rawValue: status) ?? .concept }
    package var audienceValue: Audience { Audience(rawValue: audience) ?? .leerlingen }
    package var scopeValue: QuestionnaireScope { QuestionnaireScope(rawValue: scope) ?? .geen }
    /// The locations a coordinator made it for; empty: the whole coalition.
    package var locations: Set<UUID> { Set(locationIDs.split(separator: ",").compactMap { UUID(uuidString: String($0)) }) }
    package var hidden: Set<String> { Set(hiddenAnswers.split(separator: "\n").map(String.init)) }

    /// Whether a respondent may answer today: open, and within its period.
    package func isOpen(on today: IsoDate) -> Bool {
        guard statusValue == .open else { return false }
        if let opens = opensOn.flatMap(IsoDate.init), today < opens { return false }
        if let closes = closesOn.flatMap(IsoDate.init), closes < today { return false }
        return true
    }

    package static func encode(_ list: QuestionList) -> String { JSONText.encode(list) }
}

/// A public link of a questionnaire with the short code people type; one per location or
/// activity when the questionnaire is scoped, else one.
package final class QuestionnaireLinkRecord: Model, @unchecked Sendable {
    package static let schema = "questionnaire_links"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "questionnaire_id") package var questionnaireID: UUID
    @Field(key: "code") package var code: String
    @OptionalField(key: "location_id") package var locationID: UUID?
    @OptionalField(key: "activity_id") package var activityID: UUID?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $questionnaireID, $code, $locationID, $activityID]) }

    package init(coalitionID: UUID, questionnaireID: UUID, code: String, locationID: UUID? = nil, activityID: UUID? = nil) {
        (self.coalitionID, self.questionnaireID, self.code, self.locationID, self.activityID) = (coalitionID, questionnaireID, code, locationID, activityID)
    }
}

/// One respondent's answers. What is kept is what the results need and nothing that points
/// to a person: no name, no e-mail, no IP address, no user agent, no time of day. `device`
/// is a hash of a random cookie and the questionnaire's id, so one browser answers once and
/// can finish later, and two questionnaires' answers cannot be linked through it.
package final class QuestionnaireResponseRecord: Model, @unchecked Sendable {
    package static let schema = "questionnaire_responses"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "questionnaire_id") package var questionnaireID: UUID
    @OptionalField(key: "location_id") package var locationID: UUID?
    @OptionalField(key: "activity_id") package var activityID: UUID?
    @OptionalField(key: "year_group") package var yearGroup: Int?
    @OptionalField(key: "device") package var device: String?
    /// `Answers` as JSON.
    @Field(key: "answers") package var answers: String
    /// The day it was sent ("2026-03-12"); nil while the respondent has not finished.
    @OptionalField(key: "submitted_on") package var submittedOn: String?
    /// Where it came from: "formulier" or "import".
    @Field(key: "source") package var source: String

    package init() {}

    package var properties: [any AnyProperty] {
        listed([$id, $coalitionID, $questionnaireID, $locationID, $activityID, $yearGroup, $device, $answers, $submittedOn, $source])
    }

    package init(coalitionID: UUID, questionnaireID: UUID, locationID: UUID?, activityID: UUID?, yearGroup: Int?, device: String?,
                 answers: Answers, submittedOn: String?, source: String = "formulier") {
        (self.coalitionID, self.questionnaireID, self.locationID, self.activityID, self.yearGroup, self.device) = (coalitionID, questionnaireID, locationID, activityID, yearGroup, device)
        self.answers = Self.encode(answers)
        (self.submittedOn, self.source) = (submittedOn, source)
    }

    package var answerValues: Answers { (try? JSONDecoder().decode(Answers.self, from: Data(answers.utf8))) ?? Answers() }

    package static func encode(_ answers: Answers) -> String { JSONText.encode(answers) }
}

/// A Forms export read and waiting for its mapping to be confirmed: only the answer columns
/// (names and e-mail addresses were dropped when it was read) and the day of each response.
/// Removed when the import is confirmed, and after a day.
package final class QuestionnaireImportRecord: Model, @unchecked Sendable {
    package static let schema = "questionnaire_imports"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "questionnaire_id") package var questionnaireID: UUID
    @Field(key: "file_name") package var fileName: String
    @Field(key: "source") package var source: String
    /// `[FormsImport.Column]` as JSON.
    @Field(key: "columns") package var columns: String
    /// The day of each response ("2026-10-16" or ""), one per line.
    @Field(key: "days") package var days: String
    /// The headers that were dropped, one per line.
    @Field(key: "dropped") package var dropped: String
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $questionnaireID, $fileName, $source, $columns, $days, $dropped, $createdAt]) }

    init(coalitionID: UUID, questionnaireID: UUID, fileName: String, _ table: FormsImport.Table) {
        (self.coalitionID, self.questionnaireID, self.fileName, source) = (coalitionID, questionnaireID, fileName, table.source.rawValue)
        columns = JSONText.encode(table.columns)
        days = table.days.map { $0?.iso ?? "" }.joined(separator: "\n")
        dropped = table.dropped.joined(separator: "\n")
    }

    var table: FormsImport.Table {
        let columns = (try? JSONDecoder().decode([FormsImport.Column].self, from: Data(self.columns.utf8))) ?? []
        let count = columns.first?.values.count ?? 0
        var days = self.days.split(separator: "\n", omittingEmptySubsequences: false).map { IsoDate(String($0)) }
        days = Array(days.prefix(count)) + Array(repeating: nil, count: max(0, count - days.count))
        return FormsImport.Table(source: FormsImport.Source(rawValue: source) ?? .other, columns: columns, days: days,
                                 dropped: dropped.split(separator: "\n").map(String.init))
    }
}

/// A value kept as JSON text in a column, with sorted keys so equal values are equal text.
/// Encoding these plain values cannot fail.
enum JSONText {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }
}
