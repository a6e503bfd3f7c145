import Domain
import Fluent
import Vapor

/// `/c/{slug}/netwerk`: the coalition's organisations by kind, how often each was met in
/// the last year and when last, those not met in half a year, and who sat at the same table
/// with whom. For those who see all meetings: not for partners, who see only their own.
struct NetworkController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.coalition(.param).netwerk.address, use: show)
    }

    struct Row: Encodable { let name: String; let wijk: String; let meetings: Int; let lastMet: String; let quiet: Bool; let quietNote: String }
    struct Group: Encodable { let kind: String; let rows: [Row] }
    struct MatrixRow: Encodable { let name: String; let cells: [String] }
    struct ContactRow: Encodable { let name: String; let href: String?; let organisation: String; let function: String; let wijk: String; let email: String?; let phone: String? }
    struct WijkRow: Encodable { let wijk: String; let contacts: String; let state: StateTag }
    struct Page: Encodable {
        let layout: Layout; let from: String; let overlegHref: String
        let contacts: [ContactRow]; let hasContacts: Bool; let newContactHref: String?
        let wijken: [WijkRow]; let hasWijken: Bool
        let quiet: [Row]; let hasQuiet: Bool; let groups: [Group]; let hasOrganisations: Bool
        let columns: [String]; let matrix: [MatrixRow]; let hasMatrix: Bool
    }

    func show(req: Request) async throws -> Response {
        let tenant = try req.require { $0 != .partner }
        let today = req.today
        let partners = try await PlacesStore(tenant, on: req.db).partners()
        let organisations = partners.compactMap { p in
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
        let (contacts, wijken) = try await Self.contacts(req, tenant, partners, today: today)
        let netwerk = Paths.coalition(tenant.coalition.slug).netwerk
        return try await req.page("netwerk/show", title: "Netwerk", current: .overleg) { layout in
            Page(layout: layout, from: picture.from.label, overlegHref: Paths.coalition(tenant.coalition.slug).overleg.path,
                 contacts: contacts, hasContacts: !contacts.isEmpty, newContactHref: tenant.role.keepsPlans ? netwerk.newContact.path : nil,
                 wijken: wijken, hasWijken: !wijken.isEmpty,
                 quiet: picture.quiet.map(row), hasQuiet: !picture.quiet.isEmpty, groups: groups, hasOrganisations: !organisations.isEmpty,
                 columns: picture.met.map(\.name), matrix: matrix, hasMatrix: !matrix.isEmpty)
        }
    }

    /// The contact persons where they work today, and per wijk its fixed contact.
    static func contacts(_ req: Request, _ tenant: Tenant, _ partners: [PartnerRecord], today: IsoDate) async throws -> ([ContactRow], [WijkRow]) {
        let store = ContactsStore(tenant, on: req.db)
        let people = try await store.contacts(), roles = try await store.roles()
        let names = Dictionary(uniqueKeysWithValues: partners.compactMap { p in p.id.map { ($0, p.name) } })
        let byID = Dictionary(uniqueKeysWithValues: people.compactMap { c in c.id.map { ($0, c) } })
        let netwerk = Paths.coalition(tenant.coalition.slug).netwerk
        let rows = people.compactMap { person -> ContactRow? in
            guard let id = person.id else { return nil }
            let now = roles.last { $0.contactID == id && $0.from.map { $0 <= today } == true && $0.until.map { today < $0 } ?? true }
            return ContactRow(name: person.name, href: tenant.role.keepsPlans ? netwerk.contact(id).path : nil,
                              organisation: now.flatMap { names[$0.organisationID] } ?? "Nu bij geen van jullie organisaties",
                              function: now.map { $0.function.isEmpty ? "—" : $0.function } ?? "—", wijk: now.map { $0.wijk.isEmpty ? "—" : $0.wijk } ?? "—",
                              email: person.email.nilIfEmpty, phone: person.phone.nilIfEmpty)
        }
        let check = WijkContacts(organisationWijken: partners.map(\.wijk), roles: roles.compactMap { r in
            guard let person = byID[r.contactID], let from = r.from else { return nil }
            return WijkContacts.Role(contact: person.name, wijk: r.wijk, from: from, until: r.until)
        }, today: today)
        let wijken = check.wijken.map { w in
            WijkRow(wijk: w.wijk, contacts: w.contacts.isEmpty ? "Geen vaste contactpersoon" : w.contacts.joined(separator: ", "),
                    state: StateTag(w.contacts.isEmpty ? CadenceStatus.gemist : .gehaald))
        }
        return (rows, wijken)
    }
}
