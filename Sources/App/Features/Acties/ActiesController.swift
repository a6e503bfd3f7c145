import Domain
import Fluent
import Vapor

/// `/c/{slug}/acties`: the action plan of the whole coalition — every actie of every
/// bouwblad, filtered by owner, status and overdue (compare seed 000's action table).
struct ActiesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.coalition(.param).acties, use: list)
    }

    struct Row: Encodable {
        let text: String
        let bouwblad: String
        let bouwbladHref: String
        let owner: String
        let deadline: String
        let status: String
        let overdue: Bool
    }
    typealias Option = SelectOption
    struct Page: Encodable {
        let layout: Layout
        let rows: [Row]
        let hasRows: Bool
        let total: Int
        let owners: [Option]
        let statuses: [Option]
        let overdueOnly: Bool
        let filtered: Bool
    }

    func list(req: Request) async throws -> Response {
        let tenant = try req.tenant
        let store = ActiesStore(tenant, on: req.db)
        let ownerFilter = (try? req.query.get(String.self, at: "wie")) ?? ""
        let statusFilter = (try? req.query.get(String.self, at: "status")) ?? "open"
        let overdueOnly = ((try? req.query.get(String.self, at: "te-laat")) ?? "") == "ja"
        let statuses: [ActieStatus]? = ActieStatus(rawValue: statusFilter).map { [$0] } ?? (statusFilter == "open" ? [.gepland, .bezig] : nil)
        let allOwners = try await store.owners()
        // Only a name from the list is a filter; anything else matches no one (and never reaches SQL).
        let knownOwner = ownerFilter.isEmpty || allOwners.contains(ownerFilter)
        let acties = knownOwner ? try await store.acties(statuses: statuses, owner: ownerFilter.isEmpty ? nil : ownerFilter) : []
        let bouwbladen = try await store.bouwbladen(Set(acties.map(\.bouwbladID)))
        let catalog = try await req.formatCatalog()
        let names = Dictionary(uniqueKeysWithValues: try bouwbladen.map { (try $0.requireID(), catalog.name(of: $0)) })
        let liveCycles = try await store.liveCycleIDs()
        let today = req.today
        // By the date the words allow too ("najaar 2025"), so not by the stored text.
        let byDate = acties.enumerated().sorted { ($0.element.wanneer?.date?.iso ?? "9999", $0.offset) < ($1.element.wanneer?.date?.iso ?? "9999", $1.offset) }.map(\.element)
        let rows = byDate.compactMap { actie -> Row? in
            // Acties of a bouwblad or cycle in the prullenbak are not part of the plan.
            guard names[actie.bouwbladID] != nil, liveCycles.contains(actie.cycleID) else { return nil }
            let overdue = actie.isOverdue(today: today)
            if overdueOnly && !overdue { return nil }
            return Row(
                text: actie.text, bouwblad: String((names[actie.bouwbladID] ?? "").prefix(120)),
                bouwbladHref: Paths.coalition(tenant.coalition.slug).bouwblad(actie.bouwbladID).path + "#actie-\(actie.id)",
                owner: actie.ownerName.isEmpty ? "—" : actie.ownerName, deadline: actie.wanneer?.label ?? "—",
                status: actie.status.label, overdue: overdue)
        }
        return try await req.page("acties/list", title: "Acties", current: .acties) { layout in
            Page(
                layout: layout, rows: rows, hasRows: !rows.isEmpty, total: rows.count,
                owners: [Option(value: "", label: "Iedereen", selected: ownerFilter.isEmpty)]
                    + allOwners.filter { !$0.isEmpty }.sorted().map { Option(value: $0, label: $0, selected: $0 == ownerFilter) },
                statuses: [Option(value: "open", label: "Open (gepland of bezig)", selected: statusFilter == "open"),
                           Option(value: "alle", label: "Alle", selected: statusFilter == "alle")]
                    + ActieStatus.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0.rawValue == statusFilter) },
                overdueOnly: overdueOnly, filtered: !ownerFilter.isEmpty || statusFilter != "open" || overdueOnly)
        }
    }
}
