import Domain
import Fluent
import Vapor

/// "Wat moet ik nu doen?" above the raster: what is waiting for this person, each with a
/// link straight to where it is done. A new coalition's projectleider gets first steps.
struct NextSteps: Encodable {
    struct Item: Encodable { let text: String; let detail: String?; let href: String; let action: String }
    struct Group: Encodable { let title: String; let items: [Item]; let more: Item? }
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

    /// Everything this page needs besides what the raster read.
    struct Model {
        let tenant: Tenant
        let today: IsoDate
        let sessions: [NextStepsStore.SessionRow]
        let sessionsTotal: Int
        let acties: [Actie]
        let incidents: Int?
        let firstSteps: NextStepsStore.FirstSteps?
    }

    static func load(_ req: Request, summaries: BouwbladSummaries) async throws -> Model {
        let tenant = try req.tenant, today = req.today
        let store = NextStepsStore(tenant, on: req.db)
        let membership = try tenant.membership.requireID()
        let recorder: NextStepsStore.Recorder?
        switch tenant.role {
        case .projectleider: recorder = .everyone
        case .coordinator: recorder = .locations(try await PlacesStore(tenant, on: req.db).locations(keptBy: membership))
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
        return Model(
            tenant: tenant, today: today, sessions: sessions.rows, sessionsTotal: sessions.total, acties: acties,
            incidents: isLeader ? try await store.openIncidents() : nil,
            firstSteps: isLeader && summaries.bouwbladen.isEmpty ? try await store.firstSteps() : nil)
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
                title: model.sessionsTotal == 1 ? "1 sessie om in te vullen" : "\(model.sessionsTotal) sessies om in te vullen", items: sessionItems,
                more: rest > 0 ? Item(text: rest == 1 ? "en nog 1 sessie" : "en nog \(rest) sessies", detail: nil, href: coalition.activiteiten.path, action: "Naar de activiteiten") : nil))
        }

        let due = today.adding(days: Self.dueWithinDays)
        let acties = model.acties
            .filter { ($0.wanneer?.date).map { $0 <= due } ?? false }
            .sorted { ($0.wanneer?.date?.iso ?? "", $0.text) < ($1.wanneer?.date?.iso ?? "", $1.text) }
        if !acties.isEmpty {
            groups.append(Group(
                title: "Jouw acties die te laat zijn of bijna moeten", items: acties.prefix(Self.shown).map { actie in
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
                title: "Bouwbladen waarvan jij trekker bent", items: kept.prefix(Self.shown).map { b, check in
                    let bouwsteen = catalog.bouwsteen(id: b.bouwsteenID)?.key.name ?? ""
                    let heading = b.title.isEmpty ? (b.questionID.flatMap { catalog.question(id: $0)?.1.text } ?? b.ownQuestion ?? "") : b.title
                    return Item(text: "\(bouwsteen): \(PlainText.excerpt(heading, limit: 80))",
                                detail: "\(check.state.label). \(check.points.first?.text ?? "")", href: coalition.bouwblad(b.id!).path, action: "Verder")
                },
                more: nil))
        }

        if let incidents = model.incidents, incidents > 0 {
            groups.append(Group(title: "Incidenten", items: [
                Item(text: incidents == 1 ? "1 incident is nog niet afgehandeld" : "\(incidents) incidenten zijn nog niet afgehandeld", detail: nil,
                     href: coalition.activiteiten.incidents.path, action: "Afhandelen"),
            ], more: nil))
        }
        if model.tenant.role == .projectleider, !summaries.bouwbladen.isEmpty {
            let ready = catalog.bouwstenen.filter { (try? summaries.forBouwsteen($0).state) == .klaarVoorRapport }.count
            groups.append(Group(title: "Het rapport", items: [
                Item(text: "\(ready) van de \(catalog.bouwstenen.count) bouwstenen zijn klaar voor het rapport", detail: nil, href: coalition.rapport.path, action: "Naar het rapport"),
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
