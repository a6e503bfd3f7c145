import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
import ZIPFoundation

@testable import App

/// Indicators through HTTP: defining one, its status following the activity book, values
/// typed by hand with their history and edit conflicts, roles and tenant isolation.
@Suite struct IndicatorenAppTests {
    static let base = "/c/coalitie-rivierstad"

    /// A running activity of the current school year at `location`.
    static func activity(_ app: Application, _ coalition: UUID, _ location: UUID, domain: String, partner: UUID? = nil, today: IsoDate) async throws -> ActivityRecord {
        let a = ActivityRecord()
        (a.coalitionID, a.name, a.domain, a.locationID, a.partnerID, a.weekdays) = (coalition, "Activiteit \(domain)", domain, location, partner, "1")
        (a.startsOn, a.endsOn, a.yearGroups, a.goals, a.inSchool, a.vierOgen) = (today.adding(days: -20).iso, today.adding(days: 20).iso, "", "", true, true)
        (a.contactBeforeAfter, a.schoolPresent, a.status, a.version) = (true, "", .loopt, 1)
        try await a.create(on: app.db)
        return a
    }

    static func indicatorForm(_ source: String, name: String = "Locaties met elk domein", norm: String = "100", extra: [String: String] = [:]) -> [String: String] {
        ["name": name, "area": "Aanbod", "source": source, "question": "", "measure": "hoogste-twee", "unit": "percentage", "direction": "hoger",
         "norm": norm, "signal": "", "rhythm": "schooljaar", "perLocation": "nee"].merging(extra) { $1 }
    }

    @Test func theStatusFollowsTheActivityBookAndASessionChangesTheValue() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            let coalition = try #require(try await CoalitionRecord.query(on: app.db).first()).id!
            let location = LocationRecord(coalitionID: coalition, name: "De Regenboog", school: "OBS De Regenboog")
            try await location.create(on: app.db)
            let today = app.clock.today
            for domain in ["cultuur", "sport", "cognitief"] { _ = try await Self.activity(app, coalition, location.id!, domain: domain, today: today) }
            try await pl.get("\(Self.base)/indicatoren/nieuw")
            #expect(try await pl.post("\(Self.base)/indicatoren/nieuw", Self.indicatorForm("dekking")).status == .seeOther)
            let indicator = try #require(try await IndicatorRecord.query(on: app.db).first())
            let page = "\(Self.base)/indicatoren/\(indicator.id!)"
            var html = try await pl.get(page).body.string
            #expect(html.contains("Onder de norm") && html.contains("0 van de 1 locaties hebben in elk domein minstens 1 activiteit."))
            #expect(html.contains("/activiteiten/dekking?van="))
            // The missing domain gets an activity: on track, on the indicator and on the dashboard.
            _ = try await Self.activity(app, coalition, location.id!, domain: "ontdekken", today: today)
            html = try await pl.get(page).body.string
            #expect(html.contains("Op koers") && html.contains("1 van de 1 locaties"))
            #expect(try await pl.get("\(Self.base)/dashboard").body.string.contains("Op koers"))
            // Pupils reached follows a session's count.
            try await pl.get("\(Self.base)/indicatoren/nieuw")
            #expect(try await pl.post("\(Self.base)/indicatoren/nieuw", Self.indicatorForm("bereik", name: "Bereik", norm: "20")).status == .seeOther)
            let reach = try #require(try await IndicatorRecord.query(on: app.db).filter(\.$name == "Bereik").first())
            #expect(try await pl.get("\(Self.base)/indicatoren/\(reach.id!)").body.string.contains("Nog geen sessies met een aantal leerlingen."))
            let activity = try #require(try await ActivityRecord.query(on: app.db).first())
            let session = ActivitySessionRecord(coalitionID: coalition, activityID: activity.id!, date: today.adding(days: -1))
            session.pupils = 24
            try await session.create(on: app.db)
            html = try await pl.get("\(Self.base)/indicatoren/\(reach.id!)").body.string
            #expect(html.contains("24 bij 1 activiteit") && html.contains("Op koers"))
        }
    }

    @Test func aWrongFormKeepsWhatWasTypedWithDutchMessages() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            try await pl.get("\(Self.base)/indicatoren/nieuw")
            var response = try await pl.post("\(Self.base)/indicatoren/nieuw", Self.indicatorForm("dekking", name: "Mijn indicator", norm: "150"))
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Mijn indicator") && response.body.string.contains("een percentage in van 0 tot en met 100"))
            response = try await pl.post("\(Self.base)/indicatoren/nieuw", Self.indicatorForm("hand", norm: "80", extra: ["signal": "70"]))
            #expect(response.status == .unprocessableEntity && response.body.string.contains("De signaalwaarde moet hoger zijn dan de norm"))
            response = try await pl.post("\(Self.base)/indicatoren/nieuw", Self.indicatorForm("vragenlijst", extra: ["question": "\(UUID())/v1"]))
            #expect(response.status == .unprocessableEntity && response.body.string.contains("Kies een vraag."))
            response = try await pl.post("\(Self.base)/indicatoren/nieuw", Self.indicatorForm("weet-ik-veel", norm: "zeven"))
            #expect(response.status == .unprocessableEntity && response.body.string.contains("zeven"))
            #expect(try await IndicatorRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func handValuesPerLocationWithTheirHistoryAndConflicts() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            let coalition = try #require(try await CoalitionRecord.query(on: app.db).first())
            let noord = LocationRecord(coalitionID: coalition.id!, name: "Noord", school: "OBS Noord"), zuid = LocationRecord(coalitionID: coalition.id!, name: "Zuid", school: "OBS Zuid")
            try await noord.create(on: app.db)
            try await zuid.create(on: app.db)
            try await pl.get("\(Self.base)/indicatoren/nieuw")
            #expect(try await pl.post("\(Self.base)/indicatoren/nieuw", Self.indicatorForm("hand", name: "Uitstroom", norm: "90", extra: ["perLocation": "ja"])).status == .seeOther)
            let indicator = try #require(try await IndicatorRecord.query(on: app.db).first())
            let values = "\(Self.base)/indicatoren/\(indicator.id!)/waarden"
            let period = IndicatorPeriod(.schooljaar, containing: app.clock.today).key
            // A coordinator of Noord types Noord only; a field for Zuid is not read.
            try await VragenlijstenAppTests.member(app, coalition, email: "coordinator@rivierstad.example", role: .coordinator)
            let membership = try #require(try await MembershipRecord.query(on: app.db).filter(\.$role == .coordinator).first())
            try await MembershipLocationRecord(coalitionID: coalition.id!, membershipID: membership.id!, locationID: noord.id!).create(on: app.db)
            var coordinator = try await Fixture.login(app, email: "coordinator@rivierstad.example")
            let form = try await coordinator.get(values).body.string
            #expect(form.contains("Noord") && !form.contains("waarde-\(zuid.id!.uuidString)"))
            #expect(try await coordinator.post(values, ["periode": period, "waarde-\(noord.id!.uuidString)": "86,5", "versie-\(noord.id!.uuidString)": "0",
                                                         "waarde-\(zuid.id!.uuidString)": "10", "versie-\(zuid.id!.uuidString)": "0"]).status == .seeOther)
            let stored = try await IndicatorValueRecord.query(on: app.db).all()
            #expect(stored.count == 1 && stored.first?.value == 86.5 && stored.first?.place == noord.id!.uuidString && stored.first?.enteredByName == "Lid coordinator@rivierstad.example")
            var page = try await pl.get("\(Self.base)/indicatoren/\(indicator.id!)").body.string
            #expect(page.contains("Lid coordinator@rivierstad.example: schooljaar") && page.contains("Noord: 87 %") && page.contains("Onder de norm"))
            // The projectleider types both, starting from what the coordinator saved.
            try await pl.get(values)
            #expect(try await pl.post(values, ["periode": period, "waarde-\(noord.id!.uuidString)": "92", "versie-\(noord.id!.uuidString)": "1",
                                                "waarde-\(zuid.id!.uuidString)": "94", "versie-\(zuid.id!.uuidString)": "0"]).status == .seeOther)
            page = try await pl.get("\(Self.base)/indicatoren/\(indicator.id!)").body.string
            #expect(page.contains("Op koers") && page.contains("Ingevuld voor 2 van de 2 locaties, het gemiddelde."))
            // The coordinator's page was opened before that save: a conflict, nothing changes, what was typed stays.
            let conflict = try await coordinator.post(values, ["periode": period, "waarde-\(noord.id!.uuidString)": "70", "versie-\(noord.id!.uuidString)": "1"])
            #expect(conflict.status == .conflict && conflict.body.string.contains("value=\"70\"") && conflict.body.string.contains("Opgeslagen: 92 %"))
            #expect(try await IndicatorValueRecord.query(on: app.db).filter(\.$place == noord.id!.uuidString).first()?.value == 92)
            #expect(try await IndicatorValueLogRecord.query(on: app.db).count() == 3)
            // Removing a value is a change in the history too; bad numbers get a message.
            let bad = try await pl.post(values, ["periode": period, "waarde-\(noord.id!.uuidString)": "veel", "versie-\(noord.id!.uuidString)": "2",
                                                  "waarde-\(zuid.id!.uuidString)": "", "versie-\(zuid.id!.uuidString)": "1"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("veel"))
            #expect(try await IndicatorValueRecord.query(on: app.db).count() == 2)
            #expect(try await pl.post(values, ["periode": period, "waarde-\(noord.id!.uuidString)": "92", "versie-\(noord.id!.uuidString)": "2",
                                                "waarde-\(zuid.id!.uuidString)": "", "versie-\(zuid.id!.uuidString)": "1"]).status == .seeOther)
            #expect(try await IndicatorValueRecord.query(on: app.db).count() == 1)
            #expect(try await IndicatorValueLogRecord.query(on: app.db).filter(\.$value == nil).count() == 1)
        }
    }

    @Test func rolesAndAnotherCoalition() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            try await pl.get("\(Self.base)/indicatoren/nieuw")
            #expect(try await pl.post("\(Self.base)/indicatoren/nieuw", Self.indicatorForm("hand", name: "Uitstroom", norm: "90")).status == .seeOther)
            #expect(try await pl.post("\(Self.base)/indicatoren/nieuw", Self.indicatorForm("sessies", name: "Sessies", norm: "90")).status == .seeOther)
            let hand = try #require(try await IndicatorRecord.query(on: app.db).filter(\.$name == "Uitstroom").first())
            let sessions = try #require(try await IndicatorRecord.query(on: app.db).filter(\.$name == "Sessies").first())
            let coalition = try #require(try await CoalitionRecord.query(on: app.db).first())
            try await VragenlijstenAppTests.member(app, coalition, email: "lezer@rivierstad.example", role: .lezer)
            var lezer = try await Fixture.login(app, email: "lezer@rivierstad.example")
            #expect(try await lezer.get("\(Self.base)/indicatoren/\(hand.id!)").status == .ok)
            #expect(try await lezer.get("\(Self.base)/indicatoren/\(hand.id!)/waarden").status == .forbidden)
            #expect(try await lezer.get("\(Self.base)/indicatoren/nieuw").status == .forbidden)
            #expect(try await lezer.get("\(Self.base)/dashboard").status == .ok)
            // A partner sees the indicators about activities only.
            let partner = PartnerRecord(coalitionID: coalition.id!, name: "Sportclub", kind: "sport")
            try await partner.create(on: app.db)
            try await VragenlijstenAppTests.member(app, coalition, email: "partner@rivierstad.example", role: .partner, partner: partner.id)
            var partnerBrowser = try await Fixture.login(app, email: "partner@rivierstad.example")
            #expect(try await partnerBrowser.get("\(Self.base)/indicatoren/\(hand.id!)").status == .notFound)
            #expect(try await partnerBrowser.get("\(Self.base)/indicatoren/\(sessions.id!)").status == .ok)
            #expect(try await !partnerBrowser.get("\(Self.base)/indicatoren").body.string.contains("Uitstroom"))
            // Another coalition's projectleider finds nothing, and its store changes nothing.
            let (other, _) = try await Fixture.coalition(app, name: "Coalitie Zuidstad", memberEmail: "pl@zuidstad.example", role: .projectleider)
            var outsider = try await Fixture.login(app, email: "pl@zuidstad.example")
            #expect(try await outsider.get("/c/coalitie-zuidstad/indicatoren/\(hand.id!)").status == .notFound)
            #expect(try await outsider.get("/c/coalitie-zuidstad/indicatoren/\(hand.id!)/waarden").status == .notFound)
            #expect(try await !outsider.get("/c/coalitie-zuidstad/dashboard").body.string.contains("Uitstroom"))
            let store = IndicatorenStore(coalitionID: other.id!, on: app.db)
            #expect(try await store.indicator(hand.id!) == nil)
            #expect(try await !store.update(hand.id!, from: 1, IndicatorInput(name: "X", area: "X", source: .hand, unit: .aantal, direction: .hoger, norm: 1, rhythm: .maand), now: Date()))
            try await store.delete(hand.id!)
            #expect(try await IndicatorRecord.find(hand.id!, on: app.db) != nil)
            #expect(try await store.handValues().isEmpty)
        }
    }

    @Test func aGoalMeasuredByAnIndicatorFollowsTheDataUntilItsCycleCloses() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            let coalition = try #require(try await CoalitionRecord.query(on: app.db).first()).id!
            let location = LocationRecord(coalitionID: coalition, name: "De Regenboog", school: "OBS De Regenboog")
            try await location.create(on: app.db)
            let today = app.clock.today
            for domain in ["cultuur", "sport", "cognitief"] { _ = try await Self.activity(app, coalition, location.id!, domain: domain, today: today) }
            try await pl.get("\(Self.base)/indicatoren/nieuw")
            #expect(try await pl.post("\(Self.base)/indicatoren/nieuw", Self.indicatorForm("dekking")).status == .seeOther)
            let indicator = try #require(try await IndicatorRecord.query(on: app.db).first()).id!
            let path = try await pl.startMandatory()
            try await pl.get(path)
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            // An indicator of another kind of id is refused with a message; the real one is kept.
            let refused = try await pl.post("\(path)/cycli/\(cycle.id!)/doelen", ["text": "Elk domein op elke locatie", "target": "", "unit": "", "indicator": UUID().uuidString])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Kies een indicator"))
            #expect(try await pl.post("\(path)/cycli/\(cycle.id!)/doelen", ["text": "Elk domein op elke locatie", "target": "", "unit": "",
                                                                              "indicator": indicator.uuidString]).status == .seeOther)
            var html = try await pl.get(path).body.string
            #expect(html.contains("Uit de indicator ‘Locaties met elk domein’") && html.contains("Niet behaald"))
            // The missing domain: the goal is reached, without anyone typing a value.
            _ = try await Self.activity(app, coalition, location.id!, domain: "ontdekken", today: today)
            html = try await pl.get(path).body.string
            #expect(html.contains(">100%</dd>") && html.contains(">Behaald</dd>"))
            #expect(try await DoelRecord.query(on: app.db).first()?.achieved == "", "a shown value is not stored while the cycle runs")
            // Closing keeps the value with the day; later changes to the data leave it.
            try await pl.saveStep(path, cycle: cycle.id!, .bereikt, "Elk domein is er.", basedOn: 1)
            try await pl.saveStep(path, cycle: cycle.id!, .bijgesteld, "Hoe houden we het zo?", basedOn: 1)
            #expect(try await pl.post("\(path)/cycli/\(cycle.id!)/afronden", [:]).status == .seeOther)
            let frozen = try #require(try await DoelRecord.query(on: app.db).first())
            #expect(frozen.achieved == "100" && frozen.frozenOn == today.iso)
            try await ActivityRecord.query(on: app.db).filter(\.$domain == "ontdekken").delete()
            html = try await pl.get(path).body.string
            #expect(html.contains(">100%</dd>") && html.contains("vastgelegd op \(today.label)"))
            #expect(try await pl.get("\(Self.base)/indicatoren/\(indicator)").body.string.contains("Onder de norm"))
        }
    }
}


/// The jaarplan through HTTP: its own actions with the indicators they serve, the acties of
/// the bouwbladen, the CSV, roles and another coalition.
@Suite struct JaarplanAppTests {
    static let base = "/c/coalitie-rivierstad/jaarplan"

    @Test func ownActionsAndBouwbladActiesInOnePlanAndItsCSV() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            try await pl.get("/c/coalitie-rivierstad/indicatoren/nieuw")
            #expect(try await pl.post("/c/coalitie-rivierstad/indicatoren/nieuw", IndicatorenAppTests.indicatorForm("hand", name: "Uitstroom", norm: "90")).status == .seeOther)
            let indicator = try #require(try await IndicatorRecord.query(on: app.db).first()).id!
            let year = SchoolYear(containing: app.clock.today)
            // A bouwblad actie due this school year.
            let path = try await pl.startMandatory()
            try await pl.get(path)
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            #expect(try await pl.post("\(path)/cycli/\(cycle.id!)/acties", ["text": "Rooster maken", "ownerName": "Sanne", "deadline": "\(year.start)-12-01",
                                                                             "status": "gepland"]).status == .seeOther)
            try await pl.get("\(Self.base)/nieuw?jaar=\(year.key)")
            // Without the action's text: a Dutch message, what was typed stays.
            let refused = try await pl.post("\(Self.base)/nieuw?jaar=\(year.key)", ["area": "Vervolgsucces", "text": "", "activity": "Monitor", "owner": "", "deadline": "", "status": "gepland"])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Vul de actie in.") && refused.body.string.contains("Monitor"))
            let body = Browser.encode(["csrf": pl.csrf ?? "", "area": "Vervolgsucces", "text": "Uitstroomcijfers opvragen", "activity": "Monitor", "owner": "Mohamed",
                                       "deadline": "voor de zomer", "status": "bezig"]) + "&indicators%5B%5D=\(indicator.uuidString)"
            #expect(try await pl.post("\(Self.base)/nieuw?jaar=\(year.key)", [:], rawBody: body).status == .seeOther)
            let action = try #require(try await PlanActionRecord.query(on: app.db).first())
            #expect(action.schoolYear == year.key && action.indicators == [indicator] && action.deadline == "voor de zomer")
            let page = try await pl.get("\(Self.base)?jaar=\(year.key)").body.string
            #expect(page.contains("Uitstroomcijfers opvragen") && page.contains("Uitstroom (nog geen meting)") && page.contains("Rooster maken"))
            #expect(try await !pl.get("\(Self.base)?jaar=\(year.next.key)").body.string.contains("Uitstroomcijfers opvragen"))
            let csv = try await pl.get("\(Self.base)/jaarplan.csv?jaar=\(year.key)")
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(csv.body.string.contains("Vervolgsucces;Uitstroomcijfers opvragen;Monitor;Mohamed;voor de zomer;Bezig;Uitstroom (nog geen meting)"))
            #expect(csv.body.string.contains("Rooster maken"))
            let docx = try await pl.get("\(Self.base)/jaarplan.docx?jaar=\(year.key)")
            #expect(docx.status == .ok && docx.headers.contentType?.subType == "vnd.openxmlformats-officedocument.wordprocessingml.document")
            let archive = try Archive(data: Data(docx.body.readableBytesView), accessMode: .read)
            var document = Data()
            _ = try archive.extract(try #require(archive["word/document.xml"])) { document.append($0) }
            let text = String(decoding: document, as: UTF8.self)
            #expect(text.contains("Uitstroomcijfers opvragen") && text.contains("Rooster maken") && text.contains("Jaarplan \(year.key)"))
            // An old version is a conflict that keeps what was typed.
            try await pl.get("\(Self.base)/acties/\(action.id!)")
            #expect(try await pl.post("\(Self.base)/acties/\(action.id!)", ["area": "Vervolgsucces", "text": "Eerst", "status": "bezig", "version": "1"]).status == .seeOther)
            let conflict = try await pl.post("\(Self.base)/acties/\(action.id!)", ["area": "Vervolgsucces", "text": "Later getypt", "status": "bezig", "version": "1"])
            #expect(conflict.status == .conflict && conflict.body.string.contains("Later getypt"))
            #expect(try await PlanActionRecord.find(action.id, on: app.db)?.text == "Eerst")
            // A lezer reads and changes nothing; another coalition finds nothing.
            let coalition = try #require(try await CoalitionRecord.query(on: app.db).first())
            try await VragenlijstenAppTests.member(app, coalition, email: "lezer@rivierstad.example", role: .lezer)
            var lezer = try await Fixture.login(app, email: "lezer@rivierstad.example")
            #expect(try await lezer.get("\(Self.base)?jaar=\(year.key)").body.string.contains("Eerst"))
            #expect(try await lezer.get("\(Self.base)/acties/\(action.id!)").status == .forbidden)
            _ = try await Fixture.coalition(app, name: "Coalitie Zuidstad", memberEmail: "pl@zuidstad.example", role: .projectleider)
            var outsider = try await Fixture.login(app, email: "pl@zuidstad.example")
            #expect(try await outsider.get("/c/coalitie-zuidstad/jaarplan/acties/\(action.id!)").status == .notFound)
            #expect(try await !outsider.get("/c/coalitie-zuidstad/jaarplan?jaar=\(year.key)").body.string.contains("Eerst"))
            try await outsider.get("/c/coalitie-zuidstad/jaarplan")
            #expect(try await outsider.post("/c/coalitie-zuidstad/jaarplan/acties/\(action.id!)/verwijderen", [:]).status == .notFound)
            #expect(try await PlanActionRecord.find(action.id, on: app.db) != nil)
        }
    }

    @Test func anEvaluationMomentPerAreaGoesIntoStep3() async throws {
        try await withApp { app in
            var pl = try await Fixture.firstUse(app)
            let year = SchoolYear(containing: app.clock.today)
            try await pl.get("\(Self.base)/nieuw?jaar=\(year.key)")
            #expect(try await pl.post("\(Self.base)/nieuw?jaar=\(year.key)", ["area": "Samenwerking", "text": "Overleg met partners", "status": "bezig"]).status == .seeOther)
            let page = "\(Self.base)/evaluatie/1?jaar=\(year.key)"
            let form = try await pl.get(page).body.string
            #expect(form.contains("Evaluatie 1e helft \(year.key)") && form.contains("Overleg met partners") && form.contains("name=\"gebied-0\" value=\"Samenwerking\""))
            // A wrong day keeps what was typed.
            let bad = try await pl.post(page, ["version": "0", "datum": "2027-02-30", "gebied-0": "Samenwerking", "evaluatie-0": "Het overleg loopt goed."])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Het overleg loopt goed."))
            #expect(try await pl.post(page, ["version": "0", "datum": "\(year.start + 1)-02-03", "gebied-0": "Samenwerking", "evaluatie-0": "Het overleg loopt goed."]).status == .seeOther)
            let saved = try #require(try await PlanEvaluationRecord.query(on: app.db).first())
            #expect(saved.textsByArea == ["Samenwerking": "Het overleg loopt goed."] && saved.heldOn == "\(year.start + 1)-02-03")
            // A second save from the same old page is a conflict.
            let conflict = try await pl.post(page, ["version": "0", "datum": "\(year.start + 1)-02-03", "gebied-0": "Samenwerking", "evaluatie-0": "Anders"])
            #expect(conflict.status == .conflict && conflict.body.string.contains("Anders"))
            #expect(try await pl.get("\(Self.base)?jaar=\(year.key)").body.string.contains("3 februari \(year.start + 1), geschreven"))
            let docx = try await pl.get("\(Self.base)/jaarplan.docx?jaar=\(year.key)")
            let archive = try Archive(data: Data(docx.body.readableBytesView), accessMode: .read)
            var document = Data()
            _ = try archive.extract(try #require(archive["word/document.xml"])) { document.append($0) }
            #expect(String(decoding: document, as: UTF8.self).contains("Het overleg loopt goed."))
            // Into step 3 of a bouwblad, dated.
            let path = try await pl.startMandatory()
            let bouwblad = try #require(try await BouwbladRecord.query(on: app.db).first()).id!
            try await pl.get(page)
            #expect(try await pl.post("\(Self.base)/evaluatie/1/invoegen?jaar=\(year.key)", ["area": "Samenwerking", "bouwblad": bouwblad.uuidString]).status == .seeOther)
            let cycle = try #require(try await CycleRecord.query(on: app.db).first())
            #expect(cycle.bereikt.hasPrefix("Evaluatie samenwerking, 1e helft \(year.key) (3 februari \(year.start + 1)):") && cycle.bereikt.hasSuffix("Het overleg loopt goed."))
            _ = path
            // An area without a saved evaluation: a Dutch message, nothing changes.
            let none = try await pl.post("\(Self.base)/evaluatie/2/invoegen?jaar=\(year.key)", ["area": "Samenwerking", "bouwblad": bouwblad.uuidString])
            #expect(none.status == .unprocessableEntity && none.body.string.contains("Nog geen evaluatie"))
            #expect(try await pl.get("\(Self.base)/evaluatie/3").status == .notFound)
        }
    }
}

