import Fluent
import Vapor

/// What the shared layout shows around every page: header, navigation, switcher, flash.
struct Layout: Encodable {
    struct Link: Encodable { let label: String; let href: String; let current: Bool }

    let title: String
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
        title: String, userName: String?, isAdmin: Bool, coalitionName: String?, coalitionHome: String?,
        periodLabel: String?, otherCoalitions: [Link], nav: [Link], csrf: String, flash: String?
    ) {
        self.title = title
        self.userName = userName
        self.isAdmin = isAdmin
        self.coalitionName = coalitionName
        self.coalitionHome = coalitionHome
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
            coalitionName: tenant?.coalition.name, coalitionHome: tenant.map { Paths.coalition($0.coalition.slug).home },
            periodLabel: tenant?.coalition.period.label, otherCoalitions: others,
            nav: navigation(current: current), csrf: session.csrfToken, flash: flash)
    }

    /// A layout with no database work: for error pages (the database may be the problem)
    /// and for fixed pages such as the privacy statement.
    func layoutWithoutDatabase(_ title: String) -> Layout {
        Layout(
            title: title, userName: currentUser?.name, isAdmin: false,
            coalitionName: tenantIfAny?.coalition.name, coalitionHome: tenantIfAny.map { Paths.coalition($0.coalition.slug).home },
            periodLabel: tenantIfAny?.coalition.period.label, otherCoalitions: [],
            nav: [], csrf: webSession.csrfToken ?? "", flash: nil)
    }

    private func navigation(current: String?) -> [Layout.Link] {
        guard currentUser != nil else { return [] }
        var items: [(String, String, String)] = []
        if let tenant = tenantIfAny {
            let base = Paths.coalition(tenant.coalition.slug).base
            items.append(("start", "Bouwstenen", base + "/"))
            items.append(("acties", "Acties", base + "/acties"))
            items.append(("activiteiten", "Activiteiten", base + "/activiteiten"))
            items.append(("rapport", "Rapport", base + "/rapport"))
            items.append(("leden", "Leden", base + "/leden"))
            items.append(("prullenbak", "Prullenbak", base + "/prullenbak"))
        }
        items.append(("account", "Mijn account", "/account"))
        if currentUser?.isAdmin == true { items.append(("beheer", "Coalities beheren", "/beheer/coalities")) }
        return items.map { Layout.Link(label: $0.1, href: $0.2, current: $0.0 == current) }
    }
}
