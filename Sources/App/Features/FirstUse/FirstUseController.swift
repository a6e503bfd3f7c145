import Domain
import Fluent
import Vapor

/// The first person creates the first coalition and their own account. Once any
/// account exists this page is closed for good.
struct FirstUseController: RouteCollection {
    let state: FirstUseMiddleware.State

    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.firstUse, use: show)
        routes.post(Paths.firstUse, use: submit)
    }

    struct Page: Encodable {
        let layout: Layout
        let coalitionName, periodStart, periodEnd, name, email, password, passwordRepeat: FormField
        let hasErrors: Bool
        let errorSummary: [FormState.SummaryItem]
    }

    func show(req: Request) async throws -> Response {
        guard try await !hasAccounts(req) else { return .seeOther(Paths.login.path) }
        let period = Period.subsidyPeriod(on: req.today)
        return try await render(req, FormState(CoalitionForm(periodStart: "\(period.startYear)", periodEnd: "\(period.endYear)")))
    }

    func submit(req: Request) async throws -> Response {
        guard try await !hasAccounts(req) else { throw Abort(.forbidden) }
        let coalitionForm = try req.form(CoalitionForm.self), accountForm = try req.form(AccountForm.self)
        var errors = FieldErrors()
        let coalition = CoalitionInput.validate(coalitionForm)
        if case .failure(let failure) = coalition { failure.errors.items.forEach { errors.add($0.field, $0.issue) } }
        let accounts = Accounts(request: req)
        let account = AccountInput.validate(accountForm, policy: try accounts.policy, context: [coalitionForm.coalitionName ?? ""], into: &errors)
        guard case .success(let coalitionInput) = coalition, let account, errors.isEmpty else {
            let typed = FormState(coalitionForm).values.merging(FormState(accountForm).values) { a, _ in a }
            return try await render(req, FormState(values: typed, errors: errors), status: .unprocessableEntity)
        }
        let hash = try await accounts.hash(account.password)
        let user = try await req.db.writeTransaction { db in
            // Checked again inside the transaction, after taking the lock: two people may submit at the same moment.
            try await db.lockTable(UserRecord.schema)
            guard try await UserRecord.query(on: db).count() == 0 else { throw Abort(.forbidden) }
            let user = UserRecord(email: account.email, name: account.name, passwordHash: hash, isAdmin: true)
            try await user.create(on: db)
            let coalition = try await CoalitionsStore(on: db).create(coalitionInput, projectleider: user.requireID())
            return (user, coalition.slug)
        }
        state.hasAccounts = true
        try await req.startSession(userID: user.0.id, user: user.0)
        try await req.flash("Je coalitie en je account zijn klaar. Nodig nu je collega's uit via ‘Leden’.")
        return .seeOther(Paths.coalition(user.1).home)
    }

    private func hasAccounts(_ req: Request) async throws -> Bool {
        try await UserRecord.query(on: req.db).count() > 0
    }

    private func render(_ req: Request, _ form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        var form = form
        return try await req.page("firstuse/form", title: "Eerste gebruik", status: status) { layout in
            Page(
                layout: layout,
                coalitionName: form.field(CoalitionForm.CodingKeys.coalitionName, "Naam van de coalitie", noun: "de naam van de coalitie", autocomplete: "organization", hint: "Bijvoorbeeld: Coalitie Rivierstad"),
                periodStart: form.field(CoalitionForm.CodingKeys.periodStart, "Periode: beginjaar", noun: "het beginjaar", type: "text", autocomplete: "off"),
                periodEnd: form.field(CoalitionForm.CodingKeys.periodEnd, "Periode: eindjaar", noun: "het eindjaar", type: "text", autocomplete: "off"),
                name: form.field(AccountForm.CodingKeys.name, "Je naam", noun: "je naam", autocomplete: "name"),
                email: form.field(AccountForm.CodingKeys.email, "Je e-mailadres", noun: "je e-mailadres", type: "email", autocomplete: "email", hint: "Hiermee log je in."),
                password: form.field(AccountForm.CodingKeys.password, "Kies een wachtwoord", noun: "een wachtwoord", type: "password", autocomplete: "new-password", hint: "Minstens 15 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.", keepValue: false),
                passwordRepeat: form.field(AccountForm.CodingKeys.passwordRepeat, "Herhaal het wachtwoord", noun: "het wachtwoord nog een keer", type: "password", autocomplete: "new-password", keepValue: false),
                hasErrors: !form.errors.isEmpty, errorSummary: form.summary)
        }
    }
}
