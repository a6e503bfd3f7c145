import Fluent
import Vapor

/// What the shared layout shows around every page: header, navigation, switcher, flash.
struct Layout: Encodable {
    /// A menu item. `current`: the page is in its section; `isPage`: it is this very page
    /// (`aria-current="page"`, else `aria-current="true"`).
    struct Link: Encodable {
        let label: String
        let href: String
        let current: Bool
        let isPage: Bool

        init(label: String, href: String, current: Bool = false, isPage: Bool = false) {
            (self.label, self.href, self.current, self.isPage) = (label, href, current || isPage, isPage)
        }
    }

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
    /// The tabs of the activity book, on its pages.
    let subnav: [Link]
    private(set) var csrf: String
    let flash: String?
    // Stored, not computed: the template encoder sees what Encodable encodes.
    let hasOtherCoalitions: Bool
    let hasNav: Bool
    let hasSubnav: Bool

    init(
        title: String, userName: String?, isAdmin: Bool, coalitionName: String?, coalitionSlug: String?,
        periodLabel: String?, otherCoalitions: [Link], nav: [Link], subnav: [Link] = [], csrf: String, flash: String?
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
        self.subnav = subnav
        self.csrf = csrf
        self.flash = flash
        self.hasOtherCoalitions = !otherCoalitions.isEmpty
        self.hasNav = !nav.isEmpty
        self.hasSubnav = !subnav.isEmpty
    }
}

/// Where a page sits in the menus: a main menu item, or a tab of the activity book.
enum Section: String {
    case start, dashboard, indicatoren, jaarplan, acties, activiteiten, vragenlijsten, overleg, dekking, observaties, incidenten, locaties, rapport, leden, prullenbak, account, beheer

    /// The main menu item a tab belongs to.
    var main: Section {
        switch self {
        case .dekking, .observaties, .incidenten, .locaties: return .activiteiten
        case .indicatoren, .jaarplan: return .dashboard
        default: return self
        }
    }
    var isActivityBook: Bool { main == .activiteiten }
}

extension Request {
    /// The layout for a normal page. Makes a session if needed, because every page
    /// with a form needs a CSRF token.
    func layout(_ title: String, current: Section? = nil) async throws -> Layout {
        let session = try await ensureSession()
        let flash = try await takeFlash()
        let tenant = self.tenantIfAny
        var others: [CoalitionRecord] = []
        if let tenant {
            others = tenant.otherCoalitions
        } else if let user = currentUser, let userID = user.id {
            others = try await CoalitionsStore(on: db).coalitions(of: userID).map(\.coalition)
        }
        return Layout(
            title: title, userName: currentUser?.name, isAdmin: currentUser?.isAdmin ?? false,
            coalitionName: tenant?.coalition.name, coalitionSlug: tenant?.coalition.slug,
            periodLabel: tenant?.coalition.period.label,
            otherCoalitions: others.map { .init(label: $0.name, href: Paths.coalition($0.slug).home) },
            nav: navigation(current: current), subnav: activityTabs(current: current) + dashboardTabs(current: current),
            csrf: Tokens.masked(session.csrfToken), flash: flash)
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

    /// The main menu: only what this person may open.
    private func navigation(current: Section?) -> [Layout.Link] {
        guard currentUser != nil else { return [] }
        var items: [(Section, String, String)] = []
        if let tenant = tenantIfAny {
            let coalition = Paths.coalition(tenant.coalition.slug)
            items.append((.start, "Bouwstenen", coalition.home))
            items.append((.dashboard, "Dashboard", coalition.dashboard.path))
            items.append((.acties, "Acties", coalition.acties.path))
            items.append((.activiteiten, "Activiteiten", coalition.activiteiten.path))
            items.append((.vragenlijsten, "Vragenlijsten", coalition.vragenlijsten.path))
            items.append((.overleg, "Overleg", coalition.overleg.path))
            items.append((.rapport, "Rapport", coalition.rapport.path))
            items.append((.leden, "Leden", coalition.leden.path))
            items.append((.prullenbak, "Prullenbak", coalition.prullenbak.path))
        }
        items.append((.account, "Mijn account", Paths.account.path))
        if currentUser?.isAdmin == true { items.append((.beheer, "Coalities beheren", Paths.admin.path)) }
        return items.map { link($0.1, $0.2, current: $0.0 == current?.main) }
    }

    /// The activity book's tabs, on its pages; incidents only for the projectleider, who handles them.
    private func activityTabs(current: Section?) -> [Layout.Link] {
        guard let current, current.isActivityBook, let tenant = tenantIfAny else { return [] }
        let coalition = Paths.coalition(tenant.coalition.slug), book = coalition.activiteiten
        var tabs: [(Section, String, String)] = [
            (.activiteiten, "Activiteiten", book.path), (.dekking, "Dekking", book.coverage.path), (.observaties, "Observaties", book.observations.path),
        ]
        if tenant.role == .projectleider { tabs.append((.incidenten, "Incidenten", book.incidents.path)) }
        tabs.append((.locaties, "Locaties en partners", coalition.locaties.path))
        return tabs.map { link($0.1, $0.2, current: $0.0 == current) }
    }

    /// The dashboard's tabs: the overview and the indicators behind it.
    private func dashboardTabs(current: Section?) -> [Layout.Link] {
        guard let current, current.main == .dashboard, let tenant = tenantIfAny else { return [] }
        let coalition = Paths.coalition(tenant.coalition.slug)
        return [(Section.dashboard, "Overzicht", coalition.dashboard.path), (.indicatoren, "Indicatoren", coalition.indicatoren.path),
                (.jaarplan, "Jaarplan", coalition.jaarplan.path)]
            .map { link($0.1, $0.2, current: $0.0 == current) }
    }

    private func link(_ label: String, _ href: String, current: Bool) -> Layout.Link {
        // "/c/x" and "/c/x/" are the same page (the raster).
        func trimmed(_ path: String) -> Substring { path.hasSuffix("/") ? path.dropLast() : Substring(path) }
        return Layout.Link(label: label, href: href, current: current, isPage: trimmed(url.path) == trimmed(href))
    }
}

/// The app's fixed addresses, for the templates (made by `Paths`, like every link).
struct SiteLinks: Encodable, Sendable {
    let start = Paths.start.path
    let login = Paths.login.path
    let forgotPassword = Paths.forgotPassword.path
    let logout = Paths.logout.path
    let accountName = Paths.accountName.path
    let accountPassword = Paths.accountPassword.path
    let accountEmail = Paths.accountEmail.path
    let reminders = Paths.reminders.path
    let accountEndOtherSessions = Paths.accountEndOtherSessions.path
    let admin = Paths.admin.path
    let adminMail = Paths.adminMail.path
    let firstUse = Paths.firstUse.path
    let privacy = Paths.privacy.path
    let begrippen = Paths.begrippen.path
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

extension Layout {
    /// The same layout with another CSRF token: the placeholder of a shared main part.
    func withCSRF(_ token: String) -> Layout {
        var copy = self
        copy.csrf = token
        return copy
    }
}
