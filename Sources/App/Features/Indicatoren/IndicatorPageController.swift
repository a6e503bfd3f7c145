import Domain
import Fluent
import Vapor

/// One indicator: its status, its trend over three school years as a chart with a table,
/// how each value came about with a link to the data behind it; and, for an indicator
/// filled in by hand, the page where one period's values are typed, with their history.
struct IndicatorPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let one = Paths.coalition(.param).indicatoren.indicator(.param)
        routes.get(one.address, use: show)
        routes.get(one.values, use: values)
        routes.post(one.values, use: saveValues)
    }

    struct PointRow: Encodable {
        let period: String; let value: String; let state: StateTag; let explanation: String
        let dataHref: String?; let dataLabel: String?
    }
    struct LogRow: Encodable { let when: String; let who: String; let what: String }
    struct ShowPage: Encodable {
        let layout: Layout; let back: String; let name: String; let area: String; let source: String; let sourceHint: String
        let norm: String; let rhythm: String; let state: StateTag; let value: String; let periodLabel: String; let explanation: String
        let svg: String; let chartID: String; let rows: [PointRow]; let editHref: String?; let scopeNote: String?
        let log: [LogRow]; let hasLog: Bool; let isHand: Bool
    }

    func show(req: Request) async throws -> Response {
        let access = try await IndicatorAccess.load(req)
        let r = try await access.indicator(req)
        let id = try r.requireID()
        let board = try await IndicatorBoard.load(req, access)
        guard let row = board.rows.first(where: { $0.record.id == id }) else { throw Abort(.notFound) }
        let unit = r.unitValue, latest = row.latest
        let locations = try await PlacesStore(access.tenant, on: req.db).locations()
        let mayType = !access.places(of: r, locations: locations).isEmpty
        let chart = TrendChart(id: "trend", title: "Verloop van \(r.name)", unit: unit, norm: r.normValue, points: row.trend)
        let rows = row.trend.reversed().map { point -> PointRow in
            let link = Self.dataLink(r, point.period, access, mayType: mayType)
            return PointRow(period: point.period.label, value: point.measurement.value.map(unit.format) ?? "—", state: StateTag(point.status),
                            explanation: point.measurement.explanation, dataHref: link?.href, dataLabel: link?.label)
        }
        let names = Dictionary(uniqueKeysWithValues: locations.compactMap { l in l.id.map { ($0.uuidString, l.name) } })
        let log = r.sourceValue == .hand ? try await access.store(req.db).log(of: id).map { entry in
            LogRow(when: Self.when(entry.at), who: entry.byName,
                   what: "\(IndicatorPeriod(key: entry.period)?.label ?? entry.period)\(entry.place.isEmpty ? "" : ", \(names[entry.place] ?? "een verwijderde locatie")"): "
                       + (entry.value.map(unit.format) ?? "weggehaald"))
        } : []
        return try await req.page("indicatoren/show", title: r.name, current: .indicatoren) { layout in
            ShowPage(layout: layout, back: access.paths.path, name: r.name, area: r.area, source: r.sourceValue.label, sourceHint: r.sourceValue.hint,
                     norm: r.normValue.label(unit), rhythm: r.rhythmValue.label, state: StateTag(latest?.status ?? .geenMeting),
                     value: latest?.measurement.value.map(unit.format) ?? "—", periodLabel: latest?.period.label ?? "",
                     explanation: latest?.measurement.explanation ?? "", svg: chart.svg, chartID: chart.id, rows: rows,
                     editHref: access.canDefine ? access.paths.indicator(id).edit.path : nil, scopeNote: IndicatorenController.scopeNote(access),
                     log: log, hasLog: !log.isEmpty, isHand: r.sourceValue == .hand)
        }
    }

    /// Where the numbers of one period come from, for someone who may open it.
    static func dataLink(_ r: IndicatorRecord, _ period: IndicatorPeriod, _ access: IndicatorAccess, mayType: Bool) -> (href: String, label: String)? {
        let coalition = Paths.coalition(access.tenant.coalition.slug), book = coalition.activiteiten
        let days = "van=\(period.firstDay.iso)&tot=\(period.lastDay.iso)"
        switch r.sourceValue {
        case .dekking: return (book.coverage.path + "?" + days, "Dekking van deze periode")
        case .activiteiten, .sessies, .bereik: return (book.path + "?" + days, "Activiteiten van deze periode")
        case .betrokkenheid, .welbevinden: return (book.observations.path, "Observaties")
        case .incidenten: return access.role == .projectleider ? (book.incidents.path, "Incidenten") : nil
        case .vragenlijst:
            guard let q = r.questionnaireID, access.role != .partner else { return nil }
            return (coalition.vragenlijsten.vragenlijst(q).results.path + "?van=\(period.first.iso)&tot=\(period.last.iso)", "Resultaten van deze periode")
        case .overleg:
            return access.role == .partner ? nil : (coalition.overleg.path + "?jaar=" + SchoolYear(containing: period.firstDay).key, "Overleg van dit schooljaar")
        case .hand:
            return mayType ? (access.paths.indicator(r.id!).values.path + "?periode=" + period.key, "Invullen") : nil
        }
    }

    // MARK: hand values

    struct PlaceField: Encodable { let field: FormField; let versionName: String; let version: Int; let entered: String? }
    struct ValuesPage: Encodable {
        let layout: Layout; let back: String; let name: String; let period: String; let periodKey: String; let action: String
        let unit: String; let places: [PlaceField]; let hasErrors: Bool; let errorSummary: [FormState.SummaryItem]; let problem: String?
        let otherPeriods: [SelectOption]
    }

    /// The period of the query or form; the current one when none (or a wrong one) is given.
    static func period(_ raw: String?, _ r: IndicatorRecord, today: IsoDate) -> IndicatorPeriod {
        raw.flatMap { IndicatorPeriod(key: String($0.prefix(40))) }.flatMap { $0.rhythm == r.rhythmValue && $0.firstDay <= today ? $0 : nil }
            ?? IndicatorPeriod(r.rhythmValue, containing: today)
    }

    func values(req: Request) async throws -> Response {
        let access = try await IndicatorAccess.load(req)
        let r = try await access.indicator(req)
        let period = Self.period(req.query[String.self, at: "periode"], r, today: req.today)
        return try await valuesPage(req, access, r, period, typed: nil, errors: FieldErrors())
    }

    func valuesPage(_ req: Request, _ access: IndicatorAccess, _ r: IndicatorRecord, _ period: IndicatorPeriod, typed: [String: String]?,
                    errors: FieldErrors, status: HTTPStatus = .ok, problem: String? = nil) async throws -> Response {
        let locations = try await PlacesStore(access.tenant, on: req.db).locations()
        let places = access.places(of: r, locations: locations)
        guard !places.isEmpty else { throw Abort(.forbidden) }
        let id = try r.requireID(), unit = r.unitValue
        let stored = try await access.store(req.db).values(of: id).filter { $0.period == period.key }
        var form = FormState(values: typed ?? Dictionary(uniqueKeysWithValues: places.map { place in
            (Self.valueName(place.place), stored.first { $0.place == place.place }.map { IndicatorUnit.decimal($0.value, places: 2).replacingOccurrences(of: ",00", with: "") } ?? "")
        }), errors: errors)
        let fields = places.map { place -> PlaceField in
            let row = stored.first { $0.place == place.place }
            return PlaceField(field: form.field(Self.valueName(place.place), place.label, noun: "de waarde van \(place.label)",
                                                hint: unit == .percentage ? "Een percentage, zoals 85." : "Een getal, zoals 12 of 3,5. Laat leeg om niets in te vullen.", required: false),
                              versionName: "versie-\(Self.fieldPlace(place.place))", version: row?.version ?? 0,
                              entered: row.map { "Opgeslagen: \(unit.format($0.value)), door \($0.enteredByName) op \(Self.when($0.enteredAt))." })
        }
        let recent = IndicatorPeriod.recent(IndicatorPeriod.threeYears(r.rhythmValue), r.rhythmValue, upTo: req.today).reversed()
        let paths = access.paths.indicator(id)
        return try await req.page("indicatoren/values", title: "Waarden invullen: \(r.name)", current: .indicatoren, status: status) { layout in
            ValuesPage(layout: layout, back: paths.path, name: r.name, period: period.label, periodKey: period.key, action: paths.values.path,
                       unit: unit.label.lowercased(), places: fields, hasErrors: !form.errors.isEmpty || problem != nil, errorSummary: form.summary, problem: problem,
                       otherPeriods: recent.map { SelectOption(value: $0.key, label: $0.label, selected: $0 == period) })
        }
    }

    static func when(_ date: Date) -> String { "\(DutchDate.dayMonthYear(date)) om \(DutchDate.time(date))" }

    static func fieldPlace(_ place: String) -> String { place.isEmpty ? "coalitie" : place }
    static func valueName(_ place: String) -> String { "waarde-" + fieldPlace(place) }

    /// The posted fields, by name: only "periode", "waarde-…" and "versie-…", at most 2,000.
    struct ValuesForm: Decodable {
        let fields: [String: String]
        private struct Name: CodingKey {
            let stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Name.self)
            var fields: [String: String] = [:]
            for key in container.allKeys.prefix(2_000) where key.stringValue == "periode" || key.stringValue.hasPrefix("waarde-") || key.stringValue.hasPrefix("versie-") {
                if let value = try? container.decode(String.self, forKey: key) { fields[key.stringValue] = String(value.prefix(100)) }
            }
            self.fields = fields
        }
    }

    func saveValues(req: Request) async throws -> Response {
        let access = try await IndicatorAccess.load(req)
        let r = try await access.indicator(req)
        let posted = try req.form(ValuesForm.self).fields
        let period = Self.period(posted["periode"], r, today: req.today)
        let places = access.places(of: r, locations: try await PlacesStore(access.tenant, on: req.db).locations())
        guard !places.isEmpty else { throw Abort(.forbidden) }
        var errors = FieldErrors(), changes: [(place: String, value: Double?, version: Int)] = []
        for place in places {
            let name = Self.valueName(place.place)
            let text = (posted[name] ?? "").trimmingWhitespace()
            let value = IndicatorInput.number(text, name, unit: r.unitValue, required: false, into: &errors)
            guard let version = Versioned.parse(posted["versie-\(Self.fieldPlace(place.place))"] ?? "0") else { throw Abort(.badRequest) }
            if errors[name] == nil { changes.append((place.place, text.isEmpty ? nil : value, version)) }
        }
        let typed = Dictionary(uniqueKeysWithValues: places.map { (Self.valueName($0.place), posted[Self.valueName($0.place)] ?? "") })
        guard errors.isEmpty else { return try await valuesPage(req, access, r, period, typed: typed, errors: errors, status: .unprocessableEntity) }
        let id = try r.requireID(), by = req.currentUser?.name ?? "Onbekend", changed = changes
        // All places at once, or none: a conflict on one leaves every value as it was.
        struct Conflict: Error {}
        do {
            try await req.db.writeTransaction { db in
                let store = IndicatorenStore(access.tenant, on: db)
                let current = try await store.values(of: id).filter { $0.period == period.key }
                for change in changed {
                    // Unchanged: no new version, no line in the history.
                    if let row = current.first(where: { $0.place == change.place }), row.version == change.version, row.value == change.value { continue }
                    if change.value == nil, change.version == 0, !current.contains(where: { $0.place == change.place }) { continue }
                    guard try await store.set(change.value, of: id, period: period.key, place: change.place, from: change.version, by: by, now: req.now) == .saved
                    else { throw Conflict() }
                }
            }
        } catch is Conflict {
            return try await valuesPage(req, access, r, period, typed: typed, errors: FieldErrors(), status: .conflict,
                                        problem: "Iemand anders heeft intussen een waarde van deze periode opgeslagen. Wat jij typte staat hieronder; de opgeslagen waarde staat erbij. Kijk het na en sla opnieuw op.")
        }
        try await req.flash("De waarden van \(period.label) zijn opgeslagen.")
        return .seeOther(access.paths.indicator(id).path)
    }
}
