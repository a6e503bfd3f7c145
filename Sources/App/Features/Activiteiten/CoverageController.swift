import Domain
import Fluent
import SQLKit
import Vapor

/// `/activiteiten/dekking` (locations x domains) and `/activiteiten/observaties` (charts
/// per activity, location or domain): the evidence for Micro – Samenhang and Micro – Uitvoering.
struct CoverageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let activiteiten = Paths.coalition(.param).activiteiten
        routes.get(activiteiten.coverage, use: coverage)
        routes.get(activiteiten.observations, use: observations)
    }

    struct Cell: Encodable { let text: String; let pupils: String?; let below: Bool; let label: String }
    struct MatrixRow: Encodable { let location: String; let cells: [Cell] }
    struct CoveragePage: Encodable {
        let layout: Layout
        let domains: [String]
        let rows: [MatrixRow]
        let hasRows: Bool
        let from: FormField
        let to: FormField
        let periodLabel: String
        let minimum: Int
        let gaps: Int
        let gapsText: String
        let gapList: [String]
        let canSettings: Bool
        let settingsHref: String
        let evidence: EvidenceForm?
    }

    /// The small form that puts this overview into step 3 of a bouwblad.
    struct EvidenceForm: Encodable { let action: String; let kind: String; let from: String; let to: String; let bouwbladen: [Option] }

    static func evidenceForm(_ req: Request, _ access: ActivityAccess, kind: String, period: DateRange) async throws -> EvidenceForm? {
        let targets = try await EvidenceController.targets(req, access.tenant)
        guard !targets.isEmpty else { return nil }
        return EvidenceForm(action: access.paths.evidence.path, kind: kind, from: period.from.iso, to: period.to.iso,
                            bouwbladen: targets.map { Option(value: $0.value, label: $0.label, selected: false) })
    }

    /// The chosen period, by default the current school year.
    static func period(_ req: Request) -> DateRange {
        let year = DateRange.schoolYear(containing: req.today)
        let from = IsoDate(req.queryDate("van")) ?? year.from
        let to = IsoDate(req.queryDate("tot")) ?? year.to
        return DateRange(from: from, to: to) ?? year
    }

    /// The matrix for the coalition; partners see it too, as counts only.
    static func compute(_ req: Request, _ access: ActivityAccess, period: DateRange) async throws -> (Coverage, [String: String]) {
        let book = access.book(req.db)
        let locations = try await access.places(req.db).locations()
        // Concept activities are ideas, not offer yet.
        let activities = try await book.offered(during: period)
        let reached = activities.isEmpty ? [:] : try await book.pupilsReached()
        let coverage = Coverage(
            locations: try locations.map { (try $0.requireID()).uuidString }, domains: access.settings.domains,
            activities: try activities.compactMap { a in
                try a.period.map { Coverage.Activity(locationID: a.locationID.uuidString, domain: a.domain, period: $0, pupilsReached: reached[(try a.requireID())] ?? 0) }
            },
            period: period, minimum: access.settings.minimumPerCell)
        return (coverage, Dictionary(uniqueKeysWithValues: try locations.map { (try $0.requireID().uuidString, $0.name) }))
    }

    func coverage(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        let period = Self.period(req)
        let (coverage, names) = try await Self.compute(req, access, period: period)
        var gapList: [String] = []
        let rows = coverage.locations.enumerated().map { l, location in
            MatrixRow(location: names[location] ?? "", cells: coverage.domains.enumerated().map { d, domain in
                let cell = coverage.cells[l][d]
                if cell.belowRule { gapList.append("\(names[location] ?? ""): \(domain)") }
                return Cell(text: "\(cell.activities)", pupils: cell.pupils > 0 ? "\(cell.pupils) leerlingen" : nil,
                            below: cell.belowRule, label: cell.belowRule ? "te weinig" : "")
            })
        }
        let evidence = try await Self.evidenceForm(req, access, kind: "dekking", period: period)
        return try await req.page("activiteiten/coverage", title: "Dekking", current: .dekking) { layout in
            CoveragePage(
                layout: layout, domains: coverage.domains, rows: rows, hasRows: !rows.isEmpty,
                from: FormField(filter: "van", label: "Van", value: period.from.iso),
                to: FormField(filter: "tot", label: "Tot en met", value: period.to.iso), periodLabel: period.label, minimum: coverage.minimum, gaps: coverage.gaps,
                gapsText: coverage.gaps == 1 ? "1 vakje onder de afspraak." : "\(coverage.gaps) vakjes onder de afspraak.", gapList: gapList,
                canSettings: access.canManagePlaces, settingsHref: access.paths.settings.path,
                evidence: evidence)
        }
    }

    struct Group: Encodable { let title: String; let chart: ObservationChart; let svg: String; let hasData: Bool }
    struct Option: Encodable { let value: String; let label: String; let selected: Bool }
    struct ObservationsPage: Encodable { let layout: Layout; let groups: [Group]; let hasGroups: Bool; let per: [Option]; let overall: String; let evidence: EvidenceForm? }

    func observations(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        let per = ((try? req.query.get(String.self, at: "per")) ?? "domein")
        let book = access.book(req.db)
        let activities = try await book.activities(access.visible)
        let sessions = try await book.sessions(of: activities.compactMap(\.id))
        let locations = Dictionary(uniqueKeysWithValues: try await access.places(req.db).locations().map { (try $0.requireID(), $0.name) })
        let keyOf: (ActivityRecord) -> String = { a in
            switch per {
            case "activiteit": return a.name
            case "locatie": return locations[a.locationID] ?? ""
            default: return a.domain
            }
        }
        let activityKey = Dictionary(uniqueKeysWithValues: try activities.map { (try $0.requireID(), keyOf($0)) })
        var byKey: [String: [ActivitySessionRecord]] = [:]
        for s in sessions { if let key = activityKey[s.activityID] { byKey[key, default: []].append(s) } }
        let today = req.today
        let groups = byKey.keys.sorted().enumerated().map { i, key in
            let chart = ObservationChart.monthly(id: "chart-\(i)", title: key, sessions: byKey[key]!, today: today)
            return Group(title: key, chart: chart, svg: chart.svg, hasData: chart.hasData)
        }
        let overall = ObservationChart.monthly(id: "all", title: "", sessions: sessions, today: today).observedShare
        let evidence = try await Self.evidenceForm(req, access, kind: "observaties", period: Self.period(req))
        return try await req.page("activiteiten/observations", title: "Observaties", current: .observaties) { layout in
            ObservationsPage(
                layout: layout, groups: groups, hasGroups: !groups.isEmpty,
                per: [("domein", "Domein"), ("locatie", "Locatie"), ("activiteit", "Activiteit")].map { Option(value: $0.0, label: $0.1, selected: $0.0 == per) },
                overall: overall, evidence: evidence)
        }
    }
}
