import Domain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import App
@testable import Fixtures

/// What the performance harness relies on: the generated data, the query counter, and the
/// two ceiling routes that touch no database.
@Suite struct BenchSupportTests {
    @Test func benchDataMakesOneFullCoalitionTheSameWayEachTime() async throws {
        var firstID: UUID?
        for _ in 0..<2 {
            try await withApp { app in
                let data = BenchData(seed: 7, passwordHash: "$2b$04$notarealhashbutfineforcounting")
                let totals = try await data.fill(app.db, coalitions: 1) { _ in }
                #expect(totals.coalitions == 1)
                let coalition = try #require(try await CoalitionRecord.query(on: app.db).filter(\.$slug == "bench-0001").first())
                let id = coalition.id!
                if let firstID { #expect(firstID == id, "same seed, same data") } else { firstID = id }
                #expect(try await MembershipRecord.query(on: app.db).filter(\.$coalitionID == id).count() == 10)
                let bouwbladen = try await BouwbladRecord.query(on: app.db).filter(\.$coalitionID == id).all()
                #expect(bouwbladen.count == 12)
                let mandatory = Set(try await FormatQuestionRecord.query(on: app.db).filter(\.$mandatory == true).all().compactMap(\.id))
                #expect(Set(bouwbladen.compactMap(\.questionID)) == mandatory)
                #expect(try await CycleRecord.query(on: app.db).filter(\.$coalitionID == id).count() == 36)
                #expect(try await CycleRecord.query(on: app.db).filter(\.$coalitionID == id).filter(\.$closedAt == nil).count() == 12)
                #expect(try await ActivityRecord.query(on: app.db).filter(\.$coalitionID == id).count() == 30)
                #expect(try await ActivitySessionRecord.query(on: app.db).filter(\.$coalitionID == id).count() == 600)
                // Pupils only as numbers; observations on part of the sessions.
                #expect(try await ActivitySessionRecord.query(on: app.db).filter(\.$betrokkenheid != nil).count() > 100)
                // A second run adds nothing.
                let again = try await data.fill(app.db, coalitions: 1) { _ in }
                #expect(again.coalitions == 0)
                #expect(try await CoalitionRecord.query(on: app.db).count() == 1)
            }
        }
    }

    @Test func theGeneratedProjectleiderCanLogInAndOpenTheRaster() async throws {
        try await withApp { app in
            let hash = try app.password.hash(BenchData.password)
            _ = try await BenchData(seed: 1, passwordHash: hash).fill(app.db, coalitions: 2) { _ in }
            var browser = Browser(app)
            try await browser.get("/inloggen")
            let login = try await browser.post("/inloggen", ["email": "projectleider@bench-0002.example", "password": BenchData.password])
            #expect(login.status == .seeOther)
            let raster = try await browser.get("/c/bench-0002/")
            #expect(raster.status == .ok)
            #expect(raster.body.string.contains("Coalitie Benchdorp 2"))
            #expect(try await browser.get("/c/bench-0001/").status == .notFound)
        }
    }

    @Test func queryCountIsSentOnlyWhenSwitchedOn() async throws {
        try await withApp(config: { $0.countQueries = true }) { app in
            var browser = try await Fixture.firstUse(app)
            let raster = try await browser.get("/c/coalitie-rivierstad/")
            let count = try #require(raster.headers.first(name: QueryCounterMiddleware.header).flatMap(Int.init))
            #expect(count >= 3, "session, membership and the raster's own reads")
            #expect(try await app.testing().sendRequest(.GET, "/livez").headers.first(name: QueryCounterMiddleware.header) == "0")
            #expect(try await app.testing().sendRequest(.GET, "/healthz").headers.first(name: QueryCounterMiddleware.header) == "1")
        }
        try await withApp { app in
            _ = try await Fixture.firstUse(app)
            #expect(try await app.testing().sendRequest(.GET, "/healthz").headers.first(name: QueryCounterMiddleware.header) == nil)
        }
    }

    @Test func livezAndPrivacyNeedNoDatabaseAndNoLogin() async throws {
        try await withApp(config: { $0.countQueries = true }) { app in
            // Before first use, too: the privacy statement is for anyone who wants to know.
            let privacy = try await app.testing().sendRequest(.GET, "/privacy")
            #expect(privacy.status == .ok)
            #expect(privacy.body.string.contains("Privacy in Bouwstenen"))
            #expect(privacy.body.string.contains("Geen namen"))
            // Once there are accounts, it reads nothing from the database.
            var browser = try await Fixture.firstUse(app)
            try await browser.post("/uitloggen", [:])
            let later = try await app.testing().sendRequest(.GET, "/privacy")
            #expect(later.status == .ok)
            #expect(later.headers.first(name: QueryCounterMiddleware.header) == "0")
            let live = try await app.testing().sendRequest(.GET, "/livez")
            #expect(live.status == .ok && live.body.string == "ok\n")
        }
    }
}
