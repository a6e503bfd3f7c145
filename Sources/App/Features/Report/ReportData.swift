import Domain
import Foundation
import Reports

/// Everything the report needs of one coalition, read by `ReportStore.data(of:catalog:)`.
struct ReportData {
    let coalition: CoalitionRecord
    let catalog: FormatCatalog
    let settings: ReportSettingsRecord?
    let choices: [ReportChoiceRecord]
    let bouwbladen: [BouwbladRecord]
    let cycles: [CycleRecord]
    let doelen: [Doel]
    let acties: [Actie]
    let links: [LinkRecord]
    let memberNames: [UUID: String]
    let locations: [LocationRecord]
    let partners: [PartnerRecord]
    /// The questionnaires chosen for the report, as summary tables (`ReportStore.data`).
    var questionnaires: [Report.Questionnaire] = []
    /// The meetings and cadence rules of the report's period (`ReportStore.data`).
    var network: Report.Network?

    // Lookups built once, so assembling the report stays linear in the data.
    let bouwbladByID: [UUID: BouwbladRecord]
    let cycleByID: [UUID: CycleRecord]
    let cyclesByBouwblad: [UUID: [CycleRecord]]
    let doelenByCycle: [UUID: [Doel]]
    let actiesByCycle: [UUID: [Actie]]
    let bouwbladChoices: [UUID: Bool]
    let cycleChoices: [UUID: Bool]

    init(coalition: CoalitionRecord, catalog: FormatCatalog, settings: ReportSettingsRecord?, choices: [ReportChoiceRecord],
         bouwbladen: [BouwbladRecord], cycles: [CycleRecord], doelen: [Doel], acties: [Actie], links: [LinkRecord],
         memberNames: [UUID: String], locations: [LocationRecord], partners: [PartnerRecord]) throws {
        self.coalition = coalition
        self.catalog = catalog
        self.settings = settings
        self.choices = choices
        self.bouwbladen = bouwbladen
        self.cycles = cycles
        self.doelen = doelen
        self.acties = acties
        self.links = links
        self.memberNames = memberNames
        self.locations = locations
        self.partners = partners
        bouwbladByID = Dictionary(uniqueKeysWithValues: try bouwbladen.map { (try $0.requireID(), $0) })
        cyclesByBouwblad = Dictionary(grouping: cycles, by: \.bouwbladID)
        cycleByID = Dictionary(uniqueKeysWithValues: try cycles.map { (try $0.requireID(), $0) })
        doelenByCycle = Dictionary(grouping: doelen, by: \.cycleID)
        actiesByCycle = Dictionary(grouping: acties, by: \.cycleID)
        bouwbladChoices = Dictionary(choices.compactMap { c in c.bouwbladID.map { ($0, c.included) } }, uniquingKeysWith: { a, _ in a })
        cycleChoices = Dictionary(choices.compactMap { c in c.cycleID.map { ($0, c.included) } }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: settings, with defaults where nothing was saved yet

    var defaultPeriod: ReportPeriod { ReportPeriod(startYear: coalition.periodStart, endYear: coalition.periodEnd) }

    var period: ReportPeriod {
        guard let settings, let from = Month(settings.periodFrom), let to = Month(settings.periodTo),
              let period = ReportPeriod(from: from, to: to) else { return defaultPeriod }
        return period
    }

    var title: String {
        settings.map(\.title).flatMap { $0.isEmpty ? nil : $0 } ?? "Kwaliteitsrapport \(coalition.name) \(coalition.period.label)"
    }

    var introduction: String { settings?.introduction ?? defaultIntroduction }

    /// The parts of the default introduction that ask to be replaced: left in, they block
    /// a final report.
    static let placeholders = ["(schrijf hier", "(eerste werklijn)", "(tweede werklijn)"]

    /// A start the projectleider edits: what the data already knows about the coalition.
    var defaultIntroduction: String {
        var parts = ["\(coalition.name) is een coalitie van scholen, gemeente en partners in de regeling School en Omgeving, in de periode \(coalition.period.label).",
                     "Onze visie: (schrijf hier in een paar zinnen waar jullie samen naartoe werken.)",
                     "Onze werklijnen:\n- (eerste werklijn)\n- (tweede werklijn)"]
        if !locations.isEmpty { parts.append("Onze schoollocaties:\n" + locations.map { "- \($0.name)" }.joined(separator: "\n")) }
        if !partners.isEmpty { parts.append("Onze partners:\n" + partners.map { "- \($0.name)" }.joined(separator: "\n")) }
        return parts.joined(separator: "\n\n")
    }

    // MARK: what goes in

    func isMandatory(_ bouwblad: BouwbladRecord) -> Bool {
        bouwblad.questionID.flatMap { catalog.question(id: $0)?.1.mandatory } ?? false
    }

    /// All mandatory bouwbladen; the extras unless left out.
    func isIncluded(_ bouwblad: BouwbladRecord) throws -> Bool {
        try isMandatory(bouwblad) || bouwbladChoices[(try bouwblad.requireID())] ?? true
    }

    func isIncluded(_ cycle: CycleRecord) throws -> Bool {
        cycleChoices[(try cycle.requireID())] ?? period.includesByDefault(cycle.period)
    }

    func includedBouwbladen(of bouwsteen: FormatCatalog.Bouwsteen) throws -> [BouwbladRecord] {
        let mine = try bouwbladen.filter { $0.bouwsteenID == bouwsteen.id }.filter(isIncluded)
        return mine.filter(isMandatory) + mine.filter { !isMandatory($0) }
    }

    func includedCycles(of bouwblad: BouwbladRecord) throws -> [CycleRecord] {
        try (cyclesByBouwblad[(try bouwblad.requireID())] ?? []).filter(isIncluded)
    }

    func questionText(_ bouwblad: BouwbladRecord) -> String {
        bouwblad.questionID.flatMap { catalog.question(id: $0)?.1.text } ?? bouwblad.ownQuestion ?? ""
    }
}
