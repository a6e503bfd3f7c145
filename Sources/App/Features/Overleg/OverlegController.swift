import Domain
import Fluent
import Vapor

/// `/c/{slug}/overleg`: the network's meetings of a school year, and the coalition's
/// agreements about how often it meets, each checked against the meetings held (met, at
/// risk, missed). The projectleider and coordinators plan and record meetings; a partner
/// sees the meetings they were invited to; a lezer reads.
struct OverlegController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let overleg = Paths.coalition(.param).overleg
        routes.get(overleg.address, use: show)
        routes.get(overleg.new, use: new)
        routes.post(overleg.new, use: create)
        routes.get(overleg.meeting(.param).address, use: edit)
        routes.post(overleg.meeting(.param).address, use: save)
        routes.post(overleg.meeting(.param).delete, use: delete)
        routes.get(overleg.newRule, use: newRule)
        routes.post(overleg.newRule, use: createRule)
        routes.post(overleg.rule(.param).delete, use: deleteRule)
        routes.post(overleg.feed, use: renewFeed)
        routes.post(overleg.insert, use: insert)
    }

    /// The coalition's organisations by id (the partners of the activity book: one list).
    static func organisations(_ req: Request, _ tenant: Tenant) async throws -> [(id: UUID, name: String)] {
        try await PlacesStore(tenant, on: req.db).partners().compactMap { p in p.id.map { ($0, p.name) } }
            .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }

    // MARK: the page

    struct RuleRow: Encodable {
        let label: String; let state: StateTag; let period: String; let detail: String; let previous: String; let deleteAction: String?
    }
    struct MeetingRow: Encodable {
        // Nil rather than empty: a mustache section shows an empty string too.
        let id: String; let when: String; let kind: String; let status: String; let place: String?; let invited: String?; let present: String?
        let agenda: String?; let report: String?; let hasText: Bool; let editHref: String?
        let agreements: [AgreementRow]; let hasAgreements: Bool; let newAgreementHref: String?
    }
    struct AgreementRow: Encodable {
        let text: String; let who: String?; let when: String?
        /// Where its action is ("Actie in bouwblad 2.3: …"), with a link; or the link to make one.
        let action: String?; let actionHref: String?; let makeActionHref: String?; let deleteAction: String?
    }
    struct Page: Encodable {
        let layout: Layout; let year: String; let previousHref: String; let nextHref: String; let canEdit: Bool
        let newHref: String; let newRuleHref: String; let rules: [RuleRow]; let hasRules: Bool
        let meetings: [MeetingRow]; let hasMeetings: Bool; let partnerNote: Bool
        /// The network picture, for all but partners (who see only their own meetings).
        let networkHref: String?
        /// The calendar feed: its address for those who plan, the button for the projectleider.
        let feedURL: String?; let feedAction: String?
        /// The member's own feed: its address (once made) and the button.
        let personalFeedURL: String?; let personalFeedAction: String
        /// Puts a summary of the school year into step 3 of a bouwblad.
        let evidence: CoverageController.EvidenceForm?
    }

    func show(req: Request) async throws -> Response {
        let tenant = try req.tenant, year = JaarplanController.year(req), today = req.today
        let paths = Paths.coalition(tenant.coalition.slug).overleg, store = OverlegStore(tenant, on: req.db)
        let names = Dictionary(uniqueKeysWithValues: try await Self.organisations(req, tenant).map { ($0.id, $0.name) })
        // A partner sees what names their organisation, nothing else.
        let own = tenant.role == .partner ? tenant.membership.partnerID : nil
        func visible(_ ids: Set<UUID>) -> Bool { tenant.role != .partner || own.map(ids.contains) == true }
        let editable = tenant.role.keepsPlans
        func list(_ ids: [UUID]) -> String? { ids.compactMap { names[$0] }.sorted { $0.localizedStandardCompare($1) == .orderedAscending }.joined(separator: ", ").nilIfEmpty }

        let shown = try await store.meetings(in: year.days).compactMap { record -> (UUID, MeetingInput)? in
            guard let m = record.value, let id = record.id, visible(Set(m.invited + m.present)) else { return nil }
            return (id, m)
        }
        let agreements = try await AgreementRows(req, tenant, store, meetings: shown.map(\.0), names: names, editable: editable)
        let meetings = shown.map { id, m in
            MeetingRow(id: "overleg-\(id)", when: m.day.shortLabel + (m.slot.map { ", \($0.label)" } ?? ""), kind: m.kind, status: m.status.label,
                       place: m.place.nilIfEmpty, invited: list(m.invited), present: list(m.present), agenda: m.agenda.nilIfEmpty, report: m.report.nilIfEmpty,
                       hasText: !m.agenda.isEmpty || !m.report.isEmpty, editHref: editable ? paths.meeting(id).path : nil,
                       agreements: agreements.rows[id] ?? [], hasAgreements: agreements.rows[id] != nil,
                       newAgreementHref: editable ? paths.meeting(id).newAgreement.path : nil)
        }

        let rules = try await Self.checks(store, today: today).compactMap { c -> RuleRow? in
            guard c.rule.organisations.isEmpty || visible(c.rule.organisations) else { return nil }
            return RuleRow(label: c.rule.label(names: names), state: StateTag(c.now.status), period: c.period.label, detail: Self.detail(c.now, names: names),
                           previous: "\(c.period.previous.label): \(c.before.status.label.lowercased())",
                           deleteAction: editable ? paths.rule(c.id).delete.path : nil)
        }
        let targets = editable ? try await EvidenceController.targets(req, tenant) : []
        let evidence = targets.isEmpty ? nil : CoverageController.EvidenceForm(
            action: paths.insert.path, kind: "overleg", from: year.days.from.iso, to: year.days.to.iso,
            bouwbladen: targets.map { CoverageController.Option(value: $0.value, label: $0.label, selected: false) })
        let feed = editable ? try await store.feed() : nil
        let feedURL = feed.map { req.absoluteURL(Paths.calendar($0.token + ".ics").path) }
        let personal = try await store.personalFeed(of: try tenant.membership.requireID())
        return try await req.page("overleg/list", title: "Overleg \(year.key)", current: .overleg) { layout in
            Page(layout: layout, year: year.key, previousHref: paths.path + "?jaar=" + year.previous.key, nextHref: paths.path + "?jaar=" + year.next.key,
                 canEdit: editable, newHref: paths.new.path, newRuleHref: paths.newRule.path, rules: rules, hasRules: !rules.isEmpty,
                 meetings: meetings, hasMeetings: !meetings.isEmpty, partnerNote: tenant.role == .partner,
                 networkHref: tenant.role == .partner ? nil : Paths.coalition(tenant.coalition.slug).netwerk.path,
                 feedURL: feedURL, feedAction: tenant.role == .projectleider ? paths.feed.path : nil,
                 personalFeedURL: personal.map { req.absoluteURL(Paths.calendar($0.token + ".ics").path) }, personalFeedAction: paths.personalFeed.path,
                 evidence: evidence)
        }
    }

    /// Each cadence rule in the period that holds today, and in the one before it.
    static func checks(_ store: OverlegStore, today: IsoDate) async throws -> [(id: UUID, rule: CadenceRule, period: IndicatorPeriod, now: CadenceCheck, before: CadenceCheck)] {
        let thisYear = SchoolYear(containing: today)
        let counted = try await store.meetings(in: DateRange(from: thisYear.previous.days.from, to: thisYear.days.to)!).compactMap { $0.value }
            .map { CadenceMeeting(day: $0.day, kind: $0.kind, organisations: $0.counted, held: $0.status == .gehouden) }
        return try await store.rules().compactMap { record in
            guard let rule = record.rule, let id = record.id else { return nil }
            let period = IndicatorPeriod(rule.rhythm, containing: today)
            return (id, rule, period, rule.check(period, meetings: counted, today: today), rule.check(period.previous, meetings: counted, today: today))
        }
    }

    /// "1 van de 1 gehouden, 1 gepland" or, per organisation, "Wijkteam Noord: 1 gehouden; Wijkteam Zuid: 0 gehouden, 1 gepland".
    static func detail(_ check: CadenceCheck, names: [UUID: String]) -> String {
        func count(_ part: CadenceCheck.Part) -> String {
            "\(part.held) van de \(check.minimum) gehouden" + (part.planned > 0 ? ", \(part.planned) gepland" : "")
        }
        guard check.parts.first?.organisation != nil else { return check.parts.first.map(count) ?? "" }
        return check.parts.map { "\($0.organisation.flatMap { names[$0] } ?? "Onbekende organisatie"): \(count($0))" }
            .sorted { $0.localizedStandardCompare($1) == .orderedAscending }.joined(separator: "; ")
    }

    // MARK: meetings

    func new(req: Request) async throws -> Response {
        let tenant = try req.require(\.keepsPlans)
        let form = MeetingForm(kind: MeetingKind.key(MeetingKind.defaults[0]), date: req.today.iso, status: MeetingStatus.gepland.rawValue,
                               repeats: MeetingSeries.Repeat.nee.rawValue)
        return try await formPage(req, tenant, nil, FormState(form), form: form)
    }

    func create(req: Request) async throws -> Response {
        let tenant = try req.require(\.keepsPlans)
        let form = try req.form(MeetingForm.self)
        var errors = FieldErrors()
        let known = Set(try await Self.organisations(req, tenant).map(\.id))
        let input = MeetingInput.validate(form, organisations: known, into: &errors)
        let days = input.flatMap { MeetingForm.days(form, first: $0.day, into: &errors) }
        guard let input, let days, errors.isEmpty else {
            return try await formPage(req, tenant, nil, FormState(form, errors: errors), form: form, status: .unprocessableEntity)
        }
        // A series: the same meeting on each of its days, all in one transaction.
        let meetings = days.map { day in
            MeetingRecord(coalitionID: tenant.coalitionID, MeetingInput(kind: input.kind, day: day, slot: input.slot, place: input.place, status: day == input.day ? input.status : .gepland,
                                                                        invited: input.invited, present: day == input.day ? input.present : [], agenda: input.agenda,
                                                                        report: day == input.day ? input.report : ""))
        }
        try await OverlegStore(tenant, on: req.db).add(meetings)
        try await req.flash(meetings.count == 1 ? "Het overleg staat erin." : "Het overleg staat erin, \(meetings.count) keer: tot en met \(days.last!.label).")
        return .seeOther(Self.back(tenant, input.day))
    }

    static func meeting(_ req: Request, _ tenant: Tenant) async throws -> MeetingRecord {
        guard let id = req.parameters.get("meetingID", as: UUID.self), let found = try await OverlegStore(tenant, on: req.db).meeting(id) else { throw Abort(.notFound) }
        return found
    }

    func edit(req: Request) async throws -> Response {
        let tenant = try req.require(\.keepsPlans)
        let record = try await Self.meeting(req, tenant)
        guard let m = record.value else { throw Abort(.notFound) }
        let form = MeetingForm(kind: MeetingKind.defaults.contains(m.kind) ? MeetingKind.key(m.kind) : nil, otherKind: MeetingKind.defaults.contains(m.kind) ? nil : m.kind,
                               date: m.day.iso, start: m.slot?.start.text, end: m.slot?.end.text, place: m.place, status: m.status.rawValue,
                               invited: m.invited.map(\.uuidString), present: m.present.map(\.uuidString), agenda: m.agenda, report: m.report)
        return try await formPage(req, tenant, record, FormState(form), form: form, version: record.version)
    }

    func save(req: Request) async throws -> Response {
        let tenant = try req.require(\.keepsPlans)
        let record = try await Self.meeting(req, tenant)
        let body = try req.form(Edit<MeetingForm>.self)
        var errors = FieldErrors()
        let known = Set(try await Self.organisations(req, tenant).map(\.id))
        guard let input = MeetingInput.validate(body.form, organisations: known, into: &errors) else {
            return try await formPage(req, tenant, record, FormState(body.form, errors: errors), form: body.form, version: body.version ?? record.version,
                                      status: .unprocessableEntity)
        }
        guard let version = body.version else { throw Abort(.badRequest) }
        guard try await OverlegStore(tenant, on: req.db).update(try record.requireID(), from: version, input, now: req.now) else {
            return try await formPage(req, tenant, record, FormState(body.form), form: body.form, version: record.version, status: .conflict,
                                      lead: "Iemand anders heeft dit overleg intussen opgeslagen. Wat jij typte staat hieronder; kijk het na en sla opnieuw op.")
        }
        try await req.flash("Het overleg is opgeslagen.")
        return .seeOther(Self.back(tenant, input.day))
    }

    func delete(req: Request) async throws -> Response {
        let tenant = try req.require(\.keepsPlans)
        let record = try await Self.meeting(req, tenant)
        try await OverlegStore(tenant, on: req.db).delete(meeting: try record.requireID())
        try await req.flash("Het overleg is verwijderd.")
        return .seeOther(Self.back(tenant, IsoDate(record.day) ?? req.today))
    }

    /// The list of the school year the meeting is in.
    static func back(_ tenant: Tenant, _ day: IsoDate) -> String {
        Paths.coalition(tenant.coalition.slug).overleg.path + "?jaar=" + SchoolYear(containing: day).key
    }

    func formPage(_ req: Request, _ tenant: Tenant, _ record: MeetingRecord?, _ state: FormState, form posted: MeetingForm, version: Int? = nil,
                  status: HTTPStatus = .ok, lead: String? = nil) async throws -> Response {
        var form = state
        typealias F = MeetingForm.CodingKeys
        let paths = Paths.coalition(tenant.coalition.slug).overleg
        let organisations = try await Self.organisations(req, tenant).map { (value: $0.id.uuidString, label: $0.name) }
        var items: [FormPage.Item] = [
            .init(radios: form.choice(F.kind, "Soort overleg", noun: "de soort overleg", options: MeetingKind.defaults.map { (value: MeetingKind.key($0), label: $0, hint: nil) })),
            .init(field: form.field(F.otherKind, "Of een eigen soort (mag leeg)", noun: "de eigen soort", hint: "Bijvoorbeeld ‘Netwerkcirkel Oost’. Dit gaat voor de keuze hierboven.", required: false)),
            .init(field: form.field(F.date, "Datum", noun: "de datum", type: "date")),
            .init(field: form.field(F.start, "Begintijd (mag leeg)", noun: "de begintijd", type: "time", hint: "Bijvoorbeeld 15:30", required: false)),
            .init(field: form.field(F.end, "Eindtijd (mag leeg)", noun: "de eindtijd", type: "time", hint: "Bijvoorbeeld 17:00", required: false)),
            .init(field: form.field(F.place, "Plaats of online (mag leeg)", noun: "de plaats", required: false)),
            .init(radios: form.choice(F.status, "Status", noun: "de status", options: MeetingStatus.allCases.map { (value: $0.rawValue, label: $0.label, hint: nil) })),
        ]
        if !organisations.isEmpty {
            items.append(.init(checks: form.checks(F.invited, "Uitgenodigd (mag leeg)", noun: "een organisatie", options: organisations, chosen: Set(posted.invited ?? []))))
            items.append(.init(checks: form.checks(F.present, "Aanwezig (mag leeg)", noun: "een organisatie", hint: "Vul dit in als het overleg is gehouden.",
                                                   options: organisations, chosen: Set(posted.present ?? []))))
        }
        if record == nil {
            items.append(.init(radios: form.choice(F.repeats, "Herhalen", noun: "of het overleg terugkomt",
                                                   options: MeetingSeries.Repeat.allCases.map { (value: $0.rawValue, label: $0.label, hint: nil) })))
            items.append(.init(field: form.field(F.until, "Herhalen tot en met (alleen bij herhalen)", noun: "de laatste datum", type: "date",
                                                 hint: "Bijvoorbeeld het einde van het schooljaar. Hoogstens 5 jaar vooruit.", required: false)))
        }
        items.append(.init(field: form.field(F.agenda, "Agenda (mag leeg)", noun: "de agenda", type: "textarea", required: false)))
        items.append(.init(field: form.field(F.report, "Kort verslag (mag leeg)", noun: "het verslag", type: "textarea", hint: "Wat is er besproken en afgesproken?", required: false)))
        let title = record == nil ? "Overleg plannen" : "Overleg"
        let defaultLead = organisations.isEmpty
            ? "Er zijn nog geen organisaties. Voeg ze toe bij Activiteiten → Partners; dan kun je hier kiezen wie er komt."
            : "Plan een overleg, of leg vast hoe het ging. Een gehouden overleg telt mee voor de afspraken over overleg."
        return try await req.page("forms/page", title: title, current: .overleg, status: status) { layout in
            FormPage(layout: layout, back: paths.path, backLabel: "Terug naar het overleg", title: title, lead: lead ?? defaultLead,
                     action: record.map { paths.meeting($0.id!).path } ?? paths.new.path, items: items, submit: "Opslaan", version: version,
                     form: form, danger: record.map { FormPage.Danger(action: paths.meeting($0.id!).delete.path, label: "Overleg verwijderen") })
        }
    }

    // MARK: into step 3

    /// A dated summary of the school year's meetings, rules and agreements into step 3 of
    /// the chosen bouwblad.
    func insert(req: Request) async throws -> Response {
        let tenant = try req.require(\.keepsPlans)
        let form = try req.form(EvidenceInsertForm.self)
        let year = SchoolYear(containing: IsoDate(String((form.van ?? "").prefix(10))) ?? req.today)
        let store = OverlegStore(tenant, on: req.db), today = req.today
        let names = Dictionary(uniqueKeysWithValues: try await Self.organisations(req, tenant).map { ($0.id, $0.name) })
        func list(_ ids: [UUID]) -> [String] { ids.compactMap { names[$0] } }
        let records = try await store.meetings(in: year.days)
        let meetings = records.compactMap { $0.value }.map { OverlegSummary.Meeting(kind: $0.kind, day: $0.day, status: $0.status, organisations: list(Array($0.counted))) }
        let rules = try await Self.checks(store, today: today).map {
            OverlegSummary.Rule(label: $0.rule.label(names: names), status: $0.now.status, period: $0.period.label, detail: Self.detail($0.now, names: names))
        }
        let rows = try await AgreementRows(req, tenant, store, meetings: records.compactMap(\.id), names: names, editable: false)
        let agreements = records.compactMap(\.id).flatMap { rows.rows[$0] ?? [] }
            .map { OverlegSummary.Agreement(text: $0.text, who: $0.who ?? "", when: $0.when ?? "", action: $0.action ?? "") }
        let summary = OverlegSummary.text(year: year.key, today: today, meetings: meetings, rules: rules, agreements: agreements)
        return try await EvidenceController.insert(req, bouwblad: form.bouwblad, summary: summary)
    }

    // MARK: the calendar feed

    /// A new secret address for the calendar feed; calendars on the old one stop updating.
    func renewFeed(req: Request) async throws -> Response {
        let tenant = try req.require { $0 == .projectleider }
        let store = OverlegStore(tenant, on: req.db)
        let renewing = try await store.feed() != nil
        try await store.renewFeed(token: Tokens.random(), by: try req.requireUser().name)
        try await req.flash(renewing ? "Er is een nieuwe agenda-link. De oude link werkt niet meer." : "De agenda-link is gemaakt.")
        return .seeOther(Paths.coalition(tenant.coalition.slug).overleg.path + "#agenda")
    }

    // MARK: cadence rules

    func newRule(req: Request) async throws -> Response {
        let tenant = try req.require(\.keepsPlans)
        let form = CadenceRuleForm(minimum: "1", rhythm: Rhythm.kwartaal.rawValue)
        return try await rulePage(req, tenant, FormState(form), form: form)
    }

    func createRule(req: Request) async throws -> Response {
        let tenant = try req.require(\.keepsPlans)
        let form = try req.form(CadenceRuleForm.self)
        var errors = FieldErrors()
        let store = OverlegStore(tenant, on: req.db)
        let kinds = Set(MeetingKind.defaults).union(try await store.usedKinds())
        let known = Set(try await Self.organisations(req, tenant).map(\.id))
        guard let rule = CadenceRule.validate(form, kinds: kinds, organisations: known, into: &errors) else {
            return try await rulePage(req, tenant, FormState(form, errors: errors), form: form, status: .unprocessableEntity)
        }
        try await store.add(CadenceRuleRecord(coalitionID: tenant.coalitionID, rule))
        try await req.flash("De afspraak over overleg staat erin.")
        return .seeOther(Paths.coalition(tenant.coalition.slug).overleg.path)
    }

    func deleteRule(req: Request) async throws -> Response {
        let tenant = try req.require(\.keepsPlans)
        let store = OverlegStore(tenant, on: req.db)
        guard let id = req.parameters.get("ruleID", as: UUID.self), try await store.rule(id) != nil else { throw Abort(.notFound) }
        try await store.delete(rule: id)
        try await req.flash("De afspraak over overleg is verwijderd.")
        return .seeOther(Paths.coalition(tenant.coalition.slug).overleg.path)
    }

    func rulePage(_ req: Request, _ tenant: Tenant, _ state: FormState, form posted: CadenceRuleForm, status: HTTPStatus = .ok) async throws -> Response {
        var form = state
        typealias F = CadenceRuleForm.CodingKeys
        let paths = Paths.coalition(tenant.coalition.slug).overleg
        let kinds = Set(MeetingKind.defaults).union(try await OverlegStore(tenant, on: req.db).usedKinds())
            .sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        let organisations = try await Self.organisations(req, tenant).map { (value: $0.id.uuidString, label: $0.name) }
        let rhythms: [(value: String, label: String, hint: String?)] = [
            (Rhythm.kwartaal.rawValue, "Per kwartaal", "Augustus–oktober, november–januari, februari–april, mei–juli."),
            (Rhythm.halfjaar.rawValue, "Per half jaar", "Augustus–januari en februari–juli."),
            (Rhythm.schooljaar.rawValue, "Per schooljaar", "1 augustus tot en met 31 juli."),
        ]
        var items: [FormPage.Item] = [
            .init(field: form.field(F.minimum, "Minstens hoe vaak?", noun: "het aantal keer", hint: "Een heel getal van 1 tot en met 52.")),
            .init(select: form.select(F.kind, "Welk soort overleg?", noun: "de soort overleg", empty: "Elk soort overleg", options: kinds.map { (value: $0, label: $0) })),
            .init(radios: form.choice(F.rhythm, "Per welke periode?", noun: "de periode", options: rhythms)),
        ]
        if !organisations.isEmpty {
            items.append(.init(checks: form.checks(F.organisations, "Met welke organisaties? (mag leeg)", noun: "een organisatie",
                                                   hint: "Leeg: elk overleg telt. Anders telt een overleg waar een van deze organisaties bij was.",
                                                   options: organisations, chosen: Set(posted.organisations ?? []))))
            items.append(.init(checks: form.checks(F.each, "Elke organisatie apart", noun: "elke organisatie apart",
                                                   options: [(value: "ja", label: "Het aantal geldt voor elke gekozen organisatie apart, bijvoorbeeld voor elk wijkteam")],
                                                   chosen: Set(posted.each ?? []))))
        }
        return try await req.page("forms/page", title: "Afspraak over overleg", current: .overleg, status: status) { layout in
            FormPage(layout: layout, back: paths.path, backLabel: "Terug naar het overleg", title: "Afspraak over overleg",
                     lead: "Bijvoorbeeld: minstens 1 keer wijkoverleg per kwartaal met elk wijkteam. Bouwstenen laat zien of jullie dat halen.",
                     action: paths.newRule.path, items: items, submit: "Afspraak opslaan", form: form)
        }
    }
}
