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
    }

    // MARK: results

    struct Choice: Encodable { let value: String; let label: String; let selected: Bool }
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
    }

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
    }

    func results(req: Request) async throws -> Response {
        let access = try VragenlijstAccess.load(req)
        let q = try await access.questionnaire(req)
        let id = try q.requireID()
        let store = access.store(req.db)
        let records = try await store.responses(of: id)
        let locations = try await PlacesStore(access.tenant, on: req.db).locations()
        let activities = try await ActiviteitenStore(access.tenant, on: req.db).activities(access.ownPartner.map { .partner($0) } ?? .all)
        let own: Set<UUID>? = access.role == .partner ? Set(try activities.map { try $0.requireID() }) : nil
        let results = Results(records.map {
            Results.Response(id: $0.id!, location: $0.locationID, activity: $0.activityID, yearGroup: $0.yearGroup,
                             month: $0.submittedOn.map { String($0.prefix(7)) }, answers: $0.answerValues)
        })
        let query = req.query
        func uuid(_ name: String) -> UUID? { (try? query.get(String.self, at: name)).flatMap { UUID(uuidString: String($0.prefix(36))) } }
        func month(_ name: String) -> String? { (try? query.get(String.self, at: name)).flatMap { results.months.contains($0) ? $0 : nil } }
        let group = (try? query.get(String.self, at: "groep")).flatMap { Int($0.prefix(2)) }.flatMap { (1...8).contains($0) ? $0 : nil }
        let filter = Results.Filter(location: uuid("locatie"), activity: uuid("activiteit"), yearGroup: group, from: month("van"), to: month("tot"))
        var filterB = filter
        (filterB.from, filterB.to) = (month("van2"), month("tot2"))
        let compare = filterB.from != nil || filterB.to != nil
        let shown = results.shown(filter, activities: own), shownB = compare ? results.shown(filterB, activities: own) : []
        let tooFew = shown.count < Anonymity.minimum, tooFewB = compare && shownB.count < Anonymity.minimum
        let hidden = q.hidden, canHide = access.role == .projectleider
        let paths = access.paths.vragenlijst(id)

        var number = 0
        let items = q.questionList.answerable.map { question -> Item in
            number += 1
            let a = QuestionResult(question, answers: tooFew ? [] : shown.map(\.answers))
            let b = compare && !tooFewB ? QuestionResult(question, answers: shownB.map(\.answers)) : nil
            let texts: [Text] = tooFew || !question.kind.isOpen ? [] : shown.compactMap { r in
                guard let text = r.answers[question.id].first else { return nil }
                let key = "\(question.id):\(r.id.uuidString)", isHidden = hidden.contains(key)
                if isHidden && !canHide { return nil }
                return Text(text: text, hidden: isHidden, action: canHide ? paths.hideAnswer.path : nil, value: key, button: isHidden ? "Weer tonen" : "Verbergen")
            }
            func share(_ r: QuestionResult?, _ optionID: String) -> String? { r.flatMap { r in r.counts.first { $0.optionID == optionID }.map { BarChart.percent($0.share) } } }
            let rows = a.counts.map { Row(label: $0.label, count: $0.count, share: BarChart.percent($0.share), shareB: compare ? share(b, $0.optionID) ?? "—" : nil) }
            return Item(anchor: "vraag-\(question.id)", number: number, text: question.text, kind: question.kind.label, answered: "\(a.answered)", answeredB: compare ? b.map { "\($0.answered)" } ?? "—" : nil,
                        rows: tooFew ? [] : rows, hasRows: !tooFew && !rows.isEmpty,
                        mean: a.mean.map(ObservationChart.format), meanB: compare ? b?.mean.map(ObservationChart.format) ?? "—" : nil,
                        top: a.topShare.map(BarChart.percent), topB: compare ? b?.topShare.map(BarChart.percent) ?? "—" : nil, topLabel: a.topLabel,
                        svg: tooFew || a.counts.isEmpty ? nil : BarChart(id: "grafiek-\(question.id)", title: question.text,
                                                                       bars: a.counts.map { .init(label: $0.label, share: $0.share) }).svg,
                        texts: texts, hasTexts: !texts.isEmpty, isOpen: question.kind.isOpen)
        }

        func monthLabel(_ m: String) -> String { Month(m)?.label ?? m }
        func select(_ name: String, _ label: String, _ options: [(String, String)], _ chosen: String?, all: String) -> Select {
            Select(id: "f-\(name)", name: name, label: label, options: [Choice(value: "", label: all, selected: chosen == nil)]
                + options.map { Choice(value: $0.0, label: $0.1, selected: $0.0 == chosen) })
        }
        var filters: [Select] = []
        let usedLocations = Set(records.compactMap(\.locationID)), usedActivities = Set(records.compactMap(\.activityID))
        if !usedLocations.isEmpty {
            filters.append(select("locatie", "Locatie", try locations.filter { usedLocations.contains(try $0.requireID()) }.map { (try $0.requireID().uuidString, $0.name) },
                                  filter.location?.uuidString, all: "Alle locaties"))
        }
        if !usedActivities.isEmpty {
            filters.append(select("activiteit", "Activiteit", try activities.filter { usedActivities.contains(try $0.requireID()) }.map { (try $0.requireID().uuidString, $0.name) },
                                  filter.activity?.uuidString, all: "Alle activiteiten"))
        }
        if records.contains(where: { $0.yearGroup != nil }) {
            filters.append(select("groep", "Groep", (1...8).map { (String($0), "Groep \($0)") }, group.map(String.init), all: "Alle groepen"))
        }
        let months = results.months.map { ($0, monthLabel($0)) }
        if months.count > 1 {
            filters.append(select("van", "Vanaf maand", months, filter.from, all: "Vanaf het begin"))
            filters.append(select("tot", "Tot en met maand", months, filter.to, all: "Tot het eind"))
            filters.append(select("van2", "Vergelijk met: vanaf maand", months, filterB.from, all: "Niet vergelijken"))
            filters.append(select("tot2", "Vergelijk met: tot en met maand", months, filterB.to, all: "Tot het eind"))
        }
        func range(_ f: Results.Filter) -> String {
            switch (f.from, f.to) {
            case (nil, nil): return "Hele periode"
            case let (from?, nil): return "Vanaf \(monthLabel(from))"
            case let (nil, to?): return "Tot en met \(monthLabel(to))"
            case let (from?, to?): return "\(monthLabel(from)) – \(monthLabel(to))"
            }
        }
        let merged = results.hasMerged(filter, activities: own, shown: shown.count)
        return try await req.page("vragenlijsten/results", title: "Resultaten: \(q.title)", current: .vragenlijsten) { layout in
            Page(layout: layout, back: access.canMake ? paths.path : access.paths.path, backLabel: access.canMake ? "Terug naar de vragenlijst" : "Terug naar vragenlijsten",
                 title: q.title, total: records.count, shown: shown.count, shownB: compare ? shownB.count : nil, tooFew: tooFew, tooFewB: tooFewB,
                 merged: merged && !tooFew, partnerNote: own != nil, filters: filters, filterAction: paths.results.path, compare: compare,
                 labelA: range(filter), labelB: compare ? range(filterB) : nil, items: items, hideAction: paths.hideAnswer.path, version: q.version,
                 canHide: canHide, minimum: Anonymity.minimum)
        }
    }

    struct HideForm: Codable { enum CodingKeys: String, CodingKey { case answer, version }; let answer: String; let version: String }

    func hide(req: Request) async throws -> Response {
        let access = try VragenlijstAccess.load(req)
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
        let access = try VragenlijstAccess.making(req)
        let q = try await access.questionnaire(req)
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
