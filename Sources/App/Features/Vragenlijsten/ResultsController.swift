import Domain
import Fluent
import Vapor

/// `/c/{slug}/vragenlijsten/{id}/resultaten` and `/links`: what the answers add up to (never
/// for fewer than five respondents), hiding an open answer that names someone, and the
/// links and codes to hand out.
struct ResultsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let one = Paths.coalition(.param).vragenlijsten.vragenlijst(.param)
        routes.get(one.results, use: results)
        routes.access(.projectleider).post(one.hideAnswer, use: hide)
        routes.get(one.links, use: links)
        routes.get(one.export, use: export)
        routes.post(one.insertSummary, use: insert)
    }

    /// "Overzicht invoegen": the summary of what the chosen filter shows, dated, into step 3
    /// of a bouwblad's open cycle, with a revision like every save of the step.
    func insert(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.load(req)
        let q = try await access.questionnaire(req)
        let form = try req.form(SummaryInsertForm.self)
        let query = try await ResultsQuery.load(req, access, q) { name in
            switch name {
            case "locatie": return form.locatie
            case "activiteit": return form.activiteit
            case "groep": return form.groep
            case "van": return form.van
            case "tot": return form.tot
            default: return nil
            }
        }
        guard let summary = QuestionnaireSummary.text(q, query, today: req.today) else {
            throw UserProblem(status: .unprocessableEntity, title: "Te weinig antwoorden",
                              message: "Deze keuze heeft minder dan \(Anonymity.minimum) antwoorden; daarvan maken we geen overzicht. Er is niets veranderd.")
        }
        return try await EvidenceController.insert(req, bouwblad: form.bouwblad, summary: summary)
    }

    // MARK: results

    typealias Choice = SelectOption
    struct Select: Encodable { let id: String; let name: String; let label: String; let options: [Choice] }
    struct Row: Encodable { let label: String; let count: Int; let share: String; let shareB: String? }
    struct Text: Encodable { let text: String; let hidden: Bool; let action: String?; let value: String; let button: String }
    struct Item: Encodable {
        let anchor: String
        let number: Int
        let text: String
        let kind: String
        let answered: String
        let answeredB: String?
        let rows: [Row]
        let hasRows: Bool
        let mean: String?
        let meanB: String?
        let top: String?
        let topB: String?
        let topLabel: String?
        let svg: String?
        let texts: [Text]
        let hasTexts: Bool
        let isOpen: Bool
        let more: String?
        let moreHref: String
    }

    static let openShown = 100

    struct Page: Encodable {
        let layout: Layout
        let back: String
        let backLabel: String
        let title: String
        let total: Int
        let shown: Int
        let shownB: Int?
        let tooFew: Bool
        let tooFewB: Bool
        let merged: Bool
        let partnerNote: Bool
        let filters: [Select]
        let filterAction: String
        let compare: Bool
        let labelA: String
        let labelB: String?
        let items: [Item]
        let hideAction: String
        let version: Int
        let canHide: Bool
        let minimum: Int
        let exportHref: String
        let insertAction: String
        let targets: [Choice]
        let hasTargets: Bool
        /// The filter, carried as hidden fields (label is the name).
        let filterFields: [Choice]
    }

    func results(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.load(req)
        let q = try await access.questionnaire(req)
        let id = try q.requireID()
        let query = try await ResultsQuery.load(req, access, q) { req.query[String.self, at: $0] }
        let results = query.results, filter = query.filter, filterB = query.filterB, compare = query.compare
        let shown = query.shown(filter), shownB = compare ? query.shown(filterB) : []
        let tooFew = shown.count < Anonymity.minimum, tooFewB = compare && shownB.count < Anonymity.minimum
        let hidden = q.hidden, canHide = access.role == .projectleider
        let paths = access.paths.vragenlijst(id)
        let targets = try await EvidenceController.targets(req, access.tenant)

        var number = 0
        let items = q.questionList.answerable.map { question -> Item in
            number += 1
            let a = QuestionResult(question, answers: tooFew ? [] : shown.map(\.answers))
            let b = compare && !tooFewB ? QuestionResult(question, answers: shownB.map(\.answers)) : nil
            let allTexts: [Text] = tooFew || !question.kind.isOpen ? [] : shown.compactMap { r in
                guard let text = r.answers[question.id].first else { return nil }
                let key = "\(question.id):\(r.id.uuidString)", isHidden = hidden.contains(key)
                if isHidden && !canHide { return nil }
                return Text(text: text, hidden: isHidden, action: canHide ? paths.hideAnswer.path : nil, value: key, button: isHidden ? "Weer tonen" : "Verbergen")
            // In alphabetical order: the order they came in could tell who wrote which.
            }.sorted { ($0.text.lowercased(), $0.value) < ($1.text.lowercased(), $1.value) }
            // Thousands of open answers would make the page slow to load and to read: the first
            // hundred, and a link to all of them (the CSV holds them too).
            let all = req.query[String.self, at: "open"] == question.id
            let more = !all && allTexts.count > Self.openShown ? allTexts.count - Self.openShown : 0
            let texts = more > 0 ? Array(allTexts.prefix(Self.openShown)) : allTexts
            func share(_ r: QuestionResult?, _ optionID: String) -> String? { r.flatMap { r in r.counts.first { $0.optionID == optionID }.map { BarChart.percent($0.share) } } }
            let rows = a.counts.map { Row(label: $0.label, count: $0.count, share: BarChart.percent($0.share), shareB: compare ? share(b, $0.optionID) ?? "—" : nil) }
            return Item(anchor: "vraag-\(question.id)", number: number, text: question.text, kind: question.kind.label, answered: "\(a.answered)", answeredB: compare ? b.map { "\($0.answered)" } ?? "—" : nil,
                        rows: tooFew ? [] : rows, hasRows: !tooFew && !rows.isEmpty,
                        mean: a.mean.map(ObservationChart.format), meanB: compare ? b?.mean.map(ObservationChart.format) ?? "—" : nil,
                        top: a.topShare.map(BarChart.percent), topB: compare ? b?.topShare.map(BarChart.percent) ?? "—" : nil, topLabel: a.topLabel,
                        svg: tooFew || a.counts.isEmpty ? nil : BarChart(id: "grafiek-\(question.id)", title: question.text,
                                                                       bars: a.counts.map { .init(label: $0.label, share: $0.share) }).svg,
                        texts: texts, hasTexts: !texts.isEmpty, isOpen: question.kind.isOpen,
                        more: more > 0 ? "Nog \(more) open antwoorden: toon ze allemaal" : nil,
                        moreHref: paths.results.path + "?" + (query.fields + [("open", question.id)]).map { "\($0.name)=\($0.value)" }.joined(separator: "&") + "#vraag-\(question.id)-open")
        }

        func monthLabel(_ m: String) -> String { Month(m)?.label ?? m }
        func select(_ name: String, _ label: String, _ options: [(String, String)], _ chosen: String?, all: String) -> Select {
            Select(id: "f-\(name)", name: name, label: label, options: [Choice(value: "", label: all, selected: chosen == nil)]
                + options.map { Choice(value: $0.0, label: $0.1, selected: $0.0 == chosen) })
        }
        var filters: [Select] = []
        if !query.usedLocations.isEmpty {
            filters.append(select("locatie", "Locatie", try query.locations.filter { query.usedLocations.contains(try $0.requireID()) }.map { (try $0.requireID().uuidString, $0.name) },
                                  filter.location?.uuidString, all: "Alle locaties"))
        }
        if !query.usedActivities.isEmpty {
            filters.append(select("activiteit", "Activiteit", try query.activities.filter { query.usedActivities.contains(try $0.requireID()) }.map { (try $0.requireID().uuidString, $0.name) },
                                  filter.activity?.uuidString, all: "Alle activiteiten"))
        }
        if query.hasYearGroups {
            filters.append(select("groep", "Groep", (1...8).map { (String($0), "Groep \($0)") }, filter.yearGroup.map(String.init), all: "Alle groepen"))
        }
        let months = results.months.map { ($0, monthLabel($0)) }
        if months.count > 1 {
            filters.append(select("van", "Vanaf maand", months, filter.from, all: "Vanaf het begin"))
            filters.append(select("tot", "Tot en met maand", months, filter.to, all: "Tot het eind"))
            filters.append(select("van2", "Vergelijk met: vanaf maand", months, filterB.from, all: "Niet vergelijken"))
            filters.append(select("tot2", "Vergelijk met: tot en met maand", months, filterB.to, all: "Tot het eind"))
        }
        let merged = results.hasMerged(filter, activities: query.own, shown: shown.count)
        return try await req.page("vragenlijsten/results", title: "Resultaten: \(q.title)", current: .vragenlijsten) { layout in
            Page(layout: layout, back: access.mayChange(q) ? paths.path : access.paths.path, backLabel: access.mayChange(q) ? "Terug naar de vragenlijst" : "Terug naar vragenlijsten",
                 title: q.title, total: results.responses.count, shown: shown.count, shownB: compare ? shownB.count : nil, tooFew: tooFew, tooFewB: tooFewB,
                 merged: merged && !tooFew, partnerNote: query.own != nil, filters: filters, filterAction: paths.results.path, compare: compare,
                 labelA: ResultsQuery.range(filter), labelB: compare ? ResultsQuery.range(filterB) : nil, items: items, hideAction: paths.hideAnswer.path, version: q.version,
                 canHide: canHide, minimum: Anonymity.minimum, exportHref: paths.export.path,
                 insertAction: paths.insertSummary.path, targets: targets.map { Choice(value: $0.value, label: $0.label, selected: false) },
                 hasTargets: !targets.isEmpty && !tooFew, filterFields: query.fields.map { Choice(value: $0.value, label: $0.name, selected: false) })
        }
    }

    /// The responses as CSV for Dutch Excel, with the same anonymity as the page: a column a
    /// response's group gave up stays empty, months instead of days, hidden open answers left
    /// out, nothing at all under five responses, and rows sorted so their order says nothing.
    func export(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.load(req)
        let q = try await access.questionnaire(req)
        let query = try await ResultsQuery.load(req, access, q) { _ in nil }
        let results = query.results, own = query.own
        let locations = Dictionary(uniqueKeysWithValues: try query.locations.map { (try $0.requireID(), $0.name) })
        let activityNames = Dictionary(uniqueKeysWithValues: try query.activities.map { (try $0.requireID(), $0.name) })
        let list = q.questionList.answerable, hidden = q.hidden
        var rows: [[String]] = []
        if let cells = results.cells {
            for (response, cell) in zip(results.responses, cells) {
                if let own, !(cell[2].flatMap { UUID(uuidString: $0) }.map(own.contains) ?? false) { continue }
                var row = [cell[0].flatMap { Month($0)?.label } ?? "", cell[3].flatMap { UUID(uuidString: $0) }.flatMap { locations[$0] } ?? "",
                           cell[2].flatMap { UUID(uuidString: $0) }.flatMap { activityNames[$0] } ?? "", cell[1].map { "groep \($0)" } ?? ""]
                for question in list {
                    let given = response.answers[question.id]
                    if question.kind.isOpen, hidden.contains("\(question.id):\(response.id.uuidString)") { row.append("(verborgen)"); continue }
                    row.append(question.kind.hasOptions ? question.options.filter { given.contains($0.id) }.map(\.label).joined(separator: "; ")
                                                        : given.first.map { question.kind == .number ? $0.replacingOccurrences(of: ".", with: ",") : $0 } ?? "")
                }
                rows.append(row)
            }
        }
        if rows.count < Anonymity.minimum { rows = [] }
        rows.sort { $0.lexicographicallyPrecedes($1) }
        let header = ["Maand", "Locatie", "Activiteit", "Groep"] + list.map(\.text)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"antwoorden-\(req.today.iso).csv\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: CSV.write([header] + rows)))
    }

    struct HideForm: Codable { enum CodingKeys: String, CodingKey { case answer, version }; let answer: String; let version: String }

    func hide(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.load(req)
        let q = try await access.questionnaire(req)
        let form = try req.form(HideForm.self)
        guard let version = Versioned.parse(form.version), form.answer.count <= 60 else { throw Abort(.badRequest) }
        let parts = form.answer.split(separator: ":")
        guard parts.count == 2, q.questionList.question(String(parts[0]))?.kind.isOpen == true, UUID(uuidString: String(parts[1])) != nil else { throw Abort(.badRequest) }
        var hidden = q.hidden
        let hiding = !hidden.contains(form.answer)
        if hiding { hidden.insert(form.answer) } else { hidden.remove(form.answer) }
        guard try await access.store(req.db).update(try q.requireID(), from: version, hidden: hidden, now: req.now) else { throw Abort(.conflict) }
        try await req.flash(hiding ? "Het antwoord is verborgen. Alleen projectleiders zien het nog, gemarkeerd als verborgen." : "Het antwoord wordt weer getoond.")
        return .seeOther(access.paths.vragenlijst(try q.requireID()).results.path + "#vraag-\(parts[0])")
    }

    // MARK: links

    struct LinkRow: Encodable { let place: String; let url: String; let code: String }
    struct LinksPage: Encodable { let layout: Layout; let back: String; let title: String; let rows: [LinkRow]; let hasRows: Bool; let startURL: String; let isOpen: Bool; let isPupil: Bool }

    func links(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.making(req)
        let q = try await access.changeable(req)
        let id = try q.requireID()
        let links = try await access.store(req.db).links(of: id)
        let locations = Dictionary(uniqueKeysWithValues: try await PlacesStore(access.tenant, on: req.db).locations().map { (try $0.requireID(), $0.name) })
        let activities = Dictionary(uniqueKeysWithValues: try await ActiviteitenStore(access.tenant, on: req.db).activities(.all).map { (try $0.requireID(), $0.name) })
        let rows = links.map { link -> LinkRow in
            let place = link.activityID.flatMap { activities[$0] }.map { name in link.locationID.flatMap { locations[$0] }.map { "\(name) (\($0))" } ?? name }
                ?? link.locationID.flatMap { locations[$0] } ?? "Iedereen"
            return LinkRow(place: place, url: req.absoluteURL(Paths.answer(link.code).path), code: AnswerCode.display(link.code))
        }.sorted { $0.place.localizedStandardCompare($1.place) == .orderedAscending }
        return try await req.page("vragenlijsten/links", title: "Links en codes: \(q.title)", current: .vragenlijsten) { layout in
            LinksPage(layout: layout, back: access.paths.vragenlijst(id).path, title: q.title, rows: rows, hasRows: !rows.isEmpty,
                      startURL: req.absoluteURL(Paths.answerStart.path), isOpen: q.statusValue == .open, isPupil: q.audienceValue == .leerlingen)
        }
    }
}

/// "Overzicht invoegen" on the results page: the bouwblad, and the filter shown.
struct SummaryInsertForm: Codable {
    enum CodingKeys: String, CodingKey, FieldName { case bouwblad, locatie, activiteit, groep, van, tot }
    var bouwblad, locatie, activiteit, groep, van, tot: String?
}
