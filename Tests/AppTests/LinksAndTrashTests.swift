import Domain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import App

@Suite struct LinksAndTrashTests {
    /// Fills steps 3 and 4 so the cycle can be closed.
    static func readyToClose(_ browser: inout Browser, _ path: String, _ cycle: CycleRecord, question: String) async throws {
        try await browser.get(path)
        try await browser.saveStep(path, cycle: cycle.id!, .bereikt, "Veel geleerd.", basedOn: 1)
        try await browser.saveStep(path, cycle: cycle.id!, .bijgesteld, question, basedOn: 1)
    }

    @Test func carryingAQuestionToAnotherBouwsteenLinksBothSides() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory("micro-uitvoering")
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            try await Self.readyToClose(&browser, path, cycle, question: "Hoe borgen we de veiligheid in de hele coalitie?")
            let response = try await browser.post("\(path)/cycli/\(cycle.id!)/afronden", ["next": "bouwsteen:meso-uitvoering"])
            #expect(response.status == .seeOther)
            let target = try #require(response.headers.first(name: .location))
            let page = try await browser.get(target).body.string
            #expect(page.contains("Hoe borgen we de veiligheid in de hele coalitie?"))
            #expect(page.contains("Geraakt door"))
            #expect(page.contains("(trap op, vanuit cyclus 1)"), "the coalition's word, and the cycle it came from")
            let source = try await browser.get(path).body.string
            #expect(source.contains("Raakt"))
            #expect(source.contains("(trap op, cyclus 1)"), "micro to meso is a step up")
            #expect(source.contains("Bijgestelde startvraag van cyclus 1 meegenomen"))
            let raster = try await browser.get("/c/coalitie-rivierstad/").body.string
            #expect(raster.contains("1 verbinding"))
            // Step 2 was left empty in a closed cycle: that keeps the report a concept.
            #expect(raster.contains("Verplicht bouwblad: Niet compleet"))
            #expect(source.contains("Cyclus 1 is afgerond, maar stap 2 is leeg."))
        }
    }

    /// Links in the coalition's own words: its word is printed (never the grid's), the link
    /// may stay in its own bouwsteen or leave the target open, and both sides name the cycle.
    @Test func linksInTheCoalitionsOwnWords() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory("micro-samenwerking")
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            let form = try await browser.get("\(path)/verbindingen").body.string
            #expect(form.contains("value=\"\(cycle.id!)\" checked"), "the newest cycle by default")
            #expect(form.contains("value=\"naastgelegen\" checked"))
            #expect(form.contains("Micro – Samenwerking (deze bouwsteen)"), "its own bouwsteen may be chosen")
            let own = try await browser.post("\(path)/verbindingen", ["target": "bouwsteen:micro-samenwerking", "kind": "horizontaal",
                                                                   "cycle": cycle.id!.uuidString, "note": "De volgende vraag blijft hier"])
            #expect(own.status == .seeOther)
            // Micro – Samenwerking to Meso – Uitvoering is "schuin" in the grid; the coalition says "verticaal".
            #expect(try await browser.post("\(path)/verbindingen", ["target": "bouwsteen:meso-uitvoering", "kind": "verticaal",
                                                                  "cycle": LinkForm.wholeBouwblad, "note": "Andere taal in gesprekken"]).status == .seeOther)
            // An open target needs a note saying where the work goes; the choices stay as typed.
            let open = try await browser.post("\(path)/verbindingen", ["target": LinkForm.open, "kind": "trap-op", "cycle": cycle.id!.uuidString])
            #expect(open.status == .unprocessableEntity)
            let refused = open.body.string
            #expect(refused.contains("href=\"#f-note\""))
            #expect(refused.contains("value=\"trap-op\" checked"))
            #expect(refused.contains("value=\"open\" selected"))
            #expect(try await browser.post("\(path)/verbindingen", ["target": LinkForm.open, "kind": "trap-op", "cycle": cycle.id!.uuidString,
                                                                  "note": "Naar de gemeente, welke bouwsteen weten we nog niet"]).status == .seeOther)
            for bad in [["kind": "schuin"], ["cycle": UUID().uuidString], ["target": "bouwblad:\(UUID())"], ["kind": ""]] {
                let fields = ["target": "bouwsteen:meso-uitvoering", "kind": "verticaal", "cycle": LinkForm.wholeBouwblad].merging(bad) { $1 }
                #expect(try await browser.post("\(path)/verbindingen", fields).status == .unprocessableEntity, "\(bad)")
            }
            #expect(try await LinkRecord.query(on: app.db).count() == 3, "refused forms save nothing")

            let html = try await browser.get(path).body.string
            #expect(html.contains("Micro – Samenwerking (deze bouwsteen)</a> <span class=\"muted\">(horizontaal, cyclus 1)</span>"))
            #expect(html.contains("Meso – Uitvoering</a> <span class=\"muted\">(verticaal)</span>"))
            #expect(!html.contains("schuin"), "the grid's word never replaces the coalition's")
            #expect(html.contains("Raakt een bouwsteen die nog open is <span class=\"muted\">(trap op, cyclus 1)</span>"))
            // The other side has no bouwblad yet: its bouwsteen page shows the link.
            let other = try await browser.get("/c/coalitie-rivierstad/bouwstenen/meso-uitvoering").body.string
            #expect(other.contains("wordt geraakt door <a href=\"\(path)\">Micro – Samenwerking"))
            #expect(other.contains("(verticaal)"))
            let home = try await browser.get("/c/coalitie-rivierstad/bouwstenen/micro-samenwerking").body.string
            #expect(home.contains("raakt een bouwsteen die nog open is"))
            #expect(home.contains("(horizontaal, cyclus 1)"))
            let unrelated = try await browser.get("/c/coalitie-rivierstad/bouwstenen/macro-samenhang").body.string
            #expect(unrelated.contains("Nog geen verbindingen."))
        }
    }

    /// A link prints in full at its own bouwblad and only as a reference at the other side.
    @Test func theReportPrintsALinkOnce() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let source = try await browser.startMandatory("micro-samenwerking")
            let target = try await browser.startMandatory("micro-uitvoering")
            let cycle = try #require(try await CycleRecord.query(on: app.db).sort(\.$createdAt).first())
            try await browser.get("\(source)/verbindingen")
            let targetID = try #require(target.split(separator: "/").last)
            #expect(try await browser.post("\(source)/verbindingen", ["target": "bouwblad:\(targetID)", "kind": "naastgelegen",
                                                                    "cycle": cycle.id!.uuidString, "note": "Begeleiders praten in dezelfde taal"]).status == .seeOther)
            let print = try await browser.get("/c/coalitie-rivierstad/rapport/afdrukken").body.string
            #expect(print.components(separatedBy: "Begeleiders praten in dezelfde taal").count == 2, "the note prints once")
            #expect(print.contains("<td>naastgelegen bouwsteen</td><td>Cyclus 1</td>"))
            #expect(print.lowercased().contains("geraakt door: <a href=\"#bouwblad-\(source.split(separator: "/").last!)\">micro – samenwerking".lowercased()))
        }
    }

    @Test func actionPlanAcrossTheCoalition() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory()
            try await browser.get(path)
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            try await browser.post("\(path)/cycli/\(cycle.id!)/acties", ["text": "Te laat ding", "ownerName": "Bibliotheek", "deadline": "2020-05-01", "status": "bezig"])
            try await browser.post("\(path)/cycli/\(cycle.id!)/acties", ["text": "Afgerond ding", "ownerName": "Sportclub", "status": "klaar"])
            var html = try await browser.get("/c/coalitie-rivierstad/acties").body.string
            #expect(html.contains("Te laat ding"))
            #expect(!html.contains("Afgerond ding"), "open actions by default")
            html = try await browser.get("/c/coalitie-rivierstad/acties?status=alle&wie=Sportclub").body.string
            #expect(html.contains("Afgerond ding"))
            #expect(!html.contains("Te laat ding"))
            html = try await browser.get("/c/coalitie-rivierstad/acties?status=alle&te-laat=ja").body.string
            #expect(html.contains("Te laat ding"))
            #expect(!html.contains("Afgerond ding"))
        }
    }

    @Test func partnersWriteOnlyWhereTheyContribute() async throws {
        try await withApp { app in
            var leader = try await Fixture.firstUse(app)
            let path = try await leader.startMandatory()
            let coalition = try #require(try await CoalitionRecord.query(on: app.db).first())
            let partner = UserRecord(email: "partner@rivierstad.example", name: "Peter Bakker", passwordHash: try app.password.hash(Fixture.password))
            try await partner.create(on: app.db)
            let membership = MembershipRecord(coalitionID: coalition.id!, userID: partner.id!, role: .partner)
            try await membership.create(on: app.db)
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            var peter = try await Fixture.login(app, email: "partner@rivierstad.example")
            try await peter.get(path)
            #expect(try await peter.saveStep(path, cycle: cycle.id!, .doelen, "Van de partner", basedOn: 1).status == .forbidden)
            try await leader.get(path)
            #expect(try await leader.post("\(path)/instellingen", ["version": "1"], rawBody: Browser.encode(["version": "1", "csrf": leader.csrf!, "keeper": ""]) + "&contributors%5B%5D=\(membership.id!)").status == .seeOther)
            try await peter.get(path)
            #expect(try await peter.saveStep(path, cycle: cycle.id!, .doelen, "Van de partner", basedOn: 1).status == .seeOther)
            // A partner cannot change who contributes.
            #expect(try await peter.post("\(path)/instellingen", ["version": "2"]).status == .forbidden)
        }
    }

    /// One state, computed from the data: the raster, the bouwsteen, the bouwblad and the
    /// Rapport page say the same, and it moves as the work does.
    @Test func theStateIsTheSameOnEveryPage() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory()
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            let code = "micro-uitvoering"
            func states() async throws -> [String] {
                let raster = try await browser.get("/c/coalitie-rivierstad/").body.string
                let cell = raster.firstMatch(of: /raster__cell--(\w+)" href="[^"]*" id="bouwsteen-micro-uitvoering"/)?.output.1
                // Elsewhere: the first state tag after what names this bouwblad.
                func tag(_ page: String, after marker: String) -> String {
                    let rest = page.components(separatedBy: marker).dropFirst().joined()
                    return rest.firstMatch(of: /state--(\w+)/).map { String($0.output.1) } ?? "none"
                }
                return [cell.map(String.init) ?? "none",
                        tag(try await browser.get("/c/coalitie-rivierstad/bouwstenen/\(code)").body.string, after: "<h2>Bouwbladen</h2>"),
                        tag(try await browser.get(path).body.string, after: "<h1>"),
                        tag(try await browser.get("/c/coalitie-rivierstad/rapport").body.string, after: "\">Micro – Uitvoering:")]
            }
            #expect(try await states() == Array(repeating: "inUitvoering", count: 4), "a running first cycle: nothing blocks")
            try await browser.saveStep(path, cycle: cycle.id!, .doelen, "Elke week een nabespreking.", basedOn: 1)
            try await Self.readyToClose(&browser, path, cycle, question: "Volgende vraag?")
            try await browser.post("\(path)/cycli/\(cycle.id!)/afronden", ["next": CloseForm.notNow])
            try await browser.get("\(path)/verbindingen")
            try await browser.post("\(path)/verbindingen", ["target": "bouwsteen:meso-uitvoering", "kind": "trap-op", "cycle": LinkForm.wholeBouwblad])
            #expect(try await states() == Array(repeating: "klaarVoorRapport", count: 4))
            // Emptying a step of the closed cycle blocks the report again, on every page.
            try await browser.saveStep(path, cycle: cycle.id!, .doelen, "", basedOn: 2)
            #expect(try await states() == Array(repeating: "nietCompleet", count: 4))
        }
    }

    @Test func prullenbakKeepsAndRestores() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory()
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            try await Self.readyToClose(&browser, path, cycle, question: "Tweede vraag?")
            try await browser.post("\(path)/cycli/\(cycle.id!)/afronden", ["next": "same"])
            let second = try #require(try await CycleRecord.query(on: app.db).filter(\.$number == 2).first())
            // Remove cycle 2, then close cycle... it is gone from the page and the number stays taken.
            #expect(try await browser.get("\(path)/cycli/\(second.id!)/verwijderen").body.string.contains("Weet je het zeker?"))
            #expect(try await browser.post("\(path)/cycli/\(second.id!)/verwijderen", [:]).status == .seeOther)
            #expect(try await CycleRecord.query(on: app.db).count() == 1)
            #expect(try await BouwbladStore(coalitionID: cycle.coalitionID, on: app.db).nextCycleNumber(of: cycle.bouwbladID) == 3)
            // The raster reads cycle states with SQLKit: the removed open cycle 2 must not count.
            #expect(try await browser.get("/c/coalitie-rivierstad/").body.string.contains("Verplicht bouwblad: Niet compleet"))
            // The whole bouwblad to the prullenbak: the raster says niet gestart.
            #expect(try await browser.post("\(path)/verwijderen", [:]).status == .seeOther)
            #expect(try await browser.get(path).status == .notFound)
            #expect(try await browser.get("/c/coalitie-rivierstad/").body.string.components(separatedBy: "raster__cell--nietGestart").count - 1 == 9)
            let trash = try await browser.get("/c/coalitie-rivierstad/prullenbak").body.string
            #expect(trash.contains("Bouwblad"))
            // Starting the same question again points to the prullenbak instead of failing.
            let again = try await browser.post("/c/coalitie-rivierstad/bouwstenen/micro-uitvoering/bouwbladen", ["questionID": try #require(try await BouwbladRecord.query(on: app.db).withDeleted().first()?.questionID).uuidString])
            #expect(again.headers.first(name: .location) == "/c/coalitie-rivierstad/prullenbak")
            let bouwblad = try #require(try await BouwbladRecord.query(on: app.db).withDeleted().first())
            try await browser.get("/c/coalitie-rivierstad/prullenbak")
            #expect(try await browser.post("/c/coalitie-rivierstad/prullenbak/bouwbladen/\(bouwblad.id!)/terugzetten", [:]).status == .seeOther)
            #expect(try await browser.get(path).status == .ok)
            // Emptying is for the projectleider, and final.
            try await browser.post("\(path)/verwijderen", [:])
            try await browser.get("/c/coalitie-rivierstad/prullenbak")
            #expect(try await browser.post("/c/coalitie-rivierstad/prullenbak/legen", [:]).status == .seeOther)
            #expect(try await BouwbladRecord.query(on: app.db).withDeleted().count() == 0)
        }
    }
}

@Suite struct TrashStoreTests {
    /// Handed another coalition's bouwblad in the prullenbak, a store finds, restores and removes nothing.
    @Test func aStoreCannotReachAnotherCoalitionsPrullenbak() async throws {
        try await withApp { app in
            // setup: a bouwblad of Rivierstad in its prullenbak; Zuidstad's store
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory()
            #expect(try await browser.post("\(path)/verwijderen", [:]).status == .seeOther)
            let removed = try #require(try await BouwbladRecord.query(on: app.db).withDeleted().filter(\.$deletedAt != nil).first())
            let (zuid, _) = try await Fixture.coalition(app, name: "Coalitie Zuidstad", memberEmail: "pl@zuidstad.example", role: .projectleider)
            let store = TrashStore(coalitionID: try zuid.requireID(), on: app.db)
            // act + check
            #expect(try await store.deletedBouwblad(removed.requireID()) == nil)
            #expect(try await store.deletedBouwbladen().isEmpty)
            await #expect(throws: (any Error).self) { try await store.restore(removed) }
            try await store.empty()
            try await store.purge(removedBefore: Date().addingTimeInterval(3600))
            let still = try await BouwbladRecord.query(on: app.db).withDeleted().filter(\.$id == removed.requireID()).first()
            #expect(still?.deletedAt != nil, "still in Rivierstad's prullenbak")
        }
    }
}
