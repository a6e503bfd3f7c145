import Domain
import Foundation
import Reports

/// Everything the app reads from its environment, read once at start-up.
/// A bad value stops the start with a message that says which variable and why.
public struct AppConfig: Sendable {
    public enum Database: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        /// `schema` puts every table in that PostgreSQL schema (tests use one per test).
        case postgres(url: String, schema: String? = nil)
    }

    public var database: Database
    public var hostname: String
    public var port: Int
    /// The public address, e.g. https://bouwstenen.example.nl. With https, cookies
    /// are Secure and HSTS is sent.
    public var baseURL: URL?
    public var bcryptCost: Int
    public var sessionIdleTimeout: TimeInterval
    public var autoMigrate: Bool
    /// Sends the number of SQL statements per request in a header (bench/run only).
    public var countQueries = false
    /// Addresses of the load balancers in front of the app; only their X-Forwarded-For is believed.
    public var trustedProxies: Set<String> = []
    /// The bearer token Prometheus sends for `/metrics`; without one, `/metrics` does not exist.
    public var metricsToken: String?
    /// How many PDFs are made at the same moment; more requests wait in line (see PDFRenderer).
    public var pdfConcurrency = 2
    /// Where "now" comes from; tests fix it.
    public var clock: WallClock = .system
    /// The WeasyPrint program for the report's PDF; without it the Rapport page says that
    /// only Word and print work.
    public var weasyprint: URL? = WeasyPrint.executable(environment: [:])
    /// How many questionnaire answers one client address may send per 10 minutes. A class
    /// behind one school address answers together, so it is generous; bench raises it.
    public var answersPerClient = 300
    /// For `create-admin` without a terminal.
    public var adminPassword: String?
    /// The SMTP server mail goes out through; nil: no mail is sent (the outbox still fills).
    public var smtp: SMTPSettings?
    /// Sends the outbox in the background: `serve` only, not commands or tests.
    public var runsMailWorker = false
    /// From this hour (Dutch time) the server makes the day's reminder digests; nil: never
    /// by itself (REMINDER_HOUR=uit, for a host who runs `bouwstenen reminders` from cron).
    public var reminderHour: Int? = 7
    /// The first wait before a failed mail is tried again; each next wait doubles.
    public var mailRetryBase: TimeInterval = 60

    public var isHTTPS: Bool { baseURL?.scheme == "https" }

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    public init(
        database: Database = .sqliteFile("./data/bouwstenen.sqlite"),
        hostname: String = "127.0.0.1", port: Int = 8080, baseURL: URL? = nil,
        bcryptCost: Int = 12, sessionIdleTimeout: TimeInterval = 8 * 3600, autoMigrate: Bool = true
    ) {
        self.database = database
        self.hostname = hostname
        self.port = port
        self.baseURL = baseURL
        self.bcryptCost = bcryptCost
        self.sessionIdleTimeout = sessionIdleTimeout
        self.autoMigrate = autoMigrate
    }

    /// A database address: postgres://…, postgresql://…, sqlite:///path or sqlite://:memory:.
    public static func database(from url: String) throws -> Database {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") { return .postgres(url: url, schema: nil) }
        if url.hasPrefix("sqlite://") {
            let path = String(url.dropFirst("sqlite://".count))
            return path == ":memory:" ? .sqliteMemory : .sqliteFile(path)
        }
        throw Invalid(description: "DATABASE_URL must start with postgres://, postgresql:// or sqlite:// (got \(url.prefix(20))…)")
    }

    /// Reads the configuration from environment variables.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfig {
        var config = AppConfig()
        if let url = env["DATABASE_URL"], !url.isEmpty {
            config.database = try database(from: url)
        } else if let path = env["SQLITE_PATH"], !path.isEmpty {
            config.database = .sqliteFile(path)
        }
        if let host = env["HOST"], !host.isEmpty { config.hostname = host }
        if let raw = env["PORT"], !raw.isEmpty {
            guard let port = Int(raw), (1...65535).contains(port) else {
                throw Invalid(description: "PORT must be a number from 1 to 65535 (got \(raw))")
            }
            config.port = port
        }
        if let raw = env["BASE_URL"], !raw.isEmpty {
            guard let url = URL(string: raw), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw Invalid(description: "BASE_URL must be an http:// or https:// address (got \(raw))")
            }
            config.baseURL = url
        }
        if let raw = env["BCRYPT_COST"], !raw.isEmpty {
            guard let cost = Int(raw), (4...31).contains(cost) else {
                throw Invalid(description: "BCRYPT_COST must be a number from 4 to 31 (got \(raw))")
            }
            config.bcryptCost = cost
        }
        if let raw = env["SESSION_IDLE_MINUTES"], !raw.isEmpty {
            guard let minutes = Int(raw), (1...(7 * 24 * 60)).contains(minutes) else {
                throw Invalid(description: "SESSION_IDLE_MINUTES must be a number from 1 to 10080 (got \(raw))")
            }
            config.sessionIdleTimeout = TimeInterval(minutes * 60)
        }
        if let raw = env["AUTO_MIGRATE"], !raw.isEmpty {
            guard let flag = Bool(raw.lowercased()) else {
                throw Invalid(description: "AUTO_MIGRATE must be true or false (got \(raw))")
            }
            config.autoMigrate = flag
        }
        if let raw = env["QUERY_COUNT"], !raw.isEmpty {
            guard ["0", "1"].contains(raw) else {
                throw Invalid(description: "QUERY_COUNT must be 0 or 1 (got \(raw))")
            }
            config.countQueries = raw == "1"
        }
        if let raw = env["WEASYPRINT_BIN"], !raw.isEmpty {
            guard let program = WeasyPrint.executable(environment: ["WEASYPRINT_BIN": raw]) else {
                throw Invalid(description: "WEASYPRINT_BIN must name an executable program (got \(raw.prefix(200)))")
            }
            config.weasyprint = program
        } else {
            config.weasyprint = WeasyPrint.executable(environment: ["PATH": env["PATH"] ?? ""])
        }
        if let raw = env["BOUWSTENEN_ADMIN_PASSWORD"], !raw.isEmpty { config.adminPassword = raw }
        if let raw = env["TRUSTED_PROXIES"], !raw.isEmpty {
            let addresses = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard addresses.allSatisfy({ $0.count <= 45 && $0.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" } }) else {
                throw Invalid(description: "TRUSTED_PROXIES must be a comma-separated list of IP addresses (got \(raw.prefix(80)))")
            }
            config.trustedProxies = Set(addresses)
        }
        if let raw = env["METRICS_TOKEN"], !raw.isEmpty {
            guard raw.count >= 20 else { throw Invalid(description: "METRICS_TOKEN must be at least 20 characters") }
            config.metricsToken = raw
        }
        if let raw = env["PDF_CONCURRENCY"], !raw.isEmpty {
            guard let value = Int(raw), (1...16).contains(value) else {
                throw Invalid(description: "PDF_CONCURRENCY must be a number from 1 to 16 (got \(raw))")
            }
            config.pdfConcurrency = value
        }
        if let raw = env["ANSWERS_PER_CLIENT"], !raw.isEmpty {
            guard let value = Int(raw), (1...1_000_000).contains(value) else {
                throw Invalid(description: "ANSWERS_PER_CLIENT must be a number from 1 to 1000000 (got \(raw))")
            }
            config.answersPerClient = value
        }
        config.smtp = try smtp(from: env)
        if let raw = env["REMINDER_HOUR"], !raw.isEmpty {
            if raw == "uit" {
                config.reminderHour = nil
            } else {
                guard let value = Int(raw), (0...23).contains(value) else {
                    throw Invalid(description: "REMINDER_HOUR must be a number from 0 to 23, or uit (got \(raw.prefix(20)))")
                }
                config.reminderHour = value
            }
        }
        if let raw = env["MAIL_RETRY_SECONDS"], !raw.isEmpty {
            guard let value = Int(raw), (1...3600).contains(value) else {
                throw Invalid(description: "MAIL_RETRY_SECONDS must be a number from 1 to 3600 (got \(raw.prefix(20)))")
            }
            config.mailRetryBase = TimeInterval(value)
        }
        return config
    }

    /// SMTP_HOST, SMTP_PORT, SMTP_SECURITY (starttls, tls or none), SMTP_USERNAME and
    /// SMTP_PASSWORD, MAIL_FROM. All empty: no SMTP. Half of them: a start-up error.
    static func smtp(from env: [String: String]) throws -> SMTPSettings? {
        func value(_ key: String) -> String? { env[key].flatMap { $0.isEmpty ? nil : $0 } }
        let keys = ["SMTP_HOST", "SMTP_PORT", "SMTP_SECURITY", "SMTP_USERNAME", "SMTP_PASSWORD", "MAIL_FROM"]
        guard let host = value("SMTP_HOST") else {
            if let set = keys.first(where: { value($0) != nil }) { throw Invalid(description: "\(set) is set but SMTP_HOST is not: set SMTP_HOST too, or none of the SMTP settings") }
            return nil
        }
        let securityRaw = value("SMTP_SECURITY") ?? "starttls"
        guard let security = SMTPSettings.Security(rawValue: securityRaw) else {
            throw Invalid(description: "SMTP_SECURITY must be starttls, tls or none (got \(securityRaw.prefix(20)))")
        }
        if security == .none, !["127.0.0.1", "::1", "localhost"].contains(host) {
            throw Invalid(description: "SMTP_SECURITY=none only for a server on this machine (127.0.0.1); use starttls or tls for \(host.prefix(80))")
        }
        let port: Int
        if let raw = value("SMTP_PORT") {
            guard let p = Int(raw), (1...65535).contains(p) else { throw Invalid(description: "SMTP_PORT must be a number from 1 to 65535 (got \(raw.prefix(20)))") }
            port = p
        } else {
            port = security == .tls ? 465 : security == .startTLS ? 587 : 25
        }
        let user = value("SMTP_USERNAME"), password = value("SMTP_PASSWORD")
        guard (user == nil) == (password == nil) else { throw Invalid(description: "SMTP_USERNAME and SMTP_PASSWORD go together: set both, or neither") }
        guard let from = value("MAIL_FROM") else { throw Invalid(description: "MAIL_FROM must be set when SMTP_HOST is: the sender address of every mail") }
        var errors = FieldErrors()
        guard Email.validate(from, field: "from", into: &errors) != nil else { throw Invalid(description: "MAIL_FROM must be an e-mail address (got \(from.prefix(80)))") }
        var settings = SMTPSettings(host: host, port: port, security: security, username: user, password: password, from: from)
        if let ca = value("SMTP_CA_FILE") {
            guard FileManager.default.isReadableFile(atPath: ca) else { throw Invalid(description: "SMTP_CA_FILE must name a readable PEM file (got \(ca.prefix(200)))") }
            settings.caFile = ca
        }
        return settings
    }
}
