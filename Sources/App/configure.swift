import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Prometheus
import SQLKit
import Vapor

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    var appConfig: AppConfig {
        get { storage[ConfigKey.self] ?? AppConfig() }
        set { storage[ConfigKey.self] = newValue }
    }
}

/// Sets up the whole app from one configuration. Used by the executable and by the tests.
public func configure(_ app: Application, config: AppConfig) async throws {
    app.appConfig = config
    try configureDatabase(app, config)
    app.migrations.add(AppMigrations.all)

    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    app.passwordPolicy = try Application.loadPasswordPolicy()
    app.dummyPasswordHash = try app.password.hash(Tokens.random())
    app.setPageTemplates(try await PageTemplates.load())
    app.readCache = ReadCache()
    app.answerThrottle = AnswerThrottle(perClient: config.answersPerClient)
    app.pdfRenderer = PDFRenderer(program: config.weasyprint, concurrency: config.pdfConcurrency)

    app.http.server.configuration.hostname = config.hostname
    app.http.server.configuration.port = config.port
    // HTML, CSS and CSV compressed when the client asks (Accept-Encoding); PDF and DOCX are
    // compressed already. The CSRF token on a page is masked per response (`Tokens.masked`).
    app.http.server.configuration.responseCompression = .enabledForCompressibleTypes
    app.routes.defaultMaxBodySize = ByteCount(integerLiteral: Limits.formBody)

    let registry = PrometheusCollectorRegistry()
    app.mailMetrics = MailMetrics(registry: registry)
    let firstUse = FirstUseMiddleware.State()
    app.middleware = Middlewares()
    if config.countQueries { app.middleware.use(QueryCounterMiddleware()) }
    app.middleware.use(SecurityHeadersMiddleware(hsts: config.isHTTPS))
    app.middleware.use(MetricsMiddleware(registry: registry))
    app.middleware.use(ErrorPagesMiddleware())
    app.middleware.use(QueryGuardMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: PublicFiles.directory, defaultFile: nil))
    app.middleware.use(WebSessionMiddleware(settings: SessionSettings(
        cookieName: config.isHTTPS ? "__Host-bouwstenen" : "bouwstenen", secure: config.isHTTPS,
        idleTimeout: config.sessionIdleTimeout)))
    app.middleware.use(FirstUseMiddleware(state: firstUse))
    app.middleware.use(CSRFMiddleware(maxBodySize: Limits.body(for:)))

    try routes(app, registry: registry, firstUse: firstUse)
    if config.runsMailWorker { app.lifecycle.use(MailWorker()) }
    app.asyncCommands.use(CreateAdminCommand(), as: "create-admin")
    app.asyncCommands.use(ReportCommand(), as: "report")
    app.asyncCommands.use(AccessRoutesCommand(), as: "routes")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(MailTestCommand(), as: "mail-test")
    app.asyncCommands.use(RemindersCommand(), as: "reminders")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
}

enum Limits {
    /// Far above the largest form anyone fills in (a step of 20,000 characters is at most
    /// 240 kB even when every character is percent-encoded UTF-8), so a text that is too long
    /// comes back in its form with "te lang" instead of a 413 that cannot show it again.
    static let formBody = 1024 * 1024
    /// A file people upload to import (a Forms export of thousands of answers).
    static let upload = 8 * 1024 * 1024

    /// The body a request may send: uploads to an import page get more.
    static func body(for request: Request) -> Int {
        request.headers.contentType == .formData && request.url.path.hasSuffix("/importeren") ? upload : formBody
    }
}

private func configureDatabase(_ app: Application, _ config: AppConfig) throws {
    switch config.database {
    case .sqliteFile(let path):
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .postgres(let url, let schema):
        var postgres = try SQLPostgresConfiguration(url: url)
        if let schema { postgres.searchPath = [schema] }
        app.databases.use(.postgres(configuration: postgres, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(5)), as: .psql)
    }
}

/// SQLite settings that protect acknowledged writes. SQLiteNIO has no per-connection
/// hook, and Fluent keeps exactly one long-lived connection per event loop, so the
/// pragmas are applied to each loop's connection once at start-up.
public func prepareDatabase(_ app: Application) async throws {
    guard app.databases.ids().contains(.sqlite) else { return }
    for eventLoop in app.eventLoopGroup.makeIterator() {
        guard let db = app.databases.database(.sqlite, logger: app.logger, on: eventLoop) as? any SQLDatabase else { continue }
        try await db.raw("PRAGMA journal_mode = WAL").run()
        try await db.raw("PRAGMA synchronous = FULL").run()
        try await db.raw("PRAGMA busy_timeout = 5000").run()
        try await db.raw("PRAGMA foreign_keys = ON").run()
    }
}
