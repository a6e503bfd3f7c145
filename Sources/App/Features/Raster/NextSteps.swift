import Domain
import Fluent
import Vapor

/// "Wat moet ik nu doen?" above the raster: what is waiting for this person, each with a
/// link straight to where it is done. A new coalition's projectleider gets first steps.
/// The one source of this list: the reminder digest (`ReminderDigest`) mails the same
/// groups, each a `ReminderKind`, so mail and screen never disagree. No pupil's data and no
/// incident text: these lines also go out by mail.
struct NextSteps: Encodable {
    struct Item: Encodable, Sendable { let text: String; let detail: String?; let href: String; let action: String }
    struct Group: Encodable, Sendable { let kind: ReminderKind; let title: String; let items: [Item]; let more: Item? }
    struct FirstStep: Encodable { let text: String; let hint: String; let href: String; let done: Bool }

    let groups: [Group]
    let hasGroups: Bool
    let firstSteps: [FirstStep]
    let hasFirstSteps: Bool
    /// Nothing waiting: a short line instead of an empty panel.
    let isQuiet: Bool

    static let shown = 5
    /// An actie counts as due this many days before its date.
    static let dueWithinDays = 14
    static let meetingsAhead = 7
    static let vogDays = 60
    /// The end of the subsidy period is named this many days before it.
    static let reportDays = 120

    /// Everything this page needs besides what the raster read.
    struct Model {
        let tenant: Tenant
        let today: IsoDate
        let sessions: [NextStepsStore.SessionRow]
        let sessionsTotal: Int
        let acties: [Actie]
        let incidents: Int?
        let firstSteps: NextStepsStore.FirstSteps?
        /// Bouwbladen with a cycle whose period ended and that is not closed.
        let endedCycles: [UUID: Int]
        /// Jaarplan evaluation moments due within two weeks or late, not written.
        let evaluations: [(moment: Int, day: IsoDate, href: String, year: SchoolYear)]
        let meetings: [MeetingRecord]
        let expiringVogs: [(staff: StaffRecord, until: IsoDate)]
        let hasFinalReport: Bool
    }

    static func load(_ req: Request, summaries: BouwbladSummaries) async throws -> Model {
        try await load(try req.tenant, on: req.db, today: req.today, summaries: summaries)
    }

    /// Also without a request: the digest reads the same for every member.
    static func load(_ tenant: Tenant, on db: any Database, today: IsoDate, summaries: BouwbladSummaries) async throws -> Model {
        let store = NextStepsStore(tenant, on: db)
        let membership = try tenant.membership.requireID()
        let recorder: NextStepsStore.Recorder?
        switch tenant.role {
        case .projectleider: recorder = .everyone
        case .coordinator: recorder = .locations(try await PlacesStore(tenant, on: db).locations(keptBy: membership))
        case .partner: recorder = tenant.membership.partnerID.map { .partner($0) }
        case .lezer: recorder = nil
        }
        let sessions = try await recorder.asyncMap { try await store.sessionsToFill(by: $0, today: today, limit: shown) } ?? (rows: [], total: 0)
        var acties = tenant.role.canEdit ? try await store.openActies(of: membership) : []
        // Acties of a bouwblad or a cycle in the prullenbak are not part of the plan.
        let live = try await store.liveCycleIDs(among: Set(acties.map(\.cycleID)))
        let liveBouwbladen = Set(summaries.bouwbladen.compactMap(\.id))
        acties = acties.filter { live.contains($0.cycleID) && liveBouwbladen.contains($0.bouwbladID) }
        let isLeader = tenant.role == .projectleider
        let kept = Set(summaries.bouwbladen.filter { $0.keeperID != nil && $0.keeperID == tenant.membership.id }.compactMap(\.id))
        let ended = kept.isEmpty ? [] : try await DashboardStore(tenant, on: db).unclosedCycles(endedBefore: Month(year: today.year, month: today.month)!)
        var evaluations: [(moment: Int, day: IsoDate, href: String, year: SchoolYear)] = []
        // Only those who write the evaluation (a partner may not) are asked to.
        if JaarplanController.canEdit(tenant) {
            let year = SchoolYear(containing: today)
            for m in try await JaarplanController.moments(db, tenant, year) where !m.written && m.day <= today.adding(days: 14) {
                evaluations.append((m.moment, m.day, m.href, year))
            }
        }
        var meetings: [MeetingRecord] = []
        if isLeader || (tenant.role == .partner && tenant.membership.partnerID != nil) {
            meetings = try await store.meetings(from: today, to: today.adding(days: meetingsAhead)).filter { meeting in
                isLeader || (meeting.value?.invited.contains(tenant.membership.partnerID!) ?? false)
            }
        }
        var vogs: [(staff: StaffRecord, until: IsoDate)] = []
        if isLeader {
            let years = try await ActiviteitenStore(tenant, on: db).settings().vogYears
            vogs = try await PlacesStore(tenant, on: db).staff().compactMap { staff in
                guard case .geldig(let until) = staff.vog(validityYears: years, today: today), until <= today.adding(days: vogDays) else { return nil }
                return (staff, until)
            }.sorted { $0.until < $1.until }
        }
        return Model(
            tenant: tenant, today: today, sessions: sessions.rows, sessionsTotal: sessions.total, acties: acties,
            incidents: isLeader ? try await store.openIncidents() : nil,
            firstSteps: isLeader && summaries.bouwbladen.isEmpty ? try await store.firstSteps() : nil,
            endedCycles: Dictionary(ended.filter { kept.contains($0.bouwblad.id!) }.map { ($0.bouwblad.id!, $0.cycle.number) }, uniquingKeysWith: min),
            evaluations: evaluations, meetings: meetings, expiringVogs: vogs,
            hasFinalReport: isLeader ? try await store.hasFinalReport() : false)
    }

    /// The panel from what was read: no I/O.
    init(_ model: Model, summaries: BouwbladSummaries, catalog: FormatCatalog) {
        let coalition = Paths.coalition(model.tenant.coalition.slug), today = model.today
        var groups: [Group] = []

        let sessionItems = model.sessions.map { s in
            Item(text: s.name, detail: IsoDate(s.date).map { "Sessie van \($0.shortLabel)" }, href: coalition.activiteiten.activity(s.activity_id).session(s.id).path,
                 action: "Invullen")
        }
        if !sessionItems.isEmpty {
            let rest = model.sessionsTotal - sessionItems.count
            groups.append(Group(
                kind: .sessies, title: model.sessionsTotal == 1 ? "1 sessie om in te vullen" : "\(model.sessionsTotal) sessies om in te vullen", items: sessionItems,
                more: rest > 0 ? Item(text: rest == 1 ? "en nog 1 sessie" : "en nog \(rest) sessies", detail: nil, href: coalition.activiteiten.path, action: "Naar de activiteiten") : nil))
        }

        let due = today.adding(days: Self.dueWithinDays)
        let acties = model.acties
            .filter { ($0.wanneer?.date).map { $0 <= due } ?? false }
            .sorted { ($0.wanneer?.date?.iso ?? "", $0.text) < ($1.wanneer?.date?.iso ?? "", $1.text) }
        if !acties.isEmpty {
            groups.append(Group(
                kind: .acties, title: "Jouw acties die te laat zijn of bijna moeten", items: acties.prefix(Self.shown).map { actie in
                    Item(text: PlainText.excerpt(actie.text, limit: 100),
                         detail: "\(actie.isOverdue(today: today) ? "Te laat" : "Moet bijna"): \(actie.wanneer?.label ?? "")",
                         href: coalition.bouwblad(actie.bouwbladID).path + "#actie-\(actie.id)", action: "Bekijken")
                },
                more: acties.count > Self.shown ? Item(text: "en nog \(acties.count - Self.shown)", detail: nil, href: coalition.acties.path + "?te-laat=ja", action: "Alle acties") : nil))
        }

        let membership = model.tenant.membership.id
        // In the raster's order, then oldest first: the same list every time.
        let order = Dictionary(uniqueKeysWithValues: catalog.bouwstenen.enumerated().map { ($1.id, $0) })
        let kept = summaries.bouwbladen.filter { $0.keeperID != nil && $0.keeperID == membership }
            .sorted { (order[$0.bouwsteenID] ?? 99, $0.createdAt ?? .distantPast, $0.title) < (order[$1.bouwsteenID] ?? 99, $1.createdAt ?? .distantPast, $1.title) }
            .compactMap { b -> (BouwbladRecord, BouwbladCheck)? in
            guard let id = b.id, let check = summaries.checks[id], check.state != .klaarVoorRapport else { return nil }
            return (b, check)
        }
        if !kept.isEmpty {
            groups.append(Group(
                kind: .cycli, title: "Bouwbladen waarvan jij trekker bent", items: kept.prefix(Self.shown).map { b, check in
                    let bouwsteen = catalog.bouwsteen(id: b.bouwsteenID)?.key.name ?? ""
                    let heading = b.title.isEmpty ? (b.questionID.flatMap { catalog.question(id: $0)?.1.text } ?? b.ownQuestion ?? "") : b.title
                    // A cycle whose period is over and that is not closed is what to do first.
                    let detail = model.endedCycles[b.id!].map { "De periode van cyclus \($0) is voorbij. Rond de cyclus af of verleng de periode." }
                        ?? "\(check.state.label). \(check.points.first?.text ?? "")"
                    return Item(text: "\(bouwsteen): \(PlainText.excerpt(heading, limit: 80))",
                                detail: detail, href: coalition.bouwblad(b.id!).path, action: "Verder")
                },
                more: nil))
        }

        if !model.evaluations.isEmpty {
            groups.append(Group(kind: .evaluaties, title: "Evaluatie van het jaarplan", items: model.evaluations.map { e in
                Item(text: "Evaluatie \(EvaluationController.label(e.moment, e.year))",
                     detail: (e.day < today ? "Was gepland op " : "Gepland op ") + e.day.label, href: e.href, action: "Schrijven")
            }, more: nil))
        }

        let meetings = model.meetings.compactMap { m in m.value.map { (m, $0) } }
        if !meetings.isEmpty {
            groups.append(Group(kind: .overleg, title: "Overleg in de komende week", items: meetings.prefix(Self.shown).map { record, meeting in
                Item(text: meeting.kind, detail: meeting.day.label + (meeting.slot.map { ", \($0.label)" } ?? "") + (meeting.place.isEmpty ? "" : ", \(meeting.place)"),
                     href: coalition.overleg.meeting(record.id!).path, action: "Bekijken")
            }, more: meetings.count > Self.shown ? Item(text: "en nog \(meetings.count - Self.shown)", detail: nil, href: coalition.overleg.path, action: "Naar het overleg") : nil))
        }

        if let incidents = model.incidents, incidents > 0 {
            groups.append(Group(kind: .incidenten, title: "Incidenten", items: [
                Item(text: incidents == 1 ? "1 incident is nog niet afgehandeld" : "\(incidents) incidenten zijn nog niet afgehandeld", detail: nil,
                     href: coalition.activiteiten.incidents.path, action: "Afhandelen"),
            ], more: nil))
        }
        if !model.expiringVogs.isEmpty {
            groups.append(Group(kind: .vogs, title: "VOG's die binnen 60 dagen verlopen", items: model.expiringVogs.prefix(Self.shown).map { v in
                Item(text: v.staff.name, detail: "Geldig tot \(v.until.label)", href: coalition.partner(v.staff.partnerID).path, action: "Bekijken")
            }, more: model.expiringVogs.count > Self.shown ? Item(text: "en nog \(model.expiringVogs.count - Self.shown)", detail: nil, href: coalition.dashboard.path, action: "Naar het dashboard") : nil))
        }
        if model.tenant.role == .projectleider, !summaries.bouwbladen.isEmpty {
            let ready = catalog.bouwstenen.filter { (try? summaries.forBouwsteen($0).state) == .klaarVoorRapport }.count
            // The period ends on 31 July of its last year (school years); named when it is near.
            let end = IsoDate(String(format: "%04d-07-31", model.tenant.coalition.period.endYear))
            let near = end.flatMap { end in today <= end && end <= today.adding(days: Self.reportDays) && !model.hasFinalReport ? end : nil }
            groups.append(Group(kind: .rapport, title: "Het rapport", items: [
                Item(text: "\(ready) van de \(catalog.bouwstenen.count) bouwstenen zijn klaar voor het rapport",
                     detail: near.map { "De subsidieperiode eindigt op \($0.label). Zet het rapport vast als het klaar is." },
                     href: coalition.rapport.path, action: "Naar het rapport"),
            ], more: nil))
        }

        firstSteps = model.firstSteps.map { facts in
            [
                FirstStep(text: "Nodig je collega's uit", hint: "Coördinatoren, partners en lezers krijgen een link om een account te maken.",
                          href: coalition.invite.path, done: facts.invited),
                FirstStep(text: "Zet de locaties en partners klaar", hint: "De scholen en de organisaties die activiteiten geven.",
                          href: coalition.locaties.path, done: facts.hasLocations),
                FirstStep(text: "Zet de activiteiten in het activiteitenboek", hint: "Zelf, of in één keer uit een Excel-bestand (CSV).",
                          href: coalition.activiteiten.path, done: facts.hasActivities),
                FirstStep(text: "Begin aan een bouwsteen", hint: "Kies hieronder een bouwsteen en beantwoord de verplichte vraag.",
                          href: "#raster-title", done: false),
            ]
        } ?? []
        hasFirstSteps = !firstSteps.isEmpty
        self.groups = groups
        hasGroups = !groups.isEmpty
        isQuiet = groups.isEmpty && firstSteps.isEmpty
    }
}
