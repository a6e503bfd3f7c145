import Domain
import Foundation
import SnapshotTesting
import Testing

@testable import App

/// The pages with the most logic, built by their pure `build(_:)` from fixture values made
/// here in memory: no app, no database, no clock. The snapshots in
/// `__Snapshots__/PageModelTests/` show what each builder makes of exactly these values;
/// `PageSnapshotTests` shows every template with the demo coalition.
@Suite("Pages from fixture values")
struct PageModelTests {
    @Test func bouwbladWithAnOpenAndAClosedCycle() async throws {
        let page = try BouwbladPage.build(try PageFixtures.bouwbladModel())
        let html = try await PageFixtures.renderBouwbladPage(page)
        assertSnapshot(of: html, as: .lines)
    }

    /// Typed text can only be lost when a page holds two text forms: the bouwblad page holds
    /// none, only the buttons that close a cycle or remove a link.
    @Test func theBouwbladPageHoldsNoTextField() async throws {
        let html = try await PageFixtures.renderBouwbladPage(try BouwbladPage.build(try PageFixtures.bouwbladModel()))
        #expect(!html.contains("<textarea"))
        #expect(!html.contains("type=\"text\""))
        #expect(html.contains("/cycli/\(PageFixtures.openCycle)/stappen/bereikt\">Invullen"), "an empty step opens its own page")
        #expect(html.contains("<nav class=\"breadcrumbs\""))
    }

    @Test func membersAsTheProjectleiderSeesThem() async throws {
        let page = try MembersPage.build(try PageFixtures.membersModel())
        let html = try await PageFixtures.render("members/list", page)
        assertSnapshot(of: html, as: .lines)
    }

    @Test func reportWithWhatIsStillMissing() async throws {
        let page = try ReportPage.build(try PageFixtures.reportModel())
        let html = try await PageFixtures.render("rapport/show", page)
        assertSnapshot(of: html, as: .lines)
        #expect(!page.isComplete, "eight mandatory bouwbladen do not exist yet")
    }
}

/// Fixed values for the page builders: one coalition, three people, one bouwblad of
/// Meso – Uitvoering with a closed and an open cycle, a doel, an actie. Every id is fixed,
/// so the snapshots need no masking.
enum PageFixtures {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }

    static let coalitionID = id(1), bouwbladID = id(10), closedCycle = id(11), openCycle = id(12)
    static let people = [(id(2), id(3), "Sanne de Vries", Role.projectleider), (id(4), id(5), "Mohamed El Amrani", Role.coordinator), (id(6), id(7), "Fatima Yilmaz", Role.lezer)]

    static func render(_ template: String, _ page: some Encodable) async throws -> String {
        try await PageTemplates.load().render(template, page)
    }

    /// As the app does: the main part, then the layout around it.
    static func renderBouwbladPage(_ page: BouwbladPage.Page) async throws -> String {
        let templates = try await PageTemplates.load()
        return try templates.render(main: SharedMain(try templates.render("bouwbladen/show", page)), in: page.layout)
    }

    static let catalog: FormatCatalog = {
        var n = 100
        func next() -> UUID { n += 1; return id(n) }
        return FormatCatalog(formatName: FormatDefinition.bouwstenen2024.name, bouwstenen: FormatDefinition.bouwstenen2024.bouwstenen.map { b in
            FormatCatalog.Bouwsteen(id: next(), key: b.key, description: b.description, questions: b.questions.enumerated().map {
                FormatCatalog.Question(id: next(), text: $1.text, mandatory: $1.mandatory, position: $0)
            })
        })
    }()

    static var coalition: CoalitionRecord { CoalitionRecord(id: coalitionID, slug: "coalitie-voorbeeld", name: "Coalitie Voorbeeld", period: Period(startYear: 2025, endYear: 2028)) }

    static var memberships: [MembershipRecord] {
        people.map { userID, membershipID, name, role in
            let user = UserRecord(id: userID, email: name.split(separator: " ")[0].lowercased() + "@voorbeeld.example", name: name, passwordHash: "")
            let membership = MembershipRecord(id: membershipID, coalitionID: coalitionID, userID: userID, role: role)
            membership.version = 1
            membership.$user.value = user
            return membership
        }
    }

    static func layout(_ title: String, current: String, tenant: Tenant) -> Layout {
        Layout(title: title, userName: tenant.membership.user.name, isAdmin: false, coalitionName: tenant.coalition.name,
               coalitionSlug: tenant.coalition.slug, periodLabel: tenant.coalition.period.label,
               otherCoalitions: [], nav: [], csrf: "csrf-fixture", flash: "Het doel is opgeslagen.")
    }

    static var tenant: Tenant { get throws { try Tenant(coalition: coalition, membership: memberships[0]) } }

    static var meso: FormatCatalog.Bouwsteen { catalog.bouwsteen(BouwsteenKey(code: "meso-uitvoering")!)! }

    static var bouwblad: BouwbladRecord {
        let bouwblad = BouwbladRecord()
        (bouwblad.id, bouwblad.coalitionID, bouwblad.bouwsteenID, bouwblad.questionID) = (bouwbladID, coalitionID, meso.id, meso.questions[0].id)
        (bouwblad.title, bouwblad.keeperID, bouwblad.readyForReport, bouwblad.version, bouwblad.createdBy) = ("Samen plannen", people[0].1, false, 3, people[0].0)
        return bouwblad
    }

    static var cycles: [CycleRecord] {
        let closed = CycleRecord(coalitionID: coalitionID, bouwbladID: bouwbladID, number: 1, startvraag: meso.questions[0].text,
                                 period: CyclePeriod(from: Month("2025-09"), to: Month("2026-01")))
        (closed.id, closed.doelen, closed.bereikt, closed.bijgesteld) = (closedCycle, "Elke school plant mee.", "- twee scholen plannen mee\n- de derde nog niet", "Hoe krijgen we de derde school mee?")
        closed.closedAt = Date(timeIntervalSince1970: 1_769_900_000)
        closed.version = 4
        let open = CycleRecord(coalitionID: coalitionID, bouwbladID: bouwbladID, number: 2, startvraag: "Hoe krijgen we de derde school mee?",
                               period: CyclePeriod(from: Month("2026-02"), to: nil))
        (open.id, open.version) = (openCycle, 1)
        return [closed, open]
    }

    static func bouwbladModel() throws -> BouwbladPage.Model {
        let doelen = [Doel(id: id(20), bouwbladID: bouwbladID, cycleID: openCycle, text: "Alle drie scholen plannen mee", target: "3", unit: .aantal, owner: "Sanne")]
        let context = BouwbladContext(
            tenant: try tenant, bouwbladID: bouwbladID, bouwblad: bouwblad, cycles: cycles,
            doelen: doelen, storedDoelen: doelen,
            acties: [Actie(id: id(21), bouwbladID: bouwbladID, cycleID: openCycle, text: "Gesprek met De Vlinder", ownerMemberID: people[1].1,
                           ownerName: people[1].2, deadline: "2026-02-15", status: .gepland)],
            bouwsteen: meso, question: meso.questions[0], contributors: [])
        return BouwbladPage.Model(
            context: context, layout: layout("Samen plannen", current: "start", tenant: context.tenant), members: memberships, catalog: catalog,
            bouwbladen: [context.bouwblad], busy: [bouwbladID], links: [], cycleNumbers: [:], today: IsoDate("2026-03-02")!)
    }

    static func membersModel() throws -> MembersPage.Model {
        let tenant = try tenant
        let location = id(30)
        let invitation = InvitationRecord()
        (invitation.id, invitation.coalitionID, invitation.name, invitation.email, invitation.role) = (id(40), coalitionID, "Nieuwe Collega", "nieuw@voorbeeld.example", .lezer)
        invitation.expiresAt = Date(timeIntervalSince1970: 1_773_000_000)
        return MembersPage.Model(
            tenant: tenant, layout: layout("Leden", current: "leden", tenant: tenant), you: people[0].0, memberships: memberships,
            locationLinks: [MembershipLocationRecord(coalitionID: coalitionID, membershipID: people[1].1, locationID: location)],
            locations: [location: "De Regenboog"], partners: [:], invitations: [invitation])
    }

    static func reportModel() throws -> ReportPage.Model {
        let data = try ReportData(
            coalition: coalition, catalog: catalog, settings: nil, choices: [], bouwbladen: [bouwblad], cycles: cycles,
            doelen: try bouwbladModel().context.doelen, acties: try bouwbladModel().context.acties, links: [],
            memberNames: Dictionary(uniqueKeysWithValues: people.map { ($0.1, $0.2) }), locations: [], partners: [])
        let tenant = try tenant
        return ReportPage.Model(data: data, layout: layout("Kwaliteitsrapport", current: "rapport", tenant: tenant), tenant: tenant, versions: [], pdfAvailable: true)
    }
}
