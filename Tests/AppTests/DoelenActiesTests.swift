import Domain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import App

@Suite struct DoelenActiesTests {
    @Test func goalWithTargetAndResultGetsAVerdictAndSmartHints() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory()
            try await browser.get(path)
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            // A goal without number, date or owner is allowed, with hints.
            #expect(try await browser.post("\(path)/cycli/\(cycle.id!)/doelen", ["text": "Meer kinderen doen mee"]).status == .seeOther)
            var html = try await browser.get(path).body.string
            #expect(html.contains("Er staat geen getal bij."))
            #expect(html.contains("Er staat geen datum bij."))
            // A measurable one, then its result.
            #expect(try await browser.post("\(path)/cycli/\(cycle.id!)/doelen", [
                "text": "Activiteiten met nabespreking", "target": "80", "unit": "procent", "deadline": "2026-06-30", "owner": "Mohamed",
            ]).status == .seeOther)
            let doel = try #require(try await DoelRecord.query(on: app.db).filter(\.$target == "80").first())
            #expect(try await browser.post("\(path)/doelen/\(doel.id!)/resultaat", ["achieved": "65", "verdict": "", "version": "1"]).status == .seeOther)
            html = try await browser.get(path).body.string
            #expect(html.contains("<dt class=\"summary-list__key\">Oordeel</dt><dd class=\"summary-list__value\">Deels behaald</dd>"))
            // The verdict can be set by hand.
            #expect(try await browser.post("\(path)/doelen/\(doel.id!)/resultaat", ["achieved": "65", "verdict": "behaald", "version": "2"]).status == .seeOther)
            #expect(try await DoelRecord.find(doel.id, on: app.db)?.value.effectiveVerdict == .behaald)
            // An old version is a conflict.
            #expect(try await browser.post("\(path)/doelen/\(doel.id!)/resultaat", ["achieved": "1", "version": "1"]).status == .conflict)
            #expect(try await RevisionRecord.query(on: app.db).filter(\.$field == "doel").count() == 4)
        }
    }

    @Test func invalidGoalKeepsWhatWasTyped() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory()
            try await browser.get(path)
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            let response = try await browser.post("\(path)/cycli/\(cycle.id!)/doelen", ["text": "Doel met fout", "target": "veel", "unit": "aantal", "deadline": "2025-02-30"])
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("Vul bij de streefwaarde een getal in, zoals 80 of 7,5."), "the message names its field")
            #expect(html.contains("De datum moet een bestaande datum zijn"))
            #expect(html.contains(">Doel met fout</textarea>"))
            #expect(try await DoelRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func actionsWithMemberOrFreeNameAndStatus() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory()
            try await browser.get(path)
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            let member = try #require(try await MembershipRecord.query(on: app.db).first())
            #expect(try await browser.post("\(path)/cycli/\(cycle.id!)/acties", ["text": "Formulier maken", "ownerMember": member.id!.uuidString, "deadline": "2020-01-31", "status": "bezig"]).status == .seeOther)
            #expect(try await browser.post("\(path)/cycli/\(cycle.id!)/acties", ["text": "Sporthal regelen", "ownerName": "Sportclub Rivierstad", "status": "gepland"]).status == .seeOther)
            let html = try await browser.get(path).body.string
            #expect(html.contains("Sanne de Vries"))
            #expect(html.contains("Sportclub Rivierstad"))
            #expect(html.contains("Bezig (te laat)"))
            // "Wanneer" in words, as reports write it: kept as typed, and late once its last day has passed.
            #expect(try await browser.post("\(path)/cycli/\(cycle.id!)/acties", ["text": "Ouderavond", "deadline": "najaar 2025", "status": "gepland"]).status == .seeOther)
            #expect(try await ActieRecord.query(on: app.db).filter(\.$text == "Ouderavond").first()?.deadline == "najaar 2025")
            #expect(try await browser.get(path).body.string.contains("<dd class=\"summary-list__value\">najaar 2025</dd>"))
            // A member of another coalition cannot be the owner.
            let (_, stranger) = try await Fixture.coalition(app, name: "Coalitie Zuidstad", memberEmail: "x@zuidstad.example", role: .lezer)
            let foreign = try #require(try await MembershipRecord.query(on: app.db).filter(\.$user.$id == stranger.id!).first())
            let refused = try await browser.post("\(path)/cycli/\(cycle.id!)/acties", ["text": "Stiekem", "ownerMember": foreign.id!.uuidString])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await ActieRecord.query(on: app.db).count() == 3)
            // Status change, then delete (which stays visible in the history).
            let actie = try #require(try await ActieRecord.query(on: app.db).filter(\.$text == "Sporthal regelen").first())
            #expect(try await browser.post("\(path)/acties/\(actie.id!)", ["text": "Sporthal regelen", "ownerName": "Sportclub Rivierstad", "status": "klaar", "version": "1"]).status == .seeOther)
            #expect(try await ActieRecord.find(actie.id, on: app.db)?.status == .klaar)
            #expect(try await browser.post("\(path)/acties/\(actie.id!)/verwijderen", [:]).status == .seeOther)
            #expect(try await ActieRecord.find(actie.id, on: app.db) == nil)
            #expect(try await browser.get("\(path)/geschiedenis").body.string.contains("Sporthal regelen"))
        }
    }
}
