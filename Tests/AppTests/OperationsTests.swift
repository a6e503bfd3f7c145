import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import App
@testable import Fixtures

@Suite struct OperationsTests {
    @Test func healthAndMetrics() async throws {
        let token = "een-lang-geheim-voor-prometheus"
        try await withApp(config: { $0.metricsToken = token }) { app in
            _ = try await Fixture.firstUse(app)
            #expect(try await app.testing().sendRequest(.GET, "/healthz").body.string == "ok\n")
            _ = try await app.testing().sendRequest(.GET, "/inloggen")
            // Per-route volumes only for the scraper that knows the token.
            #expect(try await app.testing().sendRequest(.GET, "/metrics").status == .unauthorized)
            #expect(try await app.testing().sendRequest(.GET, "/metrics", headers: ["Authorization": "Bearer niet-het-goede-geheim-hoor"]).status == .unauthorized)
            let metrics = try await app.testing().sendRequest(.GET, "/metrics", headers: ["Authorization": "Bearer \(token)"]).body.string
            #expect(metrics.contains("http_requests_total"))
            #expect(metrics.contains("route=\"/inloggen\""))
            #expect(!metrics.contains("rivierstad.example"), "no personal data in metrics")
        }
    }

    @Test func withoutATokenThereAreNoMetrics() async throws {
        try await withApp { app in
            let response = try await app.testing().sendRequest(.GET, "/metrics")
            #expect(response.status == .notFound)
        }
    }

    @Test func demoDataIsIdempotent() async throws {
        try await withApp { app in
            let hash: @Sendable (String) async throws -> String = { _ in "$2b$04$notarealhashbutfineforcounting" }
            let first = try await DemoCommand.load(on: app.db, hash: hash)
            let counts = try await (UserRecord.query(on: app.db).count(), MembershipRecord.query(on: app.db).count(), LocationRecord.query(on: app.db).count())
            _ = try await DemoCommand.load(on: app.db, hash: hash)
            let again = try await (UserRecord.query(on: app.db).count(), MembershipRecord.query(on: app.db).count(), LocationRecord.query(on: app.db).count())
            #expect(counts == again)
            #expect(counts.2 == 3)
            #expect(Set(first.map(\.role)) == ["projectleider", "coördinator", "partner", "lezer"])
            // The quality work: all nine mandatory bouwbladen, extras, several cycles, and not twice.
            let bouwbladen = try await BouwbladRecord.query(on: app.db).all()
            #expect(bouwbladen.count == DemoBouwbladen.bladen.count)
            let mandatory = Set(try await FormatQuestionRecord.query(on: app.db).filter(\.$mandatory == true).all().compactMap(\.id))
            #expect(Set(bouwbladen.compactMap(\.questionID)).intersection(mandatory).count == 9)
            #expect(try await CycleRecord.query(on: app.db).count() > bouwbladen.count)
            #expect(Set(try await ActieRecord.query(on: app.db).all().map(\.status)) == Set(ActieStatus.allCases))
            #expect(try await LinkRecord.query(on: app.db).count() >= 3)
        }
    }

    @Test func sqliteFileIsDurable() async throws {
        guard ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] == nil else { return }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bouwstenen-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let app = try await Application.make(.testing)
        do {
            try await configure(app, config: AppConfig(database: .sqliteFile(path), bcryptCost: 4))
            try await prepareDatabase(app)
            let sql = app.db as! any SQLDatabase
            struct Mode: Decodable { let journal_mode: String }
            struct Sync: Decodable { let synchronous: Int }
            #expect(try await sql.raw("PRAGMA journal_mode").first(decoding: Mode.self)?.journal_mode == "wal")
            #expect(try await sql.raw("PRAGMA synchronous").first(decoding: Sync.self)?.synchronous == 2)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

@Suite struct ClockTests {
    /// Every "now" comes from the configured clock: fixed here, the pages follow it.
    @Test func aFixedClockIsWhatThePagesSee() async throws {
        let moment = try #require(ISO8601DateFormatter().date(from: "2031-03-04T10:00:00Z"))
        try await withApp(config: { $0.clock = .fixed(moment) }) { app in
            let page = try await app.testing().sendRequest(.GET, "/eerste-gebruik").body.string
            // After the known subsidy periods: three school years from the clock's one (2030/31).
            #expect(page.contains("value=\"2030\""), "the first year of the period follows the clock")
            #expect(page.contains("value=\"2033\""))
            _ = try await Fixture.firstUse(app)
            let user = try #require(try await UserRecord.query(on: app.db).first())
            let session = try #require(try await WebSessionRecord.query(on: app.db).filter(\.$user.$id == user.id).first())
            #expect(session.lastSeenAt == moment)
        }
    }
}
