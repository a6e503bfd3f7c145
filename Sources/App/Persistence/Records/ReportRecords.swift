import Fluent
import Foundation

package final class ReportSettingsRecord: Model, @unchecked Sendable {
    package static let schema = "report_settings"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "title") package var title: String
    @Field(key: "period_from") package var periodFrom: String
    @Field(key: "period_to") package var periodTo: String
    @Field(key: "introduction") package var introduction: String
    @Field(key: "version") package var version: Int
    @OptionalField(key: "updated_by") package var updatedBy: UUID?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $title, $periodFrom, $periodTo, $introduction, $version, $updatedBy, $updatedAt]) }
}

/// Overrides the default of what goes into the report: an extra bouwblad (in by
/// default) or a cycle (in by default when its period overlaps the report's).
package final class ReportChoiceRecord: Model, @unchecked Sendable {
    package static let schema = "report_choices"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @OptionalField(key: "bouwblad_id") package var bouwbladID: UUID?
    @OptionalField(key: "cycle_id") package var cycleID: UUID?
    @Field(key: "included") package var included: Bool

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwbladID, $cycleID, $included]) }

    package init(coalitionID: UUID, bouwbladID: UUID? = nil, cycleID: UUID? = nil, included: Bool) {
        self.coalitionID = coalitionID
        self.bouwbladID = bouwbladID
        self.cycleID = cycleID
        self.included = included
    }
}

/// A report as it was handed in: the exact bytes, never changed afterwards.
package final class ReportVersionRecord: Model, @unchecked Sendable {
    package static let schema = "report_versions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "number") package var number: Int
    @Field(key: "title") package var title: String
    @Field(key: "is_concept") package var isConcept: Bool
    @Field(key: "docx") package var docx: Data
    @Field(key: "docx_sha256") package var docxSHA256: String
    @OptionalField(key: "pdf") package var pdf: Data?
    @OptionalField(key: "pdf_sha256") package var pdfSHA256: String?
    @Field(key: "created_by") package var createdBy: UUID
    @Field(key: "created_by_name") package var createdByName: String
    @Field(key: "created_at") package var createdAt: Date

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $number, $title, $isConcept, $docx, $docxSHA256, $pdf, $pdfSHA256, $createdBy, $createdByName, $createdAt]) }
}
