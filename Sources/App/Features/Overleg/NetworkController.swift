import Domain
import Fluent
import Vapor

/// `/c/{slug}/netwerk`: the coalition's organisations by kind, how often each was met in
/// the last year and when last, those not met in half a year, and who sat at the same table
/// with whom. For those who see all meetings: not for partners, who see only their own.
struct NetworkController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.coalition(.param).netwerk, use: show)
    }

    struct Row: Encodable { let name: String; let wijk: String; let meetings: Int; let lastMet: String; let quiet: Bool; let quietNote: String }
    struct Group: Encodable { let kind: String; let rows: [Row] }
    struct MatrixRow: Encodable { let name: String; let cells: [String] }
    struct Page: Encodable {
        let layout: Layout; let from: String; let overlegHref: String
        let quiet: [Row]; let hasQuiet: Bool; let groups: [Group]; let hasOrganisations: Bool
        let columns: [String]; let matrix: [MatrixRow]; let hasMatrix: Bool
    }

    func show(req: Request) async throws -> Response {
        let tenant = try req.require { $0 != .partner }
        let today = req.today
        let organisations = try await PlacesStore(tenant, on: req.db).partners().compactMap { p in
            p.id.map { NetworkPicture.Organisation(id: $0, name: p.name, kind: p.kind, wijk: p.wijk) }
        }
        let window = DateRange(from: today.adding(days: -NetworkPicture.yearDays), to: today)!
        let meetings = try await OverlegStore(tenant, on: req.db).meetings(in: window).compactMap { $0.value }
            .map { CadenceMeeting(day: $0.day, kind: $0.kind, organisations: $0.counted, held: $0.status == .gehouden) }
        let picture = NetworkPicture(organisations: organisations, meetings: meetings, today: today)

        func row(_ r: NetworkPicture.Row) -> Row {
            Row(name: r.organisation.name, wijk: r.organisation.wijk.isEmpty ? "Hele gemeente" : r.organisation.wijk, meetings: r.meetings,
                lastMet: r.lastMet?.label ?? "Niet in het afgelopen jaar", quiet: r.quiet,
                quietNote: r.lastMet.map { "laatste overleg: \($0.label)" } ?? "geen overleg in het afgelopen jaar")
        }
        let groups = PartnerInput.kinds.compactMap { kind -> Group? in
            let rows = picture.rows.filter { $0.organisation.kind == kind.value }.map(row)
            return rows.isEmpty ? nil : Group(kind: kind.label, rows: rows)
        }
        let matrix = zip(picture.met, picture.together).map { organisation, counts in
            MatrixRow(name: organisation.name, cells: counts.map { $0 == 0 ? "–" : String($0) })
        }
        return try await req.page("netwerk/show", title: "Netwerk", current: .overleg) { layout in
            Page(layout: layout, from: picture.from.label, overlegHref: Paths.coalition(tenant.coalition.slug).overleg.path,
                 quiet: picture.quiet.map(row), hasQuiet: !picture.quiet.isEmpty, groups: groups, hasOrganisations: !organisations.isEmpty,
                 columns: picture.met.map(\.name), matrix: matrix, hasMatrix: !matrix.isEmpty)
        }
    }
}
