import Domain
import Fluent
import Vapor

struct LoginController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.login, use: show)
        routes.post(Paths.login, use: submit)
        routes.post(Paths.logout, use: logout)
    }

    struct Page: Encodable {
        let layout: Layout
        let email: FormField
        let password: FormField
        let back: String
        let problem: String?
    }

    func show(req: Request) async throws -> Response {
        if req.currentUser != nil { return .seeOther(Self.safeBack(req.query["terug"])) }
        return try await render(req, email: "", back: Self.safeBack(req.query["terug"]), problem: nil)
    }

    func submit(req: Request) async throws -> Response {
        let form = try req.form(LoginForm.self)
        let email = Email.normalize(form.email)
        let password = form.password ?? ""
        let back = Self.safeBack(form.terug)
        let accounts = Accounts(request: req)
        let user = email.isEmpty || email.count > Email.maxLength ? nil : try await accounts.user(email: email)
        let device = try await LoginDevice.known(req, userID: user?.id)
        let throttle = LoginThrottle(db: req.db)
        guard let attempt = try await throttle.begin(LoginThrottle.keys(email: email, client: ClientAddress.of(req), device: device), now: req.now) else {
            return try await render(req, email: email, back: back, status: .tooManyRequests,
                problem: "Er is te vaak een verkeerd wachtwoord gebruikt. Wacht 15 minuten en probeer het dan opnieuw.")
        }
        // Always run bcrypt, also for unknown addresses, so the answer time does not
        // tell whether an account exists.
        let hash = user?.passwordHash ?? req.application.dummyPasswordHash
        let matches = try await accounts.verify(password, against: hash) && user != nil
        guard let user, matches else {
            try await throttle.failed(now: req.now)
            return try await render(req, email: email, back: back, status: .unauthorized,
                problem: "Het e-mailadres of het wachtwoord klopt niet. Let op hoofdletters.")
        }
        try await throttle.succeeded(attempt)
        try await accounts.rehashIfNeeded(user, password: password)
        try await req.startSession(userID: user.id, user: user)
        let response = Response.seeOther(back)
        if device == nil { try await LoginDevice.remember(req, userID: user.requireID(), response: response) }
        return response
    }

    func logout(req: Request) async throws -> Response {
        try await req.endSession()
        return .seeOther(Paths.login.path)
    }

    /// Only a local path may be a return address, never another site ("//evil.example").
    static func safeBack(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.hasPrefix("/\\"), raw.count < 500,
              !raw.unicodeScalars.contains(where: { $0.value < 0x20 })
        else { return "/" }
        return raw
    }

    private func render(_ req: Request, email: String, back: String, status: HTTPStatus = .ok, problem: String?) async throws -> Response {
        typealias F = LoginForm.CodingKeys
        var form = FormState(LoginForm(email: email))
        return try await req.page("auth/login", title: "Inloggen", status: status) { layout in
            Page(
                layout: layout,
                email: form.field(F.email, "E-mailadres", noun: "je e-mailadres", type: "email", autocomplete: "username"),
                password: form.field(F.password, "Wachtwoord", noun: "je wachtwoord", type: "password", autocomplete: "current-password", keepValue: false),
                back: back, problem: problem)
        }
    }
}

extension Application {
    private struct DummyHashKey: StorageKey { typealias Value = String }

    /// A hash of a random password, made at start-up with the configured cost.
    var dummyPasswordHash: String {
        get { storage[DummyHashKey.self] ?? "" }
        set { storage[DummyHashKey.self] = newValue }
    }
}

/// The login form; `terug` is where to go after logging in.
struct LoginForm: Codable {
    enum CodingKeys: String, CodingKey, FieldName { case email, password, terug }
    var email, password, terug: String?
}
