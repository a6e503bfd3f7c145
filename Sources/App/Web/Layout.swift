import Fluent
import Vapor

/// What the shared layout shows around every page: header, navigation, switcher, flash.
struct Layout: Encodable {
    struct Link: Encodable { let label: String; let href: String; let current: Bool }

    let title: String
    /// The app's own addresses a template may link to on any page.
    let site = SiteLinks.shared
    /// The coalition's addresses a template may link to, inside a coalition.
    let links: CoalitionLinks?
    let userName: String?
    let isAdmin: Bool
    let coalitionName: String?
    let coalitionHome: String?
    let periodLabel: String?
    let otherCoalitions: [Link]
    let nav: [Link]
    let csrf: String
    let flash: String?
    // Stored, not computed: the template encoder sees what Encodable encodes.
    let hasOtherCoalitions: Bool
    let hasNav: Bool

    init(
        title: String, userName: String?, isAdmin: Bool, coalitionName: String?, coalitionSlug: String?,
        periodLabel: String?, otherCoalitions: [Link], nav: [Link], csrf: String, flash: String?
    ) {
        self.title = title
        self.userName = userName
        self.isAdmin = isAdmin
        self.coalitionName = coalitionName
        self.links = coalitionSlug.map { CoalitionLinks(Paths.coalition($0)) }
        self.coalitionHome = links?.home
        self.periodLabel = periodLabel
        self.otherCoalitions = otherCoalitions
        self.nav = nav
        self.csrf = csrf
        self.flash = flash
        self.hasOtherCoalitions = !otherCoalitions.isEmpty
        self.hasNav = !nav.isEmpty
    }
}

extension Request {
    /// The layout for a normal page. Makes a session if needed, because every page
    /// with a form needs a CSRF token.
    func layout(_ title: String, current: String? = nil) async throws -> Layout {
        let session = try await ensureSession()
        let flash = try await takeFlash()
        let tenant = self.tenantIfAny
        var others: [Layout.Link] = []
        if let user = currentUser, let userID = user.id {
            others = try await CoalitionsStore(on: db).coalitions(of: userID, except: tenant?.coalition.id).map {
                .init(label: $0.coalition.name, href: Paths.coalition($0.coalition.slug).home, current: false)
            }
        }
        return Layout(
            title: title, userName: currentUser?.name, isAdmin: currentUser?.isAdmin ?? false,
            coalitionName: tenant?.coalition.name, coalitionSlug: tenant?.coalition.slug,
            periodLabel: tenant?.coalition.period.label, otherCoalitions: others,
            nav: navigation(current: current), csrf: Tokens.masked(session.csrfToken), flash: flash)
    }

    /// A layout with no database work: for error pages (the database may be the problem)
    /// and for fixed pages such as the privacy statement.
    func layoutWithoutDatabase(_ title: String) -> Layout {
        Layout(
            title: title, userName: currentUser?.name, isAdmin: false,
            coalitionName: tenantIfAny?.coalition.name, coalitionSlug: tenantIfAny?.coalition.slug,
            periodLabel: tenantIfAny?.coalition.period.label, otherCoalitions: [],
            nav: [], csrf: webSession.csrfToken.map(Tokens.masked) ?? "", flash: nil)
    }

    private func navigation(current: String?) -> [Layout.Link] {
        guard currentUser != nil else { return [] }
        var items: [(String, String, String)] = []
        if let tenant = tenantIfAny {
            let coalition = Paths.coalition(tenant.coalition.slug)
            items.append(("start", "Bouwstenen", coalition.home))
            items.append(("acties", "Acties", coalition.acties.path))
            items.append(("activiteiten", "Activiteiten", coalition.activiteiten.path))
            items.append(("rapport", "Rapport", coalition.rapport.path))
            items.append(("leden", "Leden", coalition.leden.path))
            items.append(("prullenbak", "Prullenbak", coalition.prullenbak.path))
        }
        items.append(("account", "Mijn account", Paths.account.path))
        if currentUser?.isAdmin == true { items.append(("beheer", "Coalities beheren", Paths.admin.path)) }
        return items.map { Layout.Link(label: $0.1, href: $0.2, current: $0.0 == current) }
    }
}

/// The app's fixed addresses, for the templates (made by `Paths`, like every link).
struct SiteLinks: Encodable, Sendable {
    let start = Paths.start.path
    let login = Paths.login.path
    let logout = Paths.logout.path
    let accountName = Paths.accountName.path
    let accountPassword = Paths.accountPassword.path
    let admin = Paths.admin.path
    let firstUse = Paths.firstUse.path
    let privacy = Paths.privacy.path
    static let shared = SiteLinks()
}

/// A coalition's addresses that templates link to (the subnavigation, the buttons above
/// a list), made by `Paths`.
struct CoalitionLinks: Encodable {
    let home, leden, invite, locaties, newLocation, newPartner: String
    let activiteiten, newActivity, coverage, observations, incidents: String
    let importing, confirmImport, exportActivities, exportSessions: String
    let printReport, reportDocx, reportPDF, freezeReport: String

    init(_ coalition: Paths.Coalition) {
        home = coalition.home
        leden = coalition.leden.path
        invite = coalition.invite.path
        locaties = coalition.locaties.path
        newLocation = coalition.newLocation.path
        newPartner = coalition.newPartner.path
        let activities = coalition.activiteiten
        activiteiten = activities.path
        newActivity = activities.new.path
        coverage = activities.coverage.path
        observations = activities.observations.path
        incidents = activities.incidents.path
        importing = activities.importing.path
        confirmImport = activities.confirmImport.path
        exportActivities = activities.exportActivities.path
        exportSessions = activities.exportSessions.path
        let report = coalition.rapport
        printReport = report.printView.path
        reportDocx = report.docx.path
        reportPDF = report.pdf.path
        freezeReport = report.freeze.path
    }
}
