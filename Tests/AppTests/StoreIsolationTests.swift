import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App
@testable import Fixtures

/// Every feature store holds its tenant: handed the ids of another coalition's rows, it
/// finds nothing and changes nothing. Two demo coalitions, so each store has rows of its
/// own to find and rows of the other to refuse.
@Suite struct StoreIsolationTests {
    private static let hash: @Sendable (String) async throws -> String = { _ in "$2b$04$notarealhashbutfineforisolation" }

    /// Rivierstad's rows, and Zuidstad's id.
    private func twoCoalitions(_ app: Application) async throws -> (rivier: UUID, zuid: UUID) {
        _ = try await DemoCommand.load(on: app.db, place: "Rivierstad", hash: Self.hash)
        _ = try await DemoCommand.load(on: app.db, place: "Zuidstad", hash: Self.hash)
        let rivier = try #require(try await CoalitionRecord.query(on: app.db).filter(\.$slug == "coalitie-rivierstad").first())
        let zuid = try #require(try await CoalitionRecord.query(on: app.db).filter(\.$slug == "coalitie-zuidstad").first())
        return (try rivier.requireID(), try zuid.requireID())
    }

    @Test func bouwbladStoreFindsAndChangesNothingOfAnotherCoalition() async throws {
        try await withApp { app in
            let (rivier, zuid) = try await twoCoalitions(app)
            let theirs = try #require(try await BouwbladRecord.query(on: app.db).filter(\.$coalitionID == rivier).first())
            let theirCycle = try #require(try await CycleRecord.query(on: app.db).filter(\.$bouwbladID == theirs.requireID()).first())
            let store = BouwbladStore(coalitionID: zuid, on: app.db)
            // Its own rows are there; the other coalition's are not.
            #expect(try await !store.bouwbladen().isEmpty)
            #expect(try await store.bouwblad(theirs.requireID()) == nil)
            #expect(try await store.cycle(theirCycle.requireID()) == nil)
            #expect(try await store.cycles(of: theirs.requireID()).isEmpty)
            #expect(try await store.doelen(of: theirs.requireID()).isEmpty)
            #expect(try await store.acties(of: theirs.requireID()).isEmpty)
            // Links to the same bouwsteen (the format is shared) may be found, but only its own.
            let links = try await store.links(touching: theirs)
            #expect(links.allSatisfy { $0.coalitionID == zuid })
            #expect(try !links.contains { try $0.bouwbladID == theirs.requireID() || $0.targetBouwbladID == theirs.requireID() })
            #expect(try await store.revisions(of: theirs.requireID()).isEmpty)
            #expect(try await store.bouwbladen([theirs.requireID()]).isEmpty)
            // Writes based on the right version still change nothing.
            #expect(try await !store.update(period: .init(from: nil, to: nil), of: theirCycle.requireID(), from: theirCycle.version, now: Date()))
            #expect(try await !store.close(theirCycle, now: Date()))
            let change = BouwbladStore.Change(bouwblad: theirs, cycleID: nil, field: "title", before: theirs.title, after: "overgenomen",
                                              userID: UUID(), now: Date())
            #expect(try await !store.update(title: "overgenomen", from: theirs.version, change))
            let after = try #require(try await BouwbladRecord.find(theirs.requireID(), on: app.db))
            #expect(after.title == theirs.title)
            let cycleAfter = try #require(try await CycleRecord.find(theirCycle.requireID(), on: app.db))
            #expect(cycleAfter.closedAt == theirCycle.closedAt)
        }
    }

    @Test func activityStoresFindAndChangeNothingOfAnotherCoalition() async throws {
        try await withApp { app in
            let (rivier, zuid) = try await twoCoalitions(app)
            let activity = try #require(try await ActivityRecord.query(on: app.db).filter(\.$coalitionID == rivier).first())
            let location = try #require(try await LocationRecord.query(on: app.db).filter(\.$coalitionID == rivier).first())
            let partner = try #require(try await PartnerRecord.query(on: app.db).filter(\.$coalitionID == rivier).first())
            let book = ActiviteitenStore(coalitionID: zuid, on: app.db), places = PlacesStore(coalitionID: zuid, on: app.db)
            #expect(try await book.count(.all) > 0)
            #expect(try await book.activity(activity.requireID(), .all) == nil)
            #expect(try await book.sessions(of: activity.requireID()).isEmpty)
            #expect(try await book.staff(of: activity.requireID()).isEmpty)
            #expect(try await book.names(of: [activity.requireID()]).isEmpty)
            #expect(try await !book.update(status: .afgerond, of: activity.requireID(), from: activity.version, now: Date()))
            #expect(try await !places.locations().isEmpty)
            #expect(try await places.location(location.requireID()) == nil)
            #expect(try await places.partner(partner.requireID()) == nil)
            #expect(try await places.staff(of: partner.requireID()).isEmpty)
            var errors = FieldErrors()
            let input = try #require(PartnerInput.validate(PartnerForm(name: "Overgenomen", kind: partner.kind), into: &errors))
            #expect(try await !places.update(partner: partner.requireID(), from: partner.version, input, now: Date()))
            #expect(try await ActivityRecord.find(activity.requireID(), on: app.db)?.status == activity.status)
            #expect(try await PartnerRecord.find(partner.requireID(), on: app.db)?.name == partner.name)
        }
    }

    @Test func reportAndRasterStoresReadOnlyTheirOwnCoalition() async throws {
        try await withApp { app in
            let (rivier, zuid) = try await twoCoalitions(app)
            let catalog = try await FormatCatalog.load(on: app.db)
            let zuidstad = try #require(try await CoalitionRecord.find(zuid, on: app.db))
            let data = try await ReportStore(coalitionID: zuid, on: app.db).data(of: zuidstad, catalog: catalog, today: WallClock.system.today)
            #expect(!data.bouwbladen.isEmpty)
            #expect(data.bouwbladen.allSatisfy { $0.coalitionID == zuid })
            #expect(data.cycles.allSatisfy { $0.coalitionID == zuid })
            #expect(data.locations.allSatisfy { $0.coalitionID == zuid })
            let summaries = try await RasterStore(coalitionID: zuid, on: app.db).summaries(catalog: catalog)
            #expect(!summaries.bouwbladen.isEmpty)
            #expect(summaries.bouwbladen.allSatisfy { $0.coalitionID == zuid })
            let theirs = try await BouwbladRecord.query(on: app.db).filter(\.$coalitionID == rivier).count()
            #expect(theirs > 0, "the other coalition has bouwbladen the stores left out")
        }
    }
}

/// The start page lists a person's coalitions, each linked by `Paths`, and only theirs.
@Suite struct CoalitionChoiceTests {
    @Test func aPersonInTwoCoalitionsChoosesBetweenThem() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            try await Fixture.coalition(app, name: "Coalitie Zuidstad", memberEmail: "pl@rivierstad.example", role: .lezer)
            try await Fixture.coalition(app, name: "Coalitie Noordstad", memberEmail: "iemand@noordstad.example", role: .projectleider)
            let html = try await browser.get("/?kies=1").body.string
            // The projectleider starts on the dashboard, the lezer on the raster.
            #expect(html.contains("href=\"/c/coalitie-rivierstad/dashboard\""))
            #expect(html.contains("href=\"/c/coalitie-zuidstad/\""))
            #expect(html.contains("je bent lezer"))
            #expect(!html.contains("Noordstad"), "not a member there")
        }
    }
}
