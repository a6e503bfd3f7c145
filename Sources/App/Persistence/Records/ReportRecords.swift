import Fluent
import Foundation

final class ReportSettingsRecord: Model, @unchecked Sendable {
    static let schema = "report_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "coalition_id") var coalitionID: UUID
    @Field(key: "title") var title: String
    @Field(key: "period_from") var periodFrom: String
    @Field(key: "period_to") var periodTo: String
    @Field(key: "introduction") var introduction: String
    @Field(key: "version") var version: Int
    @OptionalField(key: "updated_by") var updatedBy: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var properties: [any AnyProperty] { listed([$id, $coalitionID, $title, $periodFrom, $periodTo, $introduction, $version, $updatedBy, $updatedAt]) }
}

/// Overrides the default of what goes into the report: an extra bouwblad (in by
/// default) or a cycle (in by default when its period overlaps the report's).
final class ReportChoiceRecord: Model, @unchecked Sendable {
    static let schema = "report_choices"

    @ID(key: .id) var id: UUID?
    @Field(key: "coalition_id") var coalitionID: UUID
    @OptionalField(key: "bouwblad_id") var bouwbladID: UUID?
    @OptionalField(key: "cycle_id") var cycleID: UUID?
    @Field(key: "included") var included: Bool

    init() {}

    var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwbladID, $cycleID, $included]) }

    init(coalitionID: UUID, bouwbladID: UUID? = nil, cycleID: UUID? = nil, included: Bool) {
        self.coalitionID = coalitionID
        self.bouwbladID = bouwbladID
        self.cycleID = cycleID
        self.included = included
    }
}

/// A report as it was handed in: the exact bytes, never changed afterwards.
final class ReportVersionRecord: Model, @unchecked Sendable {
    static let schema = "report_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "coalition_id") var coalitionID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "title") var title: String
    @Field(key: "is_concept") var isConcept: Bool
    @Field(key: "docx") var docx: Data
    @Field(key: "docx_sha256") var docxSHA256: String
    @OptionalField(key: "pdf") var pdf: Data?
    @OptionalField(key: "pdf_sha256") var pdfSHA256: String?
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_by_name") var createdByName: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var properties: [any AnyProperty] { listed([$id, $coalitionID, $number, $title, $isConcept, $docx, $docxSHA256, $pdf, $pdfSHA256, $createdBy, $createdByName, $createdAt]) }
}
