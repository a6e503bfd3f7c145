import Fluent
import Domain
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Runs `body` against a fresh app: a new SQLite file, or a private schema in the
/// PostgreSQL database named by TEST_DATABASE_URL.
func withApp(config adjust: (inout AppConfig) -> Void = { _ in }, _ setup: (Application) throws -> Void = { _ in },
             _ body: (Application) async throws -> Void) async throws {
    _ = quietLogs
    let app = try await Application.make(.testing)
    var schema: String?
    // A file of its own per test (sqlite-kit's "memory" mode is a temp file it never removes).
    let sqlitePath = FileManager.default.temporaryDirectory.appendingPathComponent("bouwstenen-test-\(UUID()).sqlite").path
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlitePath + suffix) } }
    do {
        let database: AppConfig.Database
        if let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty {
            schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            database = .postgres(url: url, schema: schema)
        } else {
            database = .sqliteFile(sqlitePath)
        }
        var config = AppConfig(database: database, bcryptCost: 4)
        adjust(&config)
        try await configure(app, config: config)
        try setup(app)
        if let schema { try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(unsafeRaw: schema)").run() }
        try await prepareDatabase(app)
        try await app.autoMigrate()
        try await body(app)
    } catch {
        await cleanUp(app, schema: schema)
        throw error
    }
    await cleanUp(app, schema: schema)
}

/// One access-log line per request drowns the test output; warnings and errors still show.
private let quietLogs: Void = LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = .warning
    return handler
}

private func cleanUp(_ app: Application, schema: String?) async {
    if let schema { try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
    try? await app.asyncShutdown()
}

/// A browser for tests: keeps the session cookie, reads CSRF tokens from pages.
struct Browser {
    let app: Application
    var cookie: String?
    var csrf: String?

    init(_ app: Application) { self.app = app }

    @discardableResult
    mutating func get(_ path: String) async throws -> TestingHTTPResponse {
        let cookie = self.cookie
        let response = try await app.testing().sendRequest(.GET, path, headers: cookie.map { ["Cookie": "bouwstenen=\($0)"] } ?? [:])
        remember(response)
        return response
    }

    /// Posts a form. The CSRF token of the last page is added unless `csrf` is given (nil = leave out).
    @discardableResult
    mutating func post(_ path: String, _ fields: [String: String], csrf: String?? = .none, rawBody: String? = nil, extraHeaders: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var fields = fields
        let token: String? = csrf ?? self.csrf
        if let token { fields["csrf"] = token }
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        if let cookie { headers.add(name: "Cookie", value: "bouwstenen=\(cookie)") }
        headers.add(contentsOf: extraHeaders)
        let body = rawBody ?? Self.encode(fields)
        let response = try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    static func encode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.sorted { $0.key < $1.key }
            .map { "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
    }

    private mutating func remember(_ response: TestingHTTPResponse) {
        for header in response.headers[.setCookie] {
            guard header.hasPrefix("bouwstenen=") else { continue }
            let value = String(header.dropFirst("bouwstenen=".count).prefix { $0 != ";" })
            cookie = value.isEmpty ? nil : value
        }
        if let token = Self.csrfToken(in: response.body.string) { csrf = token }
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}

enum Fixture {
    static let password = "een lange zin als wachtwoord"

    /// Completes first use: returns a browser logged in as the first projectleider.
    static func firstUse(_ app: Application, coalition: String = "Coalitie Rivierstad", email: String = "pl@rivierstad.example") async throws -> Browser {
        var browser = Browser(app)
        try await browser.get("/eerste-gebruik")
        let response = try await browser.post("/eerste-gebruik", [
            "coalitionName": coalition, "periodStart": "2025", "periodEnd": "2028",
            "name": "Sanne de Vries", "email": email, "password": password, "passwordRepeat": password,
        ])
        #expect(response.status == .seeOther)
        return browser
    }

    /// Adds a coalition with one member (made directly in the database).
    @discardableResult
    static func coalition(_ app: Application, name: String, memberEmail: String, role: Role) async throws -> (CoalitionRecord, UserRecord) {
        let coalition = try await CoalitionsStore(on: app.db).create(.init(name: name, period: .init(startYear: 2025, endYear: 2028)))
        let user: UserRecord
        if let existing = try await UserRecord.query(on: app.db).filter(\.$email == memberEmail).first() {
            user = existing
        } else {
            user = UserRecord(email: memberEmail, name: "Lid \(memberEmail)", passwordHash: try app.password.hash(password))
            try await user.create(on: app.db)
        }
        try await MembershipRecord(coalitionID: coalition.id!, userID: user.id!, role: role).create(on: app.db)
        return (coalition, user)
    }

    static func login(_ app: Application, email: String) async throws -> Browser {
        var browser = Browser(app)
        try await browser.get("/inloggen")
        let response = try await browser.post("/inloggen", ["email": email, "password": password])
        #expect(response.status == .seeOther)
        return browser
    }
}
