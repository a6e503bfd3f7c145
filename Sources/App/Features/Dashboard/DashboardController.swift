import Domain
import Fluent
import Vapor

/// `/c/{slug}/dashboard`: what needs attention, on one page. The indicators with their
/// status and trend, acties late or due within two weeks, cycles whose period is over but
/// that are not closed, VOGs that expire within 60 days, open incidents. Every number
/// links to its list. A coordinator sees indicators and incidents of their own locations,
/// a partner those of their own activities and their own staff.
struct DashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.coalition(.param).dashboard, use: show)
    }

    struct Count: Encodable { let state: StateTag; let count: Int; let href: String }
    struct Item: Encodable { let text: String; let href: String; let detail: String }
    struct Block: Encodable {
        /// "Open incidenten: 2"; without a number where there is none to count.
        let heading: String; let href: String?; let hrefLabel: String?; let items: [Item]; let hasItems: Bool; let empty: String
        init(title: String, total: Int?, href: String?, hrefLabel: String?, items: [Item], hasItems: Bool, empty: String) {
            heading = title + (total.map { ": \($0)" } ?? "")
            (self.href, self.hrefLabel, self.items, self.hasItems, self.empty) = (href, hrefLabel, items, hasItems, empty)
        }
    }
    struct Page: Encodable {
        let layout: Layout; let counts: [Count]; let indicators: [IndicatorenController.Row]; let hasIndicators: Bool
        let indicatorsHref: String; let blocks: [Block]; let scopeNote: String?; let rasterHref: String
    }

    func show(req: Request) async throws -> Response {
        let access = try await IndicatorAccess.load(req)
        let tenant = access.tenant, today = req.today
        let coalition = Paths.coalition(tenant.coalition.slug)
        let board = try await IndicatorBoard.load(req, access)
        // Those that need attention first, then by name.
        let order: [IndicatorStatus] = [.onderDeNorm, .aandacht, .geenMeting, .opKoers]
        let sorted = board.rows.sorted { a, b in
            let x = order.firstIndex(of: a.latest?.status ?? .geenMeting)!, y = order.firstIndex(of: b.latest?.status ?? .geenMeting)!
            return x != y ? x < y : a.record.name.localizedStandardCompare(b.record.name) == .orderedAscending
        }
        let counts = order.compactMap { status -> Count? in
            let n = board.rows.filter { ($0.latest?.status ?? .geenMeting) == status }.count
            return n == 0 ? nil : Count(state: StateTag(status), count: n, href: coalition.indicatoren.path)
        }
        var blocks: [Block] = []
        let store = DashboardStore(tenant, on: req.db)
        if access.role != .partner {
            blocks.append(try await Self.evaluation(req, tenant, today: today))
            blocks.append(try await Self.acties(store, coalition, today: today))
            blocks.append(try await Self.cycles(store, coalition, today: today))
        }
        blocks.append(try await Self.vogs(access, board.data, coalition, req.db, today: today))
        if access.role != .partner || tenant.membership.partnerID != nil { blocks.append(try await Self.incidents(access, board.data, coalition, req.db)) }
        return try await req.page("dashboard/show", title: "Dashboard", current: .dashboard) { layout in
            Page(layout: layout, counts: counts, indicators: sorted.map { IndicatorenController.row($0, access) }, hasIndicators: !sorted.isEmpty,
                 indicatorsHref: coalition.indicatoren.path, blocks: blocks, scopeNote: IndicatorenController.scopeNote(access), rasterHref: coalition.home)
        }
    }

    /// The next evaluation moment of the jaarplan not yet written (this school year or the next).
    static func evaluation(_ req: Request, _ tenant: Tenant, today: IsoDate) async throws -> Block {
        let year = SchoolYear(containing: today)
        let moments = try await JaarplanController.moments(req.db, tenant, year) + JaarplanController.moments(req.db, tenant, year.next)
        let years = [year, year, year.next, year.next]
        let next = zip(moments, years).first { !$0.0.written && $0.0.day >= today.adding(days: -30) }
        return Block(title: "Volgend evaluatiemoment", total: nil, href: Paths.coalition(tenant.coalition.slug).jaarplan.path, hrefLabel: "Naar het jaarplan",
                     items: next.map { [Item(text: "Evaluatie \(EvaluationController.label($0.0.moment, $0.1))", href: $0.0.href,
                                             detail: ($0.0.day < today ? "Was gepland op " : "Gepland op ") + $0.0.day.label + ".")] } ?? [],
                     hasItems: next != nil, empty: "Geen evaluatiemoment gepland.")
    }

    static func acties(_ store: DashboardStore, _ coalition: Paths.Coalition, today: IsoDate) async throws -> Block {
        let soon = today.adding(days: 14)
        let open = try await store.datedOpenActies().compactMap { a -> (ActieRecord, IsoDate)? in
            guard let date = Wanneer(stored: a.deadline)?.date, date <= soon else { return nil }
            return (a, date)
        }
        let bouwbladen = try await store.bouwbladen(Set(open.map(\.0.bouwbladID)))
        let shown = open.filter { bouwbladen[$0.0.bouwbladID] != nil }.sorted { ($0.1, $0.0.text) < ($1.1, $1.0.text) }
        let late = shown.filter { $0.1 < today }.count
        return Block(title: "Acties te laat of binnen twee weken", total: shown.count,
                     href: coalition.acties.path + (late == shown.count && late > 0 ? "?te-laat=ja" : "?status=open"),
                     hrefLabel: "Alle open acties", items: shown.prefix(8).map { actie, date in
                         Item(text: actie.text, href: coalition.bouwblad(actie.bouwbladID).path + "#actie-\(actie.id!)",
                              detail: (date < today ? "Te laat: " : "Wanneer: ") + (Wanneer(stored: actie.deadline)?.label ?? date.label)
                                + (actie.ownerName.isEmpty ? "" : ", \(actie.ownerName)"))
                     }, hasItems: !shown.isEmpty, empty: "Geen acties die te laat zijn of binnen twee weken moeten.")
    }

    static func cycles(_ store: DashboardStore, _ coalition: Paths.Coalition, today: IsoDate) async throws -> Block {
        let month = Month(year: today.year, month: today.month)!
        let ended = try await store.unclosedCycles(endedBefore: month).sorted { ($0.cycle.periodTo ?? "", $0.bouwblad.title) < ($1.cycle.periodTo ?? "", $1.bouwblad.title) }
        return Block(title: "Cycli waarvan de periode voorbij is", total: ended.count, href: ended.count > 8 ? coalition.home : nil, hrefLabel: ended.count > 8 ? "Alle bouwbladen in het raster" : nil, items: ended.prefix(8).map { cycle, bouwblad in
            Item(text: "\(bouwblad.title), cyclus \(cycle.number)", href: coalition.bouwblad(bouwblad.id!).path + "#cyclus-\(cycle.number)",
                 detail: "Periode tot \(cycle.periodTo.flatMap(Month.init)?.label ?? "") en nog niet afgerond.")
        }, hasItems: !ended.isEmpty, empty: "Alle cycli waarvan de periode voorbij is, zijn afgerond.")
    }

    static func vogs(_ access: IndicatorAccess, _ data: IndicatorData, _ coalition: Paths.Coalition, _ db: any Database, today: IsoDate) async throws -> Block {
        let places = PlacesStore(access.tenant, on: db), book = ActiviteitenStore(access.tenant, on: db)
        let years = try await book.settings().vogYears
        var staff = try await places.staff()
        switch access.role {
        case .partner: staff = staff.filter { $0.partnerID == access.tenant.membership.partnerID }
        case .coordinator:
            // Staff who work in an activity at one of the coordinator's locations.
            let activities = Set(data.activities.map(\.id))
            let working = Set(try await book.staffLinks().filter { activities.contains($0.activityID.uuidString) }.map(\.staffID))
            staff = staff.filter { $0.id.map(working.contains) ?? false }
        default: break
        }
        let expiring = staff.compactMap { s -> (StaffRecord, IsoDate)? in
            guard case .geldig(let until) = s.vog(validityYears: years, today: today), until <= today.adding(days: 60) else { return nil }
            return (s, until)
        }.sorted { $0.1 < $1.1 }
        return Block(title: "VOG's die binnen 60 dagen verlopen", total: expiring.count, href: nil, hrefLabel: nil, items: expiring.prefix(8).map { s, until in
            Item(text: s.name, href: coalition.partner(s.partnerID).path, detail: "Geldig tot \(until.label).")
        }, hasItems: !expiring.isEmpty, empty: "Geen VOG's die binnenkort verlopen.")
    }

    static func incidents(_ access: IndicatorAccess, _ data: IndicatorData, _ coalition: Paths.Coalition, _ db: any Database) async throws -> Block {
        let open = data.sessions.filter { $0.incident && $0.handledOn == nil }
        let names = try await ActiviteitenStore(access.tenant, on: db).names(of: Set(open.compactMap { UUID(uuidString: $0.activityID) }))
        let isLeader = access.role == .projectleider
        return Block(title: "Open incidenten", total: open.count, href: isLeader ? coalition.activiteiten.incidents.path : nil,
                     hrefLabel: isLeader ? "Alle incidenten" : nil, items: open.sorted { $0.date > $1.date }.prefix(8).compactMap { s in
                         guard let id = UUID(uuidString: s.activityID) else { return nil }
                         return Item(text: names[id] ?? "Activiteit", href: coalition.activiteiten.activity(id).path, detail: "Sessie van \(s.date.label), nog niet afgehandeld.")
                     }, hasItems: !open.isEmpty, empty: "Geen open incidenten.")
    }
}
