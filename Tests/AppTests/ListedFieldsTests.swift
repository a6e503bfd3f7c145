import FluentKit
import Foundation
import Testing

@testable import App

/// Every record lists its Fluent fields by hand (`Persistence/ListedFields.swift`); a field
/// missing from a list would silently not be read or saved.
@Suite struct ListedFieldsTests {
    static let records: [any Model.Type] = [
        ActivitySettingsRecord.self, StaffRecord.self, ActivityRecord.self, ActivityStaffRecord.self,
        ActivitySessionRecord.self, BouwbladRecord.self, CycleRecord.self, RevisionRecord.self,
        ContributorRecord.self, CoalitionRecord.self, DoelRecord.self, ActieRecord.self, FormatRecord.self,
        BouwsteenRecord.self, FormatQuestionRecord.self, InvitationRecord.self, LinkRecord.self,
        LocationRecord.self, PartnerRecord.self, MembershipRecord.self, MembershipLocationRecord.self,
        ReportSettingsRecord.self, ReportChoiceRecord.self, ReportVersionRecord.self, WebSessionRecord.self,
        LoginFailureRecord.self, LoginDeviceRecord.self, UserRecord.self,
        QuestionnaireRecord.self, QuestionnaireLinkRecord.self, QuestionnaireResponseRecord.self, QuestionnaireImportRecord.self,
        IndicatorRecord.self, IndicatorValueRecord.self, IndicatorValueLogRecord.self, PlanActionRecord.self, PlanEvaluationRecord.self, MeetingRecord.self, CadenceRuleRecord.self, CalendarFeedRecord.self, AgreementRecord.self, ContactRecord.self, ContactRoleRecord.self, PersonalFeedRecord.self,
        OutboxRecord.self, PasswordResetRecord.self, EmailChangeRecord.self, ReminderPreferenceRecord.self,
    ]

    @Test func everyRecordListsExactlyTheFieldsMirrorFinds() {
        for record in Self.records {
            let matches = Self.listMatchesMirror(record)
            #expect(matches, "\(record)")
        }
    }

    /// The list above names every record in the source, so a new record is checked too.
    @Test func everyRecordIsChecked() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/App/Persistence/Records").standardized
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        let declared = try files.flatMap { file in
            try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
                .compactMap { $0.firstMatch(of: /^(?:package )?final class (\w+): Model/)?.1 }.map(String.init)
        }
        #expect(!declared.isEmpty)
        #expect(Set(declared) == Set(Self.records.map { "\($0)" }))
    }

    @Test func aMissingFieldIsNoticed() {
        let session = WebSessionRecord()
        var properties = session.properties
        properties.removeLast()
        #expect(!WebSessionRecord.listsEveryField(session, properties))
        #expect(!WebSessionRecord.listsEveryField(session, properties.reversed() + [session.$lastSeenAt]))
    }

    private static func listMatchesMirror<M: Model>(_ type: M.Type) -> Bool {
        let model = M()
        return M.listsEveryField(model, model.properties)
    }
}
