import Domain
import Foundation

/// The report settings form as posted, beside its period (`PeriodForm`); `extras[]` and
/// `cycles[]` are the ticked boxes.
struct ReportSettingsForm: Codable {
    enum CodingKeys: String, CodingKey, FieldName { case title, introduction, extras, cycles }
    var title, introduction: String?
    var extras, cycles: [String]?
}

/// The report settings form, read and checked. Nothing is stored unless all is right.
struct ReportSettingsInput {
    let title: String
    let period: ReportPeriod?
    let introduction: String
    let version: Int
    let errors: FieldErrors
    let includedExtras: Set<UUID>
    let includedCycles: Set<UUID>

    /// nil when the form was not sent from our page (no version).
    init?(_ edit: Edit<ReportSettingsForm>, period periodForm: PeriodForm, data: ReportData) {
        guard let version = edit.version else { return nil }
        self.version = version
        let form = edit.form
        typealias F = ReportSettingsForm.CodingKeys
        typealias P = PeriodForm.CodingKeys
        var errors = FieldErrors()
        title = Text.line(form.title, field: F.title, max: ReportController.titleMax, required: false, into: &errors) ?? ""
        introduction = PlainText.validate(form.introduction, field: F.introduction, max: ReportController.introductionMax, into: &errors) ?? ""
        var period: ReportPeriod?
        if let months = CyclePeriod.validate(periodForm, into: &errors) {
            if months.from == nil { errors.add(P.periodFrom, .required) }
            if months.to == nil { errors.add(P.periodTo, .required) }
            if let from = months.from, let to = months.to { period = ReportPeriod(from: from, to: to) }
        }
        self.period = period
        self.errors = errors
        includedExtras = Set((form.extras ?? []).compactMap(UUID.init(uuidString:)))
        includedCycles = Set((form.cycles ?? []).compactMap(UUID.init(uuidString:)))
    }

    /// Only what differs from the default is stored, so a later change of the report's
    /// period still moves the cycles nobody chose by hand.
    func choices(data: ReportData, period: ReportPeriod) throws -> [(bouwblad: UUID?, cycle: UUID?, included: Bool)] {
        var out: [(UUID?, UUID?, Bool)] = []
        for bouwblad in data.bouwbladen where !data.isMandatory(bouwblad) {
            let included = includedExtras.contains(try bouwblad.requireID())
            if !included { out.append((bouwblad.id, nil, false)) }
        }
        for cycle in data.cycles {
            let included = includedCycles.contains(try cycle.requireID())
            if included != period.includesByDefault(cycle.period) { out.append((nil, cycle.id, included)) }
        }
        return out
    }
}
