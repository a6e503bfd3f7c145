import Domain
import Fluent
import Foundation
import Reports

/// The only code of the report that queries. Made with the tenant: the data, the settings,
/// the choices and the frozen versions it reads and writes belong to that coalition.
struct ReportStore: TenantStore {
    let coalitionID: UUID
    let db: any Database

    /// Everything the report needs, in a fixed number of queries (thirteen, whatever the
    /// number of bouwbladen or cycles).
    /// `coalition` is the store's own (the tenant's record, already loaded).
    func data(of coalition: CoalitionRecord, catalog: FormatCatalog, today: IsoDate) async throws -> ReportData {
        let memberships = try await MembershipRecord.query(on: db).filter(\.$coalitionID == coalitionID).allWithUser()
        let cycles = try await CycleRecord.query(on: db).filter(\.$coalitionID == coalitionID).sort(\.$number).all()
        var doelen = try await DoelRecord.query(on: db).filter(\.$coalitionID == coalitionID).sort(\.$createdAt).all().map { try $0.value }
        if doelen.contains(where: { $0.indicatorID != nil }) {
            doelen = DoelMeasurement.apply(doelen, cycles: cycles, try await IndicatorBoard.read(coalitionID, db), today: today)
        }
        var data = try ReportData(
            coalition: coalition, catalog: catalog,
            settings: try await ReportSettingsRecord.query(on: db).filter(\.$coalitionID == coalitionID).first(),
            choices: try await ReportChoiceRecord.query(on: db).filter(\.$coalitionID == coalitionID).all(),
            bouwbladen: try await BouwbladRecord.query(on: db).filter(\.$coalitionID == coalitionID).sort(\.$createdAt).all(),
            cycles: cycles, doelen: doelen,
            acties: try await ActieRecord.query(on: db).filter(\.$coalitionID == coalitionID).sort(\.$createdAt).all().map { try $0.value },
            links: try await LinkRecord.query(on: db).filter(\.$coalitionID == coalitionID).sort(\.$createdAt).all(),
            memberNames: Dictionary(uniqueKeysWithValues: try memberships.map { (try $0.requireID(), $0.user.name) }),
            locations: try await LocationRecord.query(on: db).filter(\.$coalitionID == coalitionID).sort(\.$name).all(),
            partners: try await PartnerRecord.query(on: db).filter(\.$coalitionID == coalitionID).sort(\.$name).all())
        data.questionnaires = try await questionnaires(today: today)
        data.network = try await network(data.period, partners: data.partners, today: today)
        return data
    }

    /// Each questionnaire marked for the report, over all its answers, with the same
    /// anonymity as its results page: a summary only of the responses that are shown.
    private func questionnaires(today: IsoDate) async throws -> [Report.Questionnaire] {
        let store = VragenlijstenStore(coalitionID: coalitionID, db: db)
        var tables: [Report.Questionnaire] = []
        for q in try await store.questionnaires().filter(\.inReport).reversed() {
            let results = Results(records: try await store.responses(of: q.requireID()))
            let shown = results.shown(Results.Filter())
            guard shown.count >= Anonymity.minimum else {
                tables.append(Report.Questionnaire(title: q.title, caption: "\(q.audienceValue.label): minder dan \(Anonymity.minimum) antwoorden, daarom geen uitkomsten.", rows: []))
                continue
            }
            tables.append(Report.Questionnaire(title: q.title, caption: "\(q.audienceValue.label), \(shown.count) antwoorden, stand van \(today.label).",
                                               rows: QuestionnaireSummary.rows(q.questionList, answers: shown.map(\.answers))))
        }
        return tables
    }

    /// The meetings held in the report's period by kind, and each cadence rule over it: of
    /// its ended periods, how many were met, and its state now. Nil without either.
    private func network(_ period: ReportPeriod, partners: [PartnerRecord], today: IsoDate) async throws -> Report.Network? {
        let store = OverlegStore(coalitionID: coalitionID, db: db)
        let rules = try await store.rules().compactMap(\.rule)
        guard let first = IsoDate(period.from.iso + "-01"), let end = IsoDate(period.to.next.iso + "-01")?.adding(days: -1),
              let range = DateRange(from: first, to: end) else { return nil }
        // A rule's own periods reach outside the report's months: all meetings, in one query.
        let all = try await store.allMeetings().compactMap(\.value)
        let held = all.filter { $0.status == .gehouden && range.contains($0.day) }
        guard !held.isEmpty || !rules.isEmpty else { return nil }
        let names = Dictionary(uniqueKeysWithValues: partners.compactMap { p in p.id.map { ($0, p.name) } })
        let meetings = Dictionary(grouping: held, by: \.kind).sorted { $0.key.localizedStandardCompare($1.key) == .orderedAscending }.map { kind, group in
            [kind, "\(group.count) keer", Set(group.flatMap(\.counted)).compactMap { names[$0] }.sorted { $0.localizedStandardCompare($1) == .orderedAscending }.joined(separator: ", ")]
        }
        let counted = all.map { CadenceMeeting(day: $0.day, kind: $0.kind, organisations: $0.counted, held: $0.status == .gehouden) }
        let rows = rules.map { rule -> [String] in
            let record = rule.record(from: period.from, to: period.to, meetings: counted, today: today)
            let now = rule.check(IndicatorPeriod(rule.rhythm, containing: today), meetings: counted, today: today)
            return [rule.label(names: names), record.ended == 0 ? "Nog geen afgelopen periode" : "\(record.met) van de \(record.ended)", now.status.label]
        }
        return Report.Network(caption: "Overleg van \(period.label), stand van \(today.label).", meetings: meetings, rules: rows)
    }

    /// Saves the settings based on `version` (0: none saved yet) and replaces every choice.
    /// False when someone else saved in between. Run it inside a transaction.
    func saveSettings(_ input: ReportSettingsInput, period: ReportPeriod, existing: ReportSettingsRecord?,
                      choices: [(bouwblad: UUID?, cycle: UUID?, included: Bool)], by userID: UUID, now: Date) async throws -> Bool {
        if let existing {
            let saved = try await update(
                ReportSettingsRecord.schema, id: existing.requireID(), from: input.version,
                set: [("title", input.title), ("period_from", period.from.iso), ("period_to", period.to.iso),
                      ("introduction", input.introduction), ("updated_by", userID)], now: now)
            guard saved else { return false }
        } else {
            guard input.version == 0 else { return false }
            let settings = ReportSettingsRecord()
            settings.coalitionID = coalitionID
            settings.title = input.title
            settings.periodFrom = period.from.iso
            settings.periodTo = period.to.iso
            settings.introduction = input.introduction
            settings.version = 1
            settings.updatedBy = userID
            try await settings.create(on: db)
        }
        try await ReportChoiceRecord.query(on: db).filter(\.$coalitionID == coalitionID).delete()
        for choice in choices {
            try await ReportChoiceRecord(coalitionID: coalitionID, bouwbladID: choice.bouwblad, cycleID: choice.cycle, included: choice.included).create(on: db)
        }
        return true
    }

    /// The newest frozen version's number and DOCX hash, to see whether anything changed.
    func newestVersion() async throws -> (number: Int, docxSHA256: String)? {
        try await ReportVersionRecord.query(on: db).filter(\.$coalitionID == coalitionID)
            .sort(\.$number, .descending).field(\.$number).field(\.$docxSHA256).first()
            .map { ($0.number, $0.docxSHA256) }
    }

    func add(_ version: ReportVersionRecord) async throws {
        version.coalitionID = coalitionID
        try await version.create(on: db)
    }

    func version(_ id: UUID) async throws -> ReportVersionRecord? {
        try await ReportVersionRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).first()
    }

    /// Every frozen version without its files, newest first.
    func versions() async throws -> [ReportVersionRecord] {
        try await ReportVersionRecord.query(on: db).filter(\.$coalitionID == coalitionID)
            .field(\.$id).field(\.$number).field(\.$createdAt).field(\.$createdByName).field(\.$isConcept)
            .field(\.$docxSHA256).field(\.$pdfSHA256)
            .sort(\.$number, .descending).all()
    }
}
