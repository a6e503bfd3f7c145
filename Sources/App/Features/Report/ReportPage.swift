import Domain
import Fluent
import Reports
import Vapor

/// The report page: what is still missing, the exports, the settings and the versions.
enum ReportPage {
    struct CycleGroup: Encodable { let bouwblad: String; let options: [ChoiceOption] }
    struct Version: Encodable {
        let number: Int; let date: String; let who: String; let concept: Bool
        let docxHref: String; let pdfHref: String?; let docxSHA: String; let pdfSHA: String?
    }
    struct Page: Encodable {
        let layout: Layout
        let base: String
        let canEdit: Bool
        let isComplete: Bool
        let blockerText: String
        let hintText: String?
        let introduction: Completeness.Task
        let bouwstenen: [Completeness.Task]
        let extraTasks: [Completeness.Task]
        let hasExtraTasks: Bool
        let legend: [StateTag]
        let pdfAvailable: Bool
        let reportTitle: String
        let periodLabel: String
        let title: FormField
        let periodFrom: FormField
        let periodTo: FormField
        let introductionField: FormField
        let version: Int
        let extras: [ChoiceOption]
        let hasExtras: Bool
        let cycleGroups: [CycleGroup]
        let hasErrors: Bool
        let errorSummary: [FormState.SummaryItem]
        let versions: [Version]
        let hasVersions: Bool
    }

    /// What the page shows besides the report's data, read before the page is built.
    struct Model {
        let data: ReportData
        let layout: Layout
        let tenant: Tenant
        let versions: [ReportVersionRecord]
        let pdfAvailable: Bool
    }

    /// `checked`: the extras and cycles ticked on a refused form (nil: as saved).
    static func render(_ req: Request, data: ReportData, form: FormState = FormState(), checked: (extras: Set<String>, cycles: Set<String>)? = nil,
                       status: HTTPStatus = .ok) async throws -> Response {
        let tenant = try req.tenant
        let model = Model(
            data: data, layout: try await req.layout("Kwaliteitsrapport", current: .rapport), tenant: tenant,
            versions: try await ReportStore(tenant, on: req.db).versions(), pdfAvailable: req.application.appConfig.weasyprint != nil)
        return try req.page("rapport/show", try build(model, form: form, checked: checked), status: status)
    }

    /// The page from loaded values and the typed values of a refused form: no I/O.
    static func build(_ model: Model, form: FormState = FormState(), checked: (extras: Set<String>, cycles: Set<String>)? = nil) throws -> Page {
        let data = model.data, tenant = model.tenant, versions = model.versions
        let report = Paths.coalition(tenant.coalition.slug).rapport, base = report.path
        let completeness = try Completeness(data, slug: tenant.coalition.slug)
        var form = form
        typealias F = ReportSettingsForm.CodingKeys
        typealias P = PeriodForm.CodingKeys
        if form.values.isEmpty {
            form.values = FormState(ReportSettingsForm(title: data.settings?.title ?? "", introduction: data.introduction)).values
            form.values.merge(FormState(PeriodForm(periodFrom: data.period.from.iso, periodTo: data.period.to.iso)).values) { a, _ in a }
        }
        let checkedExtras = checked?.extras
        let checkedCycles = checked?.cycles
        let extras = try data.bouwbladen.filter { !data.isMandatory($0) }.map { bouwblad in
            let bouwsteen = data.catalog.bouwsteen(id: bouwblad.bouwsteenID)?.key.name ?? ""
            let id = try bouwblad.requireID()
            return ChoiceOption(value: id.uuidString, label: "\(bouwsteen): \(ReportBuilder.heading(bouwblad, question: data.questionText(bouwblad)))",
                                hint: nil, selected: try checkedExtras?.contains(id.uuidString) ?? data.isIncluded(bouwblad), id: "f-extra-\(id)")
        }
        let cycleGroups = try BouwsteenKey.reportOrder.flatMap { key -> [CycleGroup] in
            guard let bouwsteen = data.catalog.bouwsteen(key) else { return [] }
            return try data.bouwbladen.filter { $0.bouwsteenID == bouwsteen.id }.map { bouwblad in
                CycleGroup(
                    bouwblad: "\(key.name): \(ReportBuilder.heading(bouwblad, question: data.questionText(bouwblad)))",
                    options: try (data.cyclesByBouwblad[(try bouwblad.requireID())] ?? []).map { cycle in
                        let id = try cycle.requireID()
                        return ChoiceOption(value: id.uuidString, label: "Cyclus \(cycle.number) (\(cycle.period.label ?? "geen periode"))", hint: nil,
                                            selected: try checkedCycles?.contains(id.uuidString) ?? data.isIncluded(cycle), id: "f-cycle-\(id)")
                    })
            }
        }
        return Page(
            layout: model.layout, base: base,
            canEdit: tenant.role == .projectleider, isComplete: completeness.isComplete,
            blockerText: completeness.blockerCount == 1 ? "Er moet nog 1 ding gebeuren" : "Er moeten nog \(completeness.blockerCount) dingen gebeuren",
            hintText: completeness.hintCount == 0 ? nil
                : (completeness.hintCount == 1 ? "Er staat nog 1 tip open" : "Er staan nog \(completeness.hintCount) tips open")
                    + ". Die hoeven niet af: tips komen niet in het rapport.",
            introduction: completeness.introduction, bouwstenen: completeness.bouwstenen, extraTasks: completeness.extras,
            hasExtraTasks: !completeness.extras.isEmpty, legend: StateTag.legend,
            pdfAvailable: model.pdfAvailable, reportTitle: data.title, periodLabel: data.period.label,
            title: form.field(F.title, "Titel van het rapport", noun: "een titel", hint: "Laat je dit leeg, dan heet het: Kwaliteitsrapport \(data.coalition.name) \(data.coalition.period.label)", required: false),
            periodFrom: form.field(P.periodFrom, "Het rapport gaat over de periode van", noun: "de beginmaand", type: "month", hint: "Bijvoorbeeld augustus 2025."),
            periodTo: form.field(P.periodTo, "tot en met", noun: "de eindmaand", type: "month", hint: "Bijvoorbeeld juli 2026."),
            introductionField: form.field(F.introduction, "Inleiding", noun: "de inleiding", type: "textarea",
                                     hint: "Over de coalitie, jullie visie, werklijnen, locaties en partners. Een lege regel begint een nieuwe alinea; een regel die begint met \"- \" wordt een opsommingsteken.", required: false),
            version: data.settings?.version ?? 0, extras: extras, hasExtras: !extras.isEmpty, cycleGroups: cycleGroups.filter { !$0.options.isEmpty },
            hasErrors: !form.errors.isEmpty, errorSummary: form.summary,
            versions: try versions.map { v in
                Version(number: v.number, date: "\(DutchDate.dayMonthYear(v.createdAt)) om \(DutchDate.time(v.createdAt))", who: v.createdByName,
                        concept: v.isConcept, docxHref: report.version(try v.requireID(), file: "rapport.docx").path,
                        pdfHref: v.pdfSHA256 == nil ? nil : report.version(try v.requireID(), file: "rapport.pdf").path, docxSHA: v.docxSHA256, pdfSHA: v.pdfSHA256)
            },
            hasVersions: !versions.isEmpty)
    }
}
