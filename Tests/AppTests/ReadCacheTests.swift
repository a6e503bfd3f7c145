import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Pages keep what they read of a coalition until the coalition's generation moves; the
/// database moves it with every change, whoever makes it.
@Suite struct ReadCacheTests {
    /// Tables with a `coalition_id` and the events their triggers fire on, as the database
    /// itself describes them.
    static func triggers(_ db: any SQLDatabase) async throws -> (tables: Set<String>, events: [String: Set<String>]) {
        struct Name: Decodable { let name: String }
        struct Trigger: Decodable { let table: String; let event: String }
        var events: [String: Set<String>] = [:]
        if db.dialect.name == "postgresql" {
            let tables = try await db.raw("""
                SELECT table_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'coalition_id'
                """).all(decoding: Name.self)
            for t in try await db.raw("""
                SELECT event_object_table AS "table", lower(event_manipulation) AS event FROM information_schema.triggers
                WHERE event_object_schema = current_schema() AND trigger_name LIKE '%_generation_%'
                """).all(decoding: Trigger.self) {
                events[t.table, default: []].insert(t.event)
            }
            return (Set(tables.map(\.name)), events)
        }
        let tables = try await db.raw("""
            SELECT m.name AS name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'coalition_id'
            """).all(decoding: Name.self)
        for t in try await db.raw("SELECT tbl_name AS \"table\", sql AS event FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_generation_%'")
            .all(decoding: Trigger.self) {
            for event in ["insert", "update", "delete"] where t.event.lowercased().contains("after \(event) on") {
                events[t.table, default: []].insert(event)
            }
        }
        return (Set(tables.map(\.name)), events)
    }

    @Test func everyTableOfACoalitionRaisesItsGeneration() async throws {
        try await withApp { app in
            let (tables, events) = try await Self.triggers(try app.db.sql)
            #expect(tables.count >= 20, "the tables with a coalition_id were found")
            #expect(tables == Set(M0023_CoalitionGeneration.tables + M0024_CreateVragenlijsten.tables + M0026_CreateIndicatoren.tables + M0028_CreateJaarplan.tables + M0029_CreateOverleg.tables + M0030_CreateAgreements.tables + M0032_CreateContacts.tables + M0034_PersonalCalendarFeeds.tables), "a new table of a coalition needs the triggers of M0023, in its own migration")
            for table in tables {
                #expect(events[table] == ["insert", "update", "delete"], "\(table)")
            }
        }
    }

    @Test func aChangeMadeOutsideThisAppShowsOnTheNextPage() async throws {
        try await withApp(config: { $0.countQueries = true }) { app in
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory()
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            let step = "\(path)/cycli/\(try cycle.requireID())/stappen/startvraag"
            try await browser.get(path)
            // A save of the startvraag (as the page would) moves the generation: the next visit reads.
            #expect(try await browser.saveStep(path, cycle: try cycle.requireID(), .startvraag, "Wat willen we bereiken?", basedOn: 1).status == .seeOther)
            let first = try await browser.get(step)
            let second = try await browser.get(step), third = try await browser.get(step)
            #expect(third.body.string == second.body.string.replacingOccurrences(of: Self.csrf(second), with: Self.csrf(third)))
            let fresh = try #require(Int(first.headers.first(name: QueryCounterMiddleware.header) ?? ""))
            let kept = try #require(Int(second.headers.first(name: QueryCounterMiddleware.header) ?? ""))
            #expect(kept < fresh, "the second visit reads the bouwblad from memory")

            // As another app instance or a script would: straight into the database.
            let sql = try app.db.sql
            let before = try #require(try await CoalitionRecord.query(on: app.db).first()).generation
            try await sql.raw("UPDATE cycles SET startvraag = 'Door een collega elders gewijzigd'").run()
            #expect(try #require(try await CoalitionRecord.query(on: app.db).first()).generation > before)
            #expect(try await browser.get(step).body.string.contains("Door een collega elders gewijzigd"))

            // Names belong to people, not coalitions; a new name still shows.
            let page = try await browser.get(path).body.string
            try #require(page.contains("Sanne de Vries"))
            try await sql.raw("UPDATE users SET name = 'Sanne van Dam'").run()
            let renamed = try await browser.get(path).body.string
            #expect(renamed.contains("Sanne van Dam") && !renamed.contains("Sanne de Vries"))
        }
    }

    @Test func aSaveThroughTheAppShowsAtOnce() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory()
            try await browser.get(path)
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            let saved = try await browser.saveStep(path, cycle: try cycle.requireID(), .doelen, "Meer kinderen sporten wekelijks.", basedOn: 1)
            #expect(saved.status == .seeOther)
            #expect(try await browser.get(path).body.string.contains("Meer kinderen sporten wekelijks."))
        }
    }

    /// The bouwblad page's main part is shared; each person's forms in it carry their own token.
    @Test func aSharedPageCarriesEachPersonsOwnToken() async throws {
        try await withApp { app in
            var (first, second, path, cycle) = try await BouwbladTests.twoPeopleOnOneBouwblad(app)
            for step in [CycleStep.doelen, .bereikt, .bijgesteld] {
                #expect(try await first.saveStep(path, cycle: try cycle.requireID(), step, "Tekst van \(step.rawValue).", basedOn: 1).status == .seeOther)
            }
            let mine = try await first.get(path).body.string, theirs = try await second.get(path).body.string
            let tokens = { (html: String) in Set(html.matches(of: /name="csrf" value="([^"]+)"/).map { String($0.1) }) }
            #expect(mine.contains("Cyclus 1 afronden"), "a form in the main part")
            #expect(!mine.contains(PageTemplates.csrfPlaceholder) && !theirs.contains(PageTemplates.csrfPlaceholder))
            #expect(tokens(mine).count == 1 && tokens(theirs).count == 1, "one token on each page, in the layout and the main part alike")
            #expect(tokens(mine) != tokens(theirs))
        }
    }

    @Test func valuesStayWithTheirGenerationAndWithinBounds() {
        let cache = ReadCache(), coalition = UUID()
        cache.store("twee", "k", coalition: coalition, generation: 2)
        #expect(cache.value("k", coalition: coalition, generation: 2) as? String == "twee")
        #expect(cache.value("k", coalition: coalition, generation: 3) == nil, "a newer state finds nothing")
        cache.store("een", "k", coalition: coalition, generation: 1)
        #expect(cache.value("k", coalition: coalition, generation: 2) as? String == "twee", "an older read does not push out a newer one")
        #expect(cache.value("k", coalition: UUID(), generation: 2) == nil, "another coalition finds nothing")
        for n in 0...ReadCache.maxValuesPerCoalition { cache.store(n, "k\(n)", coalition: coalition, generation: 2) }
        #expect(cache.value("k0", coalition: coalition, generation: 2) == nil, "a full shelf starts again")
        #expect(cache.value("k\(ReadCache.maxValuesPerCoalition)", coalition: coalition, generation: 2) as? Int == ReadCache.maxValuesPerCoalition)
    }

    static func csrf(_ response: TestingHTTPResponse) -> String {
        Browser.csrfToken(in: response.body.string) ?? ""
    }
}
