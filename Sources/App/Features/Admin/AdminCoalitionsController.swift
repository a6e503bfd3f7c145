import Domain
import Fluent
import Vapor

/// `/beheer/coalities`: an instance admin creates coalitions and becomes their first projectleider.
struct AdminCoalitionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.admin, use: list)
        routes.post(Paths.admin, use: create)
    }

    struct Row: Encodable { let name: String; let period: String; let members: Int; let href: String?; let slug: String }
    struct Page: Encodable {
        let layout: Layout
        let rows: [Row]
        let coalitionName, periodStart, periodEnd: FormField
        let hasErrors: Bool
        let errorSummary: [FormState.SummaryItem]
    }

    func list(req: Request) async throws -> Response {
        _ = try requireAdmin(req)
        let period = Period.subsidyPeriod(on: req.today)
        return try await render(req, FormState(CoalitionForm(periodStart: "\(period.startYear)", periodEnd: "\(period.endYear)")))
    }

    func create(req: Request) async throws -> Response {
        let admin = try requireAdmin(req)
        let form = try req.form(CoalitionForm.self)
        switch CoalitionInput.validate(form) {
        case .failure(let failure):
            return try await render(req, FormState(form, errors: failure.errors), status: .unprocessableEntity)
        case .success(let input):
            let adminID = try admin.requireID()
            let coalition = try await req.db.transaction { db in
                try await CoalitionsStore(on: db).create(input, projectleider: adminID)
            }
            try await req.flash("Coalitie ‘\(coalition.name)’ is aangemaakt. Je bent er projectleider; nodig via ‘Leden’ de echte projectleider uit.")
            return .seeOther(Paths.coalition(coalition.slug).home)
        }
    }

    private func requireAdmin(_ req: Request) throws -> UserRecord {
        let user = try req.requireUser()
        guard user.isAdmin else { throw Abort(.forbidden) }
        return user
    }

    private func render(_ req: Request, _ form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        var form = form
        let coalitions = try await CoalitionRecord.query(on: req.db).sort(\.$name).all()
        let memberships = try await MembershipRecord.query(on: req.db).all()
        let counts = Dictionary(grouping: memberships, by: \.coalitionID).mapValues(\.count)
        let mine = Set(memberships.filter { $0.$user.id == user.id }.map(\.coalitionID))
        let rows = try coalitions.map {
            Row(name: $0.name, period: $0.period.label, members: counts[(try $0.requireID())] ?? 0,
                href: mine.contains(try $0.requireID()) ? Paths.coalition($0.slug).home : nil, slug: $0.slug)
        }
        return try await req.page("admin/coalitions", title: "Coalities beheren", current: .beheer, status: status) { layout in
            Page(
                layout: layout, rows: rows,
                coalitionName: form.field(CoalitionForm.CodingKeys.coalitionName, "Naam van de coalitie", noun: "de naam van de coalitie", autocomplete: "off"),
                periodStart: form.field(CoalitionForm.CodingKeys.periodStart, "Periode: beginjaar", noun: "het beginjaar", autocomplete: "off"),
                periodEnd: form.field(CoalitionForm.CodingKeys.periodEnd, "Periode: eindjaar", noun: "het eindjaar", autocomplete: "off"),
                hasErrors: !form.errors.isEmpty, errorSummary: form.summary)
        }
    }
}
