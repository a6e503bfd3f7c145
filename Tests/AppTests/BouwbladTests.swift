import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// Helpers to work a bouwblad through the real routes.
extension Browser {
    /// Starts the bouwblad of the mandatory question of a bouwsteen; returns its path.
    mutating func startMandatory(_ code: String = "micro-uitvoering") async throws -> String {
        let page = try await get("/c/coalitie-rivierstad/bouwstenen/\(code)").body.string
        let marker = try #require(page.range(of: "name=\"questionID\" value=\""))
        let questionID = String(page[marker.upperBound...].prefix { $0 != "\"" })
        let created = try await post("/c/coalitie-rivierstad/bouwstenen/\(code)/bouwbladen", ["questionID": questionID])
        #expect(created.status == .seeOther)
        return try #require(created.headers.first(name: .location))
    }

    /// Saves a step based on the version of it the page showed (a new step is at 1).
    @discardableResult
    mutating func saveStep(_ bouwblad: String, cycle: UUID, _ step: CycleStep, _ text: String, basedOn version: Int) async throws -> TestingHTTPResponse {
        try await post("\(bouwblad)/cycli/\(cycle)/stappen/\(step.rawValue)", ["text": text, "version": String(version)])
    }
}

@Suite struct BouwbladTests {
    /// The projectleider in two browsers, both on the page of a new bouwblad.
    static func twoPeopleOnOneBouwblad(_ app: Application) async throws -> (Browser, Browser, String, CycleRecord) {
        var first = try await Fixture.firstUse(app)
        var second = try await Fixture.login(app, email: "pl@rivierstad.example")
        let path = try await first.startMandatory()
        try await first.get(path)
        try await second.get(path)
        return (first, second, path, try #require(try await CycleRecord.query(on: app.db).first()))
    }

    @Test func formatHasNineBouwstenenEachWithOneMandatoryQuestion() async throws {
        try await withApp { app in
            let bouwstenen = try await BouwsteenRecord.query(on: app.db).all()
            #expect(bouwstenen.count == 9)
            #expect(Set(bouwstenen.map(\.key)) == Set(BouwsteenKey.all))
            for bouwsteen in bouwstenen {
                let mandatory = try await FormatQuestionRecord.query(on: app.db)
                    .filter(\.$bouwsteenID == bouwsteen.id!).filter(\.$mandatory == true).count()
                #expect(mandatory == 1, "\(bouwsteen.key.name)")
            }
        }
    }

    @Test func rasterShowsStateInWordsAndCreatingStartsTheFirstCycle() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let before = try await browser.get("/c/coalitie-rivierstad/").body.string
            #expect(before.components(separatedBy: "Verplicht bouwblad: Niet gestart").count - 1 == 9)
            let path = try await browser.startMandatory()
            let page = try await browser.get(path).body.string
            #expect(page.contains("Cyclus 1"))
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            #expect(cycle.startvraag.hasPrefix("Hoe zorg je dat de activiteiten bijdragen aan de doelen"), "prefilled with the question")
            let after = try await browser.get("/c/coalitie-rivierstad/").body.string
            #expect(after.contains("Verplicht bouwblad: In uitvoering"))
            #expect(after.contains("Laatst gewijzigd door Sanne de Vries"))
            // The page now offers to open it; posting the question again opens the same one.
            let bouwsteenPage = try await browser.get("/c/coalitie-rivierstad/bouwstenen/micro-uitvoering").body.string
            #expect(bouwsteenPage.contains("Open het bouwblad"))
            let again = try await browser.post("/c/coalitie-rivierstad/bouwstenen/micro-uitvoering/bouwbladen", ["questionID": try #require(try await BouwbladRecord.query(on: app.db).first()?.questionID).uuidString])
            #expect(again.headers.first(name: .location) == path)
            #expect(try await BouwbladRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func savingAStepKeepsARevisionAndRendersPlainText() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory()
            try await browser.get(path)
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            let text = "Doel: elke week een nabespreking.\n\n- Mohamed maakt een formulier\n- <script>alert(1)</script>"
            let saved = try await browser.saveStep(path, cycle: cycle.id!, .doelen, text, basedOn: 1)
            #expect(saved.status == .seeOther)
            // The bouwblad page shows the first words; the cycle's own page the whole text.
            #expect(try await browser.get(path).body.string.contains("Doel: elke week een nabespreking. Mohamed maakt een formulier"))
            let html = try await browser.get("\(path)/cycli/\(cycle.id!)").body.string
            #expect(html.contains("<li>Mohamed maakt een formulier</li>"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("<script>alert"))
            let revision = try #require(try await RevisionRecord.query(on: app.db).filter(\.$field == "doelen").first())
            #expect(revision.before == "")
            #expect(revision.after == text)
        }
    }

    /// One step per page: one text field; "Voorbeeld bekijken" shows the lists and saves
    /// nothing; "Opslaan en naar stap 3" saves and opens the next step.
    @Test func aStepHasAPageOfItsOwnWithAPreview() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory()
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            let stepPath = "\(path)/cycli/\(cycle.id!)/stappen/doelen"
            let page = try await browser.get(stepPath).body.string
            #expect(page.components(separatedBy: "<textarea").count == 2, "one text on the page")
            #expect(page.contains("Opslaan en naar stap 3"))
            let preview = try await browser.post(stepPath, ["text": "• een\n• twee", "version": "1", "then": "voorbeeld"])
            #expect(preview.status == .ok)
            #expect(preview.body.string.contains("<li>een</li>"))
            #expect(preview.body.string.contains("Daaronder: de doelen van deze cyclus"), "step 2's preview shows the tables the report prints under it")
            #expect(preview.body.string.contains(">• een\n• twee</textarea>"), "the typed text stays in the field")
            #expect(try await CycleRecord.find(cycle.id, on: app.db)?.doelen == "", "a preview saves nothing")
            let next = try await browser.post(stepPath, ["text": "• een\n• twee", "version": "1", "then": "volgende"])
            #expect(next.status == .seeOther)
            #expect(next.headers.first(name: .location) == "\(path)/cycli/\(cycle.id!)/stappen/bereikt")
            #expect(try await CycleRecord.find(cycle.id, on: app.db)?.doelen == "• een\n• twee")
            // A refused text comes back on the step's page, as typed.
            let long = String(repeating: "a", count: CycleStep.maxLength + 1)
            let refused = try await browser.post(stepPath, ["text": long, "version": "2"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(">\(long)</textarea>"))
            #expect(refused.body.string.contains("href=\"#f-text\""))
        }
    }

    /// Title, keeper and contributors are one form on the Instellingen page.
    @Test func settingsSaveTitleAndKeeperTogether() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory()
            let page = try await browser.get("\(path)/instellingen").body.string
            #expect(page.contains("name=\"title\"") && page.contains("name=\"keeper\""))
            let member = try #require(try await MembershipRecord.query(on: app.db).first())
            let saved = try await browser.post("\(path)/instellingen", ["version": "1", "title": "Samen terugkijken", "keeper": member.id!.uuidString])
            #expect(saved.status == .seeOther)
            let bouwblad = try #require(try await BouwbladRecord.query(on: app.db).first())
            #expect(bouwblad.title == "Samen terugkijken")
            #expect(bouwblad.keeperID == member.id)
            #expect(try await browser.post("\(path)/instellingen", ["version": "1", "title": "Oud"]).status == .conflict)
            // A refused title keeps the ticked contributors too.
            let refused = try await browser.post("\(path)/instellingen", ["version": "3", "title": String(repeating: "t", count: 151),
                                                                         "contributors[]": member.id!.uuidString])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("value=\"\(member.id!.uuidString)\" checked"))
        }
    }

    @Test func aSaveOnAnOldTextIsAConflictShowingBothTexts() async throws {
        try await withApp { app in
            let two = try await Self.twoPeopleOnOneBouwblad(app)
            var (first, second) = (two.0, two.1)
            let (path, cycle) = (two.2, two.3)
            #expect(try await first.saveStep(path, cycle: cycle.id!, .bereikt, "Tekst van de eerste", basedOn: 1).status == .seeOther)
            let conflict = try await second.saveStep(path, cycle: cycle.id!, .bereikt, "Tekst van de tweede", basedOn: 1)
            #expect(conflict.status == .conflict)
            let html = conflict.body.string
            #expect(html.contains("Tekst van de eerste"))
            #expect(html.contains("Tekst van de tweede"))
            #expect(html.contains("Opgeslagen door Sanne de Vries"))
            #expect(try await CycleRecord.find(cycle.id, on: app.db)?.bereikt == "Tekst van de eerste")
            // Saving from the conflict page is based on the stored text and wins.
            #expect(try await second.saveStep(path, cycle: cycle.id!, .bereikt, "Samen: eerste en tweede", basedOn: 2).status == .seeOther)
            #expect(try await RevisionRecord.query(on: app.db).filter(\.$field == "bereikt").count() == 2)
        }
    }

    /// Each step has its own version: two people saving two steps of one cycle, both from
    /// the same page, both succeed; the cycle's own version counts both.
    @Test func savesOfTwoStepsOfOneCycleDoNotMeet() async throws {
        try await withApp { app in
            let two = try await Self.twoPeopleOnOneBouwblad(app)
            var (first, second) = (two.0, two.1)
            let (path, cycle) = (two.2, two.3)
            #expect(try await first.saveStep(path, cycle: cycle.id!, .doelen, "Doelen van de eerste", basedOn: 1).status == .seeOther)
            #expect(try await second.saveStep(path, cycle: cycle.id!, .bereikt, "Bereikt van de tweede", basedOn: 1).status == .seeOther)
            let stored = try #require(try await CycleRecord.find(cycle.id, on: app.db))
            #expect(stored.doelen == "Doelen van de eerste" && stored.bereikt == "Bereikt van de tweede")
            #expect(stored.version(of: .doelen) == 2 && stored.version(of: .bereikt) == 2 && stored.version(of: .startvraag) == 1)
            #expect(stored.version == cycle.version + 2)
            #expect(try await second.saveStep(path, cycle: cycle.id!, .doelen, "Te laat", basedOn: 1).status == .conflict)
        }
    }

    @Test func closingACycleCarriesTheSharpenedQuestionForward() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory()
            try await browser.get(path)
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            // Not yet: steps 3 and 4 are empty.
            let early = try await browser.post("\(path)/cycli/\(cycle.id!)/afronden", [:])
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.string.contains("Vul eerst stap 3"))
            try await browser.post("\(path)/cycli/\(cycle.id!)/periode", ["periodFrom": "2025-09", "periodTo": "2026-01", "version": "1"])
            try await browser.saveStep(path, cycle: cycle.id!, .bereikt, "In 2 van de 3 wijken gelukt.", basedOn: 1)
            try await browser.saveStep(path, cycle: cycle.id!, .bijgesteld, "Eén keer per jaar is te weinig. Hoe garanderen we elk kwartaal een contactmoment?", basedOn: 1)
            // Closing makes no cycle unless the team asks for one.
            let closed = try await browser.post("\(path)/cycli/\(cycle.id!)/afronden", [:])
            #expect(closed.status == .seeOther)
            #expect(try await CycleRecord.query(on: app.db).count() == 1)
            #expect(try await CycleRecord.find(cycle.id, on: app.db)?.closedAt != nil)
            #expect(try await browser.post("\(path)/cycli/\(cycle.id!)/afronden", [:]).status == .conflict, "closing twice is refused")
            let page = try await browser.get(path).body.string
            #expect(page.contains("Volgende cyclus starten"))
            // Later, the next cycle: it starts with the question of step 4, shown beside that step.
            #expect(try await browser.post("\(path)/cycli/volgende", [:]).status == .seeOther)
            #expect(try await browser.post("\(path)/cycli/volgende", [:]).status == .conflict, "one next cycle, not two")
            let cycles = try await CycleRecord.query(on: app.db).sort(\.$number).all()
            #expect(cycles.count == 2)
            #expect(cycles[1].startvraag == "Hoe garanderen we elk kwartaal een contactmoment?")
            #expect(cycles[1].periodFrom == "2026-02")
            #expect(cycles[1].periodTo == "2026-06")
            #expect(try await browser.get("\(path)/cycli/\(cycles[1].id!)/stappen/startvraag").body.string.contains("Eén keer per jaar is te weinig."))
            // With cycle 2 in the prullenbak, cycle 1 is the newest again: the next one is number 3.
            #expect(try await browser.post("\(path)/cycli/\(cycles[1].id!)/verwijderen", [:]).status == .seeOther)
            #expect(try await browser.post("\(path)/cycli/volgende", [:]).status == .seeOther)
            #expect(try await CycleRecord.query(on: app.db).sort(\.$number).all().map(\.number) == [1, 3])
            let raster = try await browser.get("/c/coalitie-rivierstad/").body.string
            #expect(raster.contains("Verplicht bouwblad: Niet compleet"), "closed cycle 1 has empty steps 2 and 3")
        }
    }

    @Test func periodEndBeforeStartIsRefused() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory()
            try await browser.get(path)
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            let response = try await browser.post("\(path)/cycli/\(cycle.id!)/periode", ["periodFrom": "2026-03", "periodTo": "2025-09", "version": "1"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Het einde kan niet vóór het begin liggen."))
            // What was typed stays in this cycle's own field, and the summary links to it.
            #expect(response.body.string.contains("id=\"f-periode-\(cycle.id!)-periodFrom\""))
            // As a month and a year: maart stays chosen, 2026 stays in the year box.
            #expect(response.body.string.contains("<option value=\"3\" selected>maart</option>"))
            #expect(response.body.string.contains("name=\"periodFrom-jaar\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" value=\"2026\""))
            #expect(try await CycleRecord.find(cycle.id, on: app.db)?.periodFrom == nil)
        }
    }

    @Test func historyShowsTheDiffAndRestoreIsANewRevision() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory()
            try await browser.get(path)
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            try await browser.saveStep(path, cycle: cycle.id!, .doelen, "Eerste versie van het doel", basedOn: 1)
            try await browser.saveStep(path, cycle: cycle.id!, .doelen, "Tweede versie van het doel", basedOn: 2)
            let history = try await browser.get("\(path)/geschiedenis").body.string
            #expect(history.contains("<del class=\"diff-del\">Eerste </del>"))
            #expect(history.contains("<ins class=\"diff-add\">Tweede </ins>"))
            let first = try #require(try await RevisionRecord.query(on: app.db).sort(\.$createdAt).first())
            #expect(try await browser.post("\(path)/geschiedenis/\(first.id!)/terugzetten", [:]).status == .seeOther)
            #expect(try await CycleRecord.find(cycle.id, on: app.db)?.doelen == "Eerste versie van het doel")
            #expect(try await RevisionRecord.query(on: app.db).count() == 3)
        }
    }

    @Test func readersReadAndOtherCoalitionsGet404() async throws {
        try await withApp { app in
            var leader = try await Fixture.firstUse(app)
            let path = try await leader.startMandatory()
            let coalition = try #require(try await CoalitionRecord.query(on: app.db).first())
            let reader = UserRecord(email: "lezer@rivierstad.example", name: "Lezer", passwordHash: try app.password.hash(Fixture.password))
            try await reader.create(on: app.db)
            try await MembershipRecord(coalitionID: coalition.id!, userID: reader.id!, role: .lezer).create(on: app.db)
            var lezer = try await Fixture.login(app, email: "lezer@rivierstad.example")
            let page = try await lezer.get(path)
            #expect(page.status == .ok)
            #expect(!page.body.string.contains("opslaan"), "no edit forms for a lezer")
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            #expect(try await lezer.saveStep(path, cycle: cycle.id!, .doelen, "x", basedOn: 1).status == .forbidden)
            // Someone of another coalition does not even see it exists.
            try await Fixture.coalition(app, name: "Coalitie Zuidstad", memberEmail: "pl@zuidstad.example", role: .projectleider)
            var outsider = try await Fixture.login(app, email: "pl@zuidstad.example")
            let foreign = path.replacingOccurrences(of: "coalitie-rivierstad", with: "coalitie-zuidstad")
            #expect(try await outsider.get(foreign).status == .notFound)
            #expect(try await outsider.get(path).status == .notFound)
            try await outsider.get("/c/coalitie-zuidstad/")
            #expect(try await outsider.saveStep(foreign, cycle: cycle.id!, .doelen, "x", basedOn: 1).status == .notFound)
            #expect(try await CycleRecord.find(cycle.id, on: app.db)?.doelen == "")
        }
    }
}
