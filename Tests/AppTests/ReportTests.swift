@testable import App
import Domain
import Fluent
import Foundation
import Reports
import Testing
import VaporTesting

@Suite(.serialized) struct ReportTests {
    static let base = "/c/coalitie-rivierstad/rapport"

    /// Adds a member with this role to the first coalition, directly in the database.
    func addMember(_ app: Application, email: String, role: Role) async throws {
        let coalition = try #require(try await CoalitionRecord.query(on: app.db).filter(\.$slug == "coalitie-rivierstad").first())
        let user = UserRecord(email: email, name: "Lid \(role.rawValue)", passwordHash: try app.password.hash(Fixture.password))
        try await user.create(on: app.db)
        try await MembershipRecord(coalitionID: coalition.id!, userID: user.id!, role: role).create(on: app.db)
    }

    @Test func completenessListsWhatIsMissingWithLinks() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            // A new coalition: nine mandatory bouwbladen missing, and the introduction's placeholders.
            var html = try await browser.get(Self.base).body.string
            #expect(html.contains("Er moeten nog 10 dingen gebeuren"))
            #expect(html.contains("In de inleiding staat nog ‘(schrijf hier…’"))
            let path = try await browser.startMandatory("micro-uitvoering")
            html = try await browser.get(Self.base).body.string
            // A running first cycle is a hint, not a blocker; the task links to the bouwblad.
            #expect(html.contains("Er moeten nog 9 dingen gebeuren"))
            #expect(html.contains("<a href=\"\(path)\">Micro – Uitvoering:"))
            #expect(html.contains(">2 tips</span>"))
            // The details are on the bouwblad, each linking to where it is done.
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            let page = try await browser.get(path).body.string
            #expect(page.contains("href=\"\(path)/cycli/\(cycle.id!)/stappen/doelen\">Cyclus 1 loopt nog: stap 2, 3 en 4 zijn nog leeg."))
            #expect(page.contains("href=\"\(path)#verbindingen\">Er is nog geen verbinding"))
        }
    }

    @Test func exportsCarryTheWorkAndTheConceptMark() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory("micro-uitvoering")
            try await browser.get(path)
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            try await browser.saveStep(path, cycle: cycle.id!, .bereikt, "Sport & spel <samen>", basedOn: 1)
            // act
            let printView = try await browser.get("\(Self.base)/afdrukken")
            let docx = try await browser.get("\(Self.base)/rapport.docx")
            // check
            #expect(printView.status == .ok)
            #expect(printView.body.string.contains("Sport &amp; spel &lt;samen&gt;"))
            #expect(printView.body.string.contains("class=\"concept-mark\""))
            #expect(printView.body.string.contains("<link rel=\"stylesheet\" href=\"/css/rapport.css\">"))
            #expect(docx.status == .ok)
            #expect(docx.headers.contentType?.subType == "vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect(docx.headers.first(name: .contentDisposition)?.contains("kwaliteitsrapport-coalitie-rivierstad-2025-2028.docx") == true)
            #expect(Data(buffer: docx.body).starts(with: [0x50, 0x4B, 0x03, 0x04]), "a ZIP file")
            let css = try await browser.get("/css/rapport.css")
            #expect(css.status == .ok && css.body.string.contains("@page"))
        }
    }

    @Test func settingsValidateAndChooseWhatGoesIn() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let mandatory = try await browser.startMandatory("micro-uitvoering")
            try await browser.get("/c/coalitie-rivierstad/bouwstenen/micro-uitvoering")
            let extra = try await browser.post("/c/coalitie-rivierstad/bouwstenen/micro-uitvoering/bouwbladen", ["ownQuestion": "Hoe doen ouders mee?", "title": "Ouders erbij"])
            #expect(extra.status == .seeOther)
            try await browser.get(mandatory)
            let cycle = try #require(try await CycleRecord.query(on: app.db).filter(\.$number == 1).first())
            try await browser.post("\(mandatory)/cycli/\(cycle.id!)/periode", ["periodFrom": "2023-09", "periodTo": "2024-01", "version": "1"])
            try await browser.get(Self.base)
            // act: a wrong period is refused and what was typed stays
            let refused = try await browser.post(Self.base, ["title": "Ons rapport", "periodFrom": "2026-08", "periodTo": "2025-08", "introduction": "Wij.", "version": "0"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Het einde kan niet vóór het begin liggen."))
            #expect(refused.body.string.contains("value=\"Ons rapport\""))
            #expect(try await ReportSettingsRecord.query(on: app.db).count() == 0)
            // act: save without the extra bouwblad; the 2023 cycle is outside the period by default
            let saved = try await browser.post(Self.base, ["title": "Ons rapport", "periodFrom": "2025-08", "periodTo": "2026-07", "introduction": "Wij zijn de coalitie.", "version": "0"])
            #expect(saved.status == .seeOther)
            let html = try await browser.get("\(Self.base)/afdrukken").body.string
            #expect(html.contains("<h1>Ons rapport</h1>"))
            #expect(html.contains("Wij zijn de coalitie."))
            #expect(!html.contains("Ouders erbij"), "extra bouwblad left out")
            #expect(!html.contains("Cyclus 1"), "cycle outside the period left out by default")
            // a second save based on the old version is a conflict, not a silent overwrite
            let stale = try await browser.post(Self.base, ["title": "Ander", "periodFrom": "2025-08", "periodTo": "2026-07", "introduction": "", "version": "0"])
            #expect(stale.status == .conflict)
            #expect(try await ReportSettingsRecord.query(on: app.db).first()?.title == "Ons rapport")
        }
    }

    @Test func aFrozenVersionNeverChanges() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let path = try await browser.startMandatory("micro-uitvoering")
            try await browser.get(Self.base)
            // act
            #expect(try await browser.post("\(Self.base)/vastzetten", [:]).status == .seeOther)
            let version = try #require(try await ReportVersionRecord.query(on: app.db).first())
            let first = try await browser.get("\(Self.base)/versies/\(version.id!)/rapport.docx")
            // later edits
            try await browser.get(path)
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            try await browser.saveStep(path, cycle: cycle.id!, .bereikt, "Later geschreven", basedOn: 1)
            let again = try await browser.get("\(Self.base)/versies/\(version.id!)/rapport.docx")
            let current = try await browser.get("\(Self.base)/rapport.docx")
            // check
            #expect(Data(buffer: first.body) == Data(buffer: again.body))
            #expect(Tokens.sha256(Data(buffer: again.body)) == version.docxSHA256)
            #expect(Data(buffer: current.body) != Data(buffer: again.body))
            #expect(version.isConcept)
            #expect(version.number == 1)
            if app.appConfig.weasyprint != nil {
                let pdf = try await browser.get("\(Self.base)/versies/\(version.id!)/rapport.pdf")
                #expect(pdf.status == .ok && Tokens.sha256(Data(buffer: pdf.body)) == version.pdfSHA256)
            }
            let page = try await browser.get(Self.base).body.string
            #expect(page.contains(version.docxSHA256))
        }
    }

    @Test func onlyTheProjectleiderChangesSettingsAndFreezes() async throws {
        try await withApp { app in
            _ = try await Fixture.firstUse(app)
            try await addMember(app, email: "lezer@rivierstad.example", role: .lezer)
            try await addMember(app, email: "coordinator@rivierstad.example", role: .coordinator)
            var reader = try await Fixture.login(app, email: "lezer@rivierstad.example")
            let page = try await reader.get(Self.base)
            #expect(page.status == .ok)
            #expect(!page.body.string.contains("Rapport vastzetten"))
            #expect(try await reader.get("\(Self.base)/rapport.docx").status == .ok)
            var coordinator = try await Fixture.login(app, email: "coordinator@rivierstad.example")
            try await coordinator.get(Self.base)
            #expect(try await coordinator.post("\(Self.base)/vastzetten", [:]).status == .forbidden)
            #expect(try await coordinator.post(Self.base, ["title": "X", "periodFrom": "2025-08", "periodTo": "2026-07", "version": "0"]).status == .forbidden)
            #expect(try await ReportVersionRecord.query(on: app.db).count() == 0)
            #expect(try await ReportSettingsRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func anotherCoalitionsVersionIsNotFound() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            try await browser.get(Self.base)
            try await browser.post("\(Self.base)/vastzetten", [:])
            let version = try #require(try await ReportVersionRecord.query(on: app.db).first())
            let (other, _) = try await Fixture.coalition(app, name: "Coalitie Heuvelland", memberEmail: "pl@rivierstad.example", role: .projectleider)
            let response = try await browser.get("/c/\(other.slug)/rapport/versies/\(version.id!)/rapport.docx")
            #expect(response.status == .notFound)
        }
    }
}
