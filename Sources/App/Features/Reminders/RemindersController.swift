import Domain
import Fluent
import Vapor

/// `/account/herinneringen`: per kind of reminder, no mail, a weekly digest (the standard)
/// or a daily one.
struct RemindersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.reminders, use: show)
        routes.post(Paths.reminders, use: save)
    }

    struct Option: Encodable { let id: String; let value: String; let label: String; let checked: Bool }
    struct Kind: Encodable { let name: String; let legend: String; let help: String; let options: [Option] }
    struct Page: Encodable { let layout: Layout; let version: Int; let kinds: [Kind]; let mailOff: Bool; let account: String }

    /// Reading makes nothing: without a row the standard choices show, with version 0.
    func show(req: Request) async throws -> Response {
        let record = try await Self.existing(of: try req.requireUser().requireID(), on: req.db)
        return try await render(req, record?.preferences ?? ReminderPreferences(), version: record?.version ?? 0)
    }

    func save(req: Request) async throws -> Response {
        let userID = try req.requireUser().requireID()
        let form = try req.content.decode([String: String].self)
        guard form.count <= ReminderKind.allCases.count + 2, let version = form["version"].flatMap(Int.init) else { throw Abort(.badRequest) }
        var preferences = ReminderPreferences()
        for kind in ReminderKind.allCases {
            // A choice that is not one of the three is a form nobody can send from this page.
            guard let frequency = ReminderFrequency(rawValue: form[kind.rawValue] ?? ReminderFrequency.standard.rawValue) else { throw Abort(.badRequest) }
            preferences[kind] = frequency
        }
        let saved: Bool
        if version == 0 {
            // The first save makes the row; a row made in between (another tab) is a conflict.
            let record = ReminderPreferenceRecord(userID: userID, token: Tokens.random())
            record.choices = preferences.stored
            saved = (try? await record.create(on: req.db)) != nil
        } else {
            saved = try await Versioned.updatePersonal(ReminderPreferenceRecord.schema, id: try Self.existing(of: userID, on: req.db)?.requireID() ?? UUID(),
                                                       expectedVersion: version, set: [("choices", preferences.stored)], on: req.db, now: req.now)
        }
        guard saved else { throw Abort(.conflict) }
        try await req.flash("Je keuzes voor herinneringen zijn opgeslagen.")
        return .seeOther(Paths.reminders.path)
    }

    static func existing(of userID: UUID, on db: any Database) async throws -> ReminderPreferenceRecord? {
        try await ReminderPreferenceRecord.query(on: db).filter(\.$userID == userID).first()
    }

    /// The person's row, made when their first digest is (it holds the unsubscribe secret).
    static func preferences(of userID: UUID, on db: any Database) async throws -> ReminderPreferenceRecord {
        if let found = try await existing(of: userID, on: db) { return found }
        do {
            let record = ReminderPreferenceRecord(userID: userID, token: Tokens.random())
            try await record.create(on: db)
            return record
        } catch {
            // Made at the same moment by another request (the unique user_id refused this one).
            guard let found = try await ReminderPreferenceRecord.query(on: db).filter(\.$userID == userID).first() else { throw error }
            return found
        }
    }

    private func render(_ req: Request, _ preferences: ReminderPreferences, version: Int) async throws -> Response {
        try await req.page("account/reminders", title: "Herinneringen per mail", current: .account) { layout in
            Page(layout: layout, version: version, kinds: ReminderKind.allCases.map { kind in
                Kind(name: kind.rawValue, legend: kind.label, help: kind.help, options: ReminderFrequency.allCases.map { f in
                    Option(id: "\(kind.rawValue)-\(f.rawValue)", value: f.rawValue, label: f.label, checked: preferences[kind] == f)
                })
            }, mailOff: req.application.appConfig.smtp == nil, account: Paths.account.path)
        }
    }
}

/// `/afmelden/{token}?soort=…`: the link in every reminder mail. Opening it shows a button
/// (a mail program that opens links to check them changes nothing); the button, or the
/// mail program's own one-click unsubscribe (a POST, RFC 8058), turns those kinds off.
/// No login: the secret in the address is the person's own.
struct UnsubscribeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.unsubscribe(.param), use: show)
        routes.post(Paths.unsubscribe(.param), use: unsubscribe)
    }

    struct Page: Encodable { let layout: Layout; let action: String; let kinds: [String]; let done: Bool; let settings: String }
    struct Invalid: Encodable { let layout: Layout; let settings: String }

    func show(req: Request) async throws -> Response {
        guard let (_, kinds) = try await find(req) else { return try await invalid(req) }
        return try await req.page("account/unsubscribe", title: "Afmelden voor herinneringen") { layout in
            Page(layout: layout, action: req.url.string, kinds: kinds.map(\.label), done: false, settings: Paths.reminders.path)
        }
    }

    func unsubscribe(req: Request) async throws -> Response {
        guard let (record, kinds) = try await find(req) else { return try await invalid(req) }
        // Read and written in one transaction: a change made on the settings page at the same
        // moment is not lost, and this one is not lost either.
        try await req.db.writeTransaction { db in
            guard let fresh = try await ReminderPreferenceRecord.find(try record.requireID(), on: db) else { return }
            var preferences = fresh.preferences
            for kind in kinds { preferences[kind] = .none }
            fresh.choices = preferences.stored
            fresh.version += 1
            try await fresh.update(on: db)
        }
        return try await req.page("account/unsubscribe", title: "Afgemeld") { layout in
            Page(layout: layout, action: req.url.string, kinds: kinds.map(\.label), done: true, settings: Paths.reminders.path)
        }
    }

    private func find(_ req: Request) async throws -> (ReminderPreferenceRecord, [ReminderKind])? {
        guard let token = req.parameters.get("token"), token.count == 43,
              let record = try await ReminderPreferenceRecord.query(on: req.db).filter(\.$unsubscribeToken == token).first()
        else { return nil }
        let named = (req.query[String.self, at: "soort"] ?? "").prefix(200).split(separator: ",").compactMap { ReminderKind(rawValue: String($0)) }
        return (record, named.isEmpty ? ReminderKind.allCases : ReminderKind.allCases.filter(named.contains))
    }

    private func invalid(_ req: Request) async throws -> Response {
        try await req.page("account/unsubscribe-invalid", title: "Deze link werkt niet", status: .notFound) { layout in
            Invalid(layout: layout, settings: Paths.reminders.path)
        }
    }
}
