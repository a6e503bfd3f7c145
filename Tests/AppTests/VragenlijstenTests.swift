import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
import ZIPFoundation

@testable import App
@testable import Fixtures

/// Questionnaires through HTTP: making one, answering it without an account, what is stored
/// of a respondent, the threshold of five, roles and tenant isolation.
@Suite struct VragenlijstenAppTests {
    static let base = "/c/coalitie-rivierstad/vragenlijsten"

    /// A browser without an account: keeps only the respondent cookie.
    struct Respondent {
        let app: Application
        var cookie: String?
        var csrf: String?

        mutating func get(_ path: String) async throws -> TestingHTTPResponse {
            let response = try await app.testing().sendRequest(.GET, path, headers: cookie.map { ["Cookie": "\(RespondentDevice.cookieName)=\($0)"] } ?? [:])
            remember(response)
            return response
        }

        mutating func post(_ path: String, _ body: String) async throws -> TestingHTTPResponse {
            var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
            if let cookie { headers.add(name: "Cookie", value: "\(RespondentDevice.cookieName)=\(cookie)") }
            let response = try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: "csrf=\(csrf ?? "")&" + body))
            remember(response)
            return response
        }

        private mutating func remember(_ response: TestingHTTPResponse) {
            for header in response.headers[.setCookie] where header.hasPrefix(RespondentDevice.cookieName + "=") {
                cookie = String(header.dropFirst(RespondentDevice.cookieName.count + 1).prefix { $0 != ";" })
            }
            if let token = Browser.csrfToken(in: response.body.string) { csrf = token }
        }
    }

    /// Makes a questionnaire from a template and opens it; its id and public code.
    static func openQuestionnaire(_ app: Application, _ browser: inout Browser, template: String = "ouders", scope: String? = nil) async throws -> (UUID, String) {
        try await browser.get("\(base)/nieuw")
        #expect(try await browser.post("\(base)/nieuw", ["template": template]).status == .seeOther)
        let q = try #require(try await QuestionnaireRecord.query(on: app.db).sort(\.$createdAt, .descending).first())
        let id = try q.requireID()
        if let scope {
            try await browser.get("\(base)/\(id)/instellingen")
            #expect(try await browser.post("\(base)/\(id)/instellingen", ["title": q.title, "intro": q.intro, "audience": q.audience, "scope": scope,
                                                                          "opensOn": "", "closesOn": "", "version": "1"]).status == .seeOther)
        }
        let version = try #require(try await QuestionnaireRecord.find(id, on: app.db)).version
        try await browser.get("\(base)/\(id)")
        #expect(try await browser.post("\(base)/\(id)/status", ["status": "open", "version": "\(version)"]).status == .seeOther)
        let link = try #require(try await QuestionnaireLinkRecord.query(on: app.db).filter(\.$questionnaireID == id).first())
        return (id, link.code)
    }

    /// One respondent answers the parents' questionnaire: the first question with `point`.
    static func answer(_ app: Application, _ code: String, point: Int, text: String = "") async throws {
        var respondent = Respondent(app: app)
        try await respondent.get("/v/\(code)")
        let response = try await respondent.post("/v/\(code)", "q-v1=o\(point)&q-v5=\(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&actie=versturen")
        #expect(response.status == .seeOther)
    }

    @Test func aRespondentAnswersOnceKeepsWhatWasTypedAndLeavesNothingPersonal() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let (id, code) = try await Self.openQuestionnaire(app, &browser)
            var pupil = Respondent(app: app)
            var response = try await pupil.get("/v/\(AnswerCode.display(code).lowercased()))")
            #expect(response.status == .notFound) // a stray character: not a code
            response = try await pupil.get("/v/\(code.lowercased())")
            #expect(response.status == .seeOther) // typed in small letters: to the code itself
            response = try await pupil.get("/v/\(code)")
            #expect(response.status == .ok)
            #expect(response.body.string.contains("Wat vindt u van de activiteiten?"))
            let token = try #require(pupil.cookie)
            // The required first question is missing: 422, and the long answer stays typed.
            response = try await pupil.post("/v/\(code)", "q-v5=Meer+sport+graag&actie=versturen")
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Meer sport graag"))
            #expect(response.body.string.contains("Kies een antwoord bij deze vraag."))
            #expect(try await QuestionnaireResponseRecord.query(on: app.db).count() == 0)
            // An option that does not exist is refused.
            response = try await pupil.post("/v/\(code)", "q-v1=o9&actie=versturen")
            #expect(response.status == .unprocessableEntity)
            // Saved for later: kept, not sent, and shown again on the next visit.
            response = try await pupil.post("/v/\(code)", "q-v5=Meer+sport+graag&actie=later")
            #expect(response.status == .ok)
            var rows = try await QuestionnaireResponseRecord.query(on: app.db).all()
            #expect(rows.count == 1 && rows[0].submittedOn == nil)
            response = try await pupil.get("/v/\(code)")
            #expect(response.body.string.contains("Meer sport graag"))
            // Sent; a second send from the same browser adds nothing.
            response = try await pupil.post("/v/\(code)", "q-v1=o4&q-v5=Meer+sport+graag&actie=versturen")
            #expect(response.status == .seeOther)
            response = try await pupil.get("/v/\(code)")
            #expect(response.body.string.contains("Bedankt"))
            response = try await pupil.post("/v/\(code)", "q-v1=o1&actie=versturen")
            rows = try await QuestionnaireResponseRecord.query(on: app.db).all()
            #expect(rows.count == 1)
            #expect(rows[0].answerValues["v1"] == ["o4"])
            #expect(rows[0].submittedOn?.count == 10)
            // The device is a hash of the cookie with the questionnaire, never the cookie itself.
            #expect(rows[0].device == RespondentDevice.hash(token, questionnaire: id))
            #expect(rows[0].device != token)
            // What a response row can hold at all: nothing that names or traces a person.
            let columns = try await Self.columns(app, "questionnaire_responses")
            #expect(columns == ["activity_id", "answers", "coalition_id", "device", "id", "location_id", "questionnaire_id", "source", "submitted_on", "year_group"])
            // No session was made for the respondent.
            #expect(try await WebSessionRecord.query(on: app.db).count() == 1)
        }
    }

    static func columns(_ app: Application, _ table: String) async throws -> [String] {
        let sql = app.db as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            return try await sql.raw("SELECT column_name AS name FROM information_schema.columns WHERE table_name = \(bind: table) AND table_schema = current_schema()")
                .all().map { try $0.decode(column: "name", as: String.self) }.sorted()
        }
        return try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all().map { try $0.decode(column: "name", as: String.self) }.sorted()
    }

    @Test func closedUnknownAndOversizedAnswersAreRefusedKindly() async throws {
        try await withApp(config: { $0.answersPerClient = 2 }) { app in
            var browser = try await Fixture.firstUse(app)
            let (id, code) = try await Self.openQuestionnaire(app, &browser)
            var respondent = Respondent(app: app)
            #expect(try await respondent.get("/v/ZZZZZZ").status == .notFound)
            #expect(try await respondent.get("/v?code=zzz-zzz").status == .notFound)
            #expect(try await respondent.get("/v?code=\(AnswerCode.display(code).lowercased())").headers.first(name: .location) == "/v/\(code)")
            try await respondent.get("/v/\(code)")
            // Without the cookie's secret the form is refused (CSRF), and nothing is kept.
            var stranger = Respondent(app: app)
            #expect(try await stranger.post("/v/\(code)", "q-v1=o4&actie=versturen").status == .forbidden)
            // A body over the limit.
            let big = "q-v5=" + String(repeating: "a", count: AnswerController.maxBody)
            #expect(try await respondent.post("/v/\(code)", big).status == .payloadTooLarge)
            // The limit per client: two posts, then "wait".
            for _ in 0..<2 { #expect(try await respondent.post("/v/\(code)", "q-v1=o9").status == .unprocessableEntity) }
            #expect(try await respondent.post("/v/\(code)", "q-v1=o4&actie=versturen").status == .tooManyRequests)
            #expect(try await QuestionnaireResponseRecord.query(on: app.db).count() == 0)
            // Closed: a friendly page, for reading and for sending.
            let version = try #require(try await QuestionnaireRecord.find(id, on: app.db)).version
            try await browser.get("\(Self.base)/\(id)")
            #expect(try await browser.post("\(Self.base)/\(id)/status", ["status": "gesloten", "version": "\(version)"]).status == .seeOther)
            let closed = try await respondent.get("/v/\(code)")
            #expect(closed.status == .gone)
            #expect(closed.body.string.contains("Deze vragenlijst is gesloten"))
        }
    }

    @Test func resultsStayHiddenBelowFiveAndOpenAnswersCanBeHidden() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let (id, code) = try await Self.openQuestionnaire(app, &browser)
            for point in [5, 4, 4, 2] { try await Self.answer(app, code, point: point, text: "Juf Anna was fijn") }
            var html = try await browser.get("\(Self.base)/\(id)/resultaten").body.string
            #expect(html.contains("Te weinig antwoorden om te tonen"))
            #expect(!html.contains("Juf Anna"))
            try await Self.answer(app, code, point: 1)
            html = try await browser.get("\(Self.base)/\(id)/resultaten").body.string
            #expect(!html.contains("Te weinig antwoorden om te tonen"))
            // Top two of 5: three of the five chose 4 or 5; the mean is 16/5.
            #expect(html.contains("<strong>60 %</strong> antwoordde mee eens of helemaal mee eens; gemiddeld 3,2."))
            #expect(html.contains("<svg"))
            #expect(html.contains("Juf Anna was fijn"))
            // The projectleider hides an open answer that names someone; a lezer no longer sees it.
            let response = try #require(try await QuestionnaireResponseRecord.query(on: app.db).filter(\.$submittedOn != nil).first())
            let version = try #require(try await QuestionnaireRecord.find(id, on: app.db)).version
            #expect(try await browser.post("\(Self.base)/\(id)/resultaten/verbergen", ["answer": "v5:\(response.id!.uuidString)", "version": "\(version)"]).status == .seeOther)
            #expect(try await QuestionnaireRecord.find(id, on: app.db)?.hidden.count == 1)
            let coalition = try #require(try await CoalitionRecord.query(on: app.db).first())
            try await Self.member(app, coalition, email: "lezer@rivierstad.example", role: .lezer)
            var lezer = try await Fixture.login(app, email: "lezer@rivierstad.example")
            html = try await lezer.get("\(Self.base)/\(id)/resultaten").body.string
            #expect(html.components(separatedBy: "Juf Anna was fijn").count - 1 == 3)
            // Lezers read results, but do not change questionnaires.
            #expect(try await lezer.get("\(Self.base)/\(id)").status == .forbidden)
            #expect(try await lezer.get(Self.base).status == .ok)
        }
    }

    static func member(_ app: Application, _ coalition: CoalitionRecord, email: String, role: Role, partner: UUID? = nil) async throws {
        let user = UserRecord(email: email, name: "Lid \(email)", passwordHash: try app.password.hash(Fixture.password))
        try await user.create(on: app.db)
        try await MembershipRecord(coalitionID: coalition.id!, userID: user.id!, role: role, partnerID: partner).create(on: app.db)
    }

    @Test func questionsWithAnswersKeepTheirMeaning() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let (id, code) = try await Self.openQuestionnaire(app, &browser)
            try await Self.answer(app, code, point: 4)
            let before = try #require(try await QuestionnaireRecord.find(id, on: app.db))
            try await browser.get("\(Self.base)/\(id)/vragen/v1")
            // Fewer points on the scale would change what the answers mean.
            var response = try await browser.post("\(Self.base)/\(id)/vragen/v1", ["kind": "een-keuze", "text": "Leuk?", "options": "Ja\nNee", "version": "\(before.version)"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Maak dan een kopie"))
            // Deleting an answered question is refused too; rewording is fine.
            #expect(try await browser.post("\(Self.base)/\(id)/vragen/v1/verwijderen", ["version": "\(before.version)"]).status == .seeOther)
            #expect(try await QuestionnaireRecord.find(id, on: app.db)?.questionList.question("v1") != nil)
            response = try await browser.post("\(Self.base)/\(id)/vragen/v1", ["kind": "schaal-5", "text": "Mijn kind vindt de activiteiten echt leuk.", "required": "ja", "version": "\(before.version)"])
            #expect(response.status == .seeOther)
            let after = try #require(try await QuestionnaireRecord.find(id, on: app.db))
            #expect(after.questionList.question("v1")?.text == "Mijn kind vindt de activiteiten echt leuk.")
            // A save based on the old version would overwrite it: 409, and the typed text is shown.
            response = try await browser.post("\(Self.base)/\(id)/vragen", ["kind": "kort", "text": "Wat is uw postcode?", "version": "\(before.version)"])
            #expect(response.status == .conflict)
            #expect(response.body.string.contains("Wat is uw postcode?"))
            #expect(try await QuestionnaireRecord.find(id, on: app.db)?.questionList.questions.count == after.questionList.questions.count)
            // A copy has no answers and can change everything.
            #expect(try await browser.post("\(Self.base)/\(id)/kopie", [:]).status == .seeOther)
            #expect(try await QuestionnaireRecord.query(on: app.db).count() == 2)
        }
    }

    @Test func anotherCoalitionsQuestionnaireIsNotFoundAndPartnersSeeOnlyTheirOwn() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            let (id, _) = try await Self.openQuestionnaire(app, &browser)
            let (_, _) = try await Fixture.coalition(app, name: "Coalitie Zuidstad", memberEmail: "pl@zuidstad.example", role: .projectleider)
            var outsider = try await Fixture.login(app, email: "pl@zuidstad.example")
            #expect(try await outsider.get("/c/coalitie-zuidstad/vragenlijsten/\(id)").status == .notFound)
            #expect(try await outsider.get("/c/coalitie-zuidstad/vragenlijsten/\(id)/resultaten").status == .notFound)
            #expect(try await outsider.get("\(Self.base)/\(id)").status == .notFound)
            let store = VragenlijstenStore(coalitionID: try #require(try await CoalitionRecord.query(on: app.db).filter(\.$slug == "coalitie-zuidstad").first()).requireID(), on: app.db)
            #expect(try await store.questionnaire(id) == nil)
            #expect(try await store.links(of: id).isEmpty)
            #expect(try await !store.update(id, from: 1, status: .gesloten, now: Date()))
            // A partner sees questionnaires per activity only.
            let coalition = try #require(try await CoalitionRecord.query(on: app.db).filter(\.$slug == "coalitie-rivierstad").first())
            let partner = PartnerRecord(coalitionID: coalition.id!, name: "Sportclub", kind: "sport")
            try await partner.create(on: app.db)
            try await Self.member(app, coalition, email: "partner@rivierstad.example", role: .partner, partner: partner.id)
            var partnerBrowser = try await Fixture.login(app, email: "partner@rivierstad.example")
            #expect(try await partnerBrowser.get("\(Self.base)/\(id)/resultaten").status == .notFound)
            #expect(try await !partnerBrowser.get(Self.base).body.string.contains("Wat vindt u van de activiteiten?"))
            #expect(try await partnerBrowser.post("\(Self.base)/nieuw", ["template": "ouders"]).status == .forbidden)
        }
    }

    @Test func aCoordinatorMakesQuestionnairesForTheirOwnLocationsOnly() async throws {
        try await withApp { app in
            var leader = try await Fixture.firstUse(app)
            let (wide, _) = try await Self.openQuestionnaire(app, &leader)
            let coalition = try #require(try await CoalitionRecord.query(on: app.db).filter(\.$slug == "coalitie-rivierstad").first())
            let noord = LocationRecord(coalitionID: coalition.id!, name: "Noord", school: "OBS Noord"), zuid = LocationRecord(coalitionID: coalition.id!, name: "Zuid", school: "OBS Zuid")
            try await noord.create(on: app.db)
            try await zuid.create(on: app.db)
            try await Self.member(app, coalition, email: "coordinator@rivierstad.example", role: .coordinator)
            let membership = try #require(try await MembershipRecord.query(on: app.db).filter(\.$role == .coordinator).first())
            try await MembershipLocationRecord(coalitionID: coalition.id!, membershipID: membership.id!, locationID: noord.id!).create(on: app.db)
            var coordinator = try await Fixture.login(app, email: "coordinator@rivierstad.example")
            // The projectleider's questionnaire for everyone: the coordinator reads its results, changes nothing.
            #expect(try await coordinator.get("\(Self.base)/\(wide)/resultaten").status == .ok)
            #expect(try await coordinator.get("\(Self.base)/\(wide)").status == .forbidden)
            #expect(try await coordinator.get("\(Self.base)/\(wide)/instellingen").status == .forbidden)
            #expect(try await coordinator.post("\(Self.base)/\(wide)/status", ["status": "gesloten", "version": "2"]).status == .forbidden)
            // Their own is for Noord, with a link for Noord only, and one link for everyone is refused.
            let (own, _) = try await Self.openQuestionnaire(app, &coordinator, template: "interesses")
            let record = try #require(try await QuestionnaireRecord.find(own, on: app.db))
            #expect(record.locations == [noord.id!] && record.scopeValue == .locatie)
            #expect(try await QuestionnaireLinkRecord.query(on: app.db).filter(\.$questionnaireID == own).all().map(\.locationID) == [noord.id!])
            let settings = try await coordinator.get("\(Self.base)/\(own)/instellingen").body.string
            #expect(settings.contains("Deze vragenlijst is voor Noord.") && !settings.contains("value=\"geen\""))
            let refused = try await coordinator.post("\(Self.base)/\(own)/instellingen", ["title": "Mijn lijst", "intro": "", "audience": "leerlingen", "scope": "geen",
                                                                                       "opensOn": "", "closesOn": "", "version": "\(record.version)"])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Mijn lijst"))
            #expect(try await QuestionnaireRecord.find(own, on: app.db)?.scope == "locatie")
            // The projectleider changes it too; a copy by the coordinator of the wide one is theirs.
            #expect(try await leader.get("\(Self.base)/\(own)/instellingen").status == .ok)
            try await coordinator.get("\(Self.base)/\(wide)/resultaten")
            #expect(try await coordinator.post("\(Self.base)/\(wide)/kopie", [:]).status == .seeOther)
            let copy = try #require(try await QuestionnaireRecord.query(on: app.db).filter(\.$title == "Kopie van Wat vindt u van de activiteiten?").first())
            #expect(copy.locations == [noord.id!] && copy.scopeValue == .locatie)
            // The list filters by audience.
            let pupils = try await leader.get("\(Self.base)?voor=leerlingen").body.string
            #expect(pupils.contains("Wat wil jij graag doen?") && !pupils.contains("Wat vindt u van de activiteiten?"))
            #expect(try await leader.get("\(Self.base)?voor=medewerkers").body.string.contains("Er zijn geen vragenlijsten voor deze groep."))
            // A coordinator without a location makes nothing.
            try await MembershipLocationRecord.query(on: app.db).delete()
            var bare = try await Fixture.login(app, email: "coordinator@rivierstad.example")
            #expect(try await bare.get("\(Self.base)/nieuw").status == .forbidden)
        }
    }
}

/// The results' anonymity over the real dimensions, without app or database.
@Suite struct ResultsModelTests {
    @Test func aSmallMonthGivesUpItsMonthBeforeALocationGivesUpItsPlace() {
        let x = UUID(), y = UUID()
        func response(_ location: UUID, _ month: String) -> Results.Response {
            Results.Response(id: UUID(), location: location, activity: nil, yearGroup: nil, month: month, answers: Answers())
        }
        let responses = ["2026-01", "2026-02", "2026-03"].flatMap { m in (0..<4).map { _ in response(x, m) } } + (0..<6).map { _ in response(y, "2026-03") }
        let results = Results(responses)
        #expect(results.shown(.init(location: x)).count == 12)
        #expect(results.shown(.init(location: y)).count == 6)
        // Per month X has four: its months are not shown; Y's six in March are.
        #expect(results.shown(.init(location: x, from: "2026-03", to: "2026-03")).count == 0)
        #expect(results.shown(.init(from: "2026-03", to: "2026-03")).count == 6)
        #expect(results.hasMerged(.init(from: "2026-03", to: "2026-03"), activities: nil, shown: 6))
    }
}

/// Forms exports through HTTP: the demo files (`demo/vragenlijsten/`, written by its script
/// the way Microsoft Forms and Google Forms export), read, previewed, mapped and confirmed.
@Suite struct FormsImportAppTests {
    static let demoFiles = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../demo/vragenlijsten").standardized

    static func upload(_ app: Application, _ browser: Browser, to path: String, name: String, data: Data) async throws -> TestingHTTPResponse {
        let boundary = "----bouwstenen-import"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(browser.csrf!)\r\n".utf8)
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += data + Data("\r\n--\(boundary)--\r\n".utf8)
        var headers: HTTPHeaders = ["Content-Type": "multipart/form-data; boundary=\(boundary)"]
        headers.add(name: "Cookie", value: "bouwstenen=\(browser.cookie!)")
        return try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(data: body))
    }

    @Test(arguments: ["ms-forms-ouders.xlsx", "ms-forms-parents-en.xlsx", "google-formulieren-ouders.csv", "google-forms-parents-en.csv"])
    func aFormsExportIsImportedWithoutNamesOrAddresses(file: String) async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            try await browser.get("\(VragenlijstenAppTests.base)/nieuw")
            #expect(try await browser.post("\(VragenlijstenAppTests.base)/nieuw", ["template": "ouders"]).status == .seeOther)
            let q = try #require(try await QuestionnaireRecord.query(on: app.db).first())
            let path = "\(VragenlijstenAppTests.base)/\(try q.requireID())/importeren"
            try await browser.get(path)
            let data = try Data(contentsOf: Self.demoFiles.appendingPathComponent(file))
            let uploaded = try await Self.upload(app, browser, to: path, name: file, data: data)
            #expect(uploaded.status == .seeOther)
            let preview = try #require(uploaded.headers.first(name: .location))
            var html = try await browser.get(preview).body.string
            #expect(html.contains("40 antwoorden"))
            let dropped = ["ms-forms-ouders.xlsx": "E-mail, Naam", "ms-forms-parents-en.xlsx": "Email, Name",
                           "google-formulieren-ouders.csv": "E-mailadres", "google-forms-parents-en.csv": "Email Address"][file]!
            #expect(html.contains("Deze kolommen zijn weggelaten en worden niet bewaard: \(dropped)."))
            #expect(!html.contains("voorbeeld.example"))
            // The stored preview holds no names or addresses either.
            let pending = try #require(try await QuestionnaireImportRecord.query(on: app.db).first())
            #expect(!pending.columns.contains("voorbeeld.example") && !pending.columns.contains("Iris Jansen"))
            // Matched by text: the three statements, the information (the grid's row in Google) and the open question.
            for id in ["v1", "v2", "v3", "v4", "v5"] { #expect(html.contains("value=\"\(id)\" selected"), "\(id) in \(file)") }
            // "Telling bijwerken" keeps the chosen mapping; nothing is stored.
            html = try await browser.post(preview, ["kolom-0": "v1", "kolom-1": "", "actie": "bijwerken"]).body.string
            #expect(html.contains("value=\"\" selected>Niet inlezen"))
            #expect(try await QuestionnaireResponseRecord.query(on: app.db).count() == 0)
            var mapping = ["actie": "inlezen"]
            for (index, id) in ["v1", "v2", "v3", "v4", "", "v5"].enumerated() { mapping["kolom-\(index)"] = id }
            if !file.hasPrefix("ms") { mapping["kolom-5"] = "v5" }
            #expect(try await browser.post(preview, mapping).status == .seeOther)
            let rows = try await QuestionnaireResponseRecord.query(on: app.db).all()
            #expect(rows.count == 40)
            #expect(rows.allSatisfy { $0.source == "import" && $0.device == nil && $0.submittedOn?.hasPrefix("2026-1") == true })
            #expect(rows.allSatisfy { !$0.answers.contains("voorbeeld.example") })
            #expect(rows.filter { $0.answerValues["v1"].count == 1 }.count == 40)
            #expect(try await QuestionnaireImportRecord.query(on: app.db).count() == 0)
            // The pending import is gone: confirming again finds nothing.
            #expect(try await browser.post(preview, mapping).status == .notFound)
        }
    }

    @Test func aBrokenFileGetsADutchMessage() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            try await browser.get("\(VragenlijstenAppTests.base)/nieuw")
            #expect(try await browser.post("\(VragenlijstenAppTests.base)/nieuw", ["template": "ouders"]).status == .seeOther)
            let q = try #require(try await QuestionnaireRecord.query(on: app.db).first())
            let path = "\(VragenlijstenAppTests.base)/\(try q.requireID())/importeren"
            try await browser.get(path)
            let broken = try await Self.upload(app, browser, to: path, name: "kapot.xlsx", data: Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]))
            #expect(broken.status == .unprocessableEntity)
            #expect(broken.body.string.contains("Dit Excel-bestand kunnen we niet lezen"))
            let empty = try await Self.upload(app, browser, to: path, name: "leeg.csv", data: Data("Vraag\n".utf8))
            #expect(empty.status == .unprocessableEntity)
            #expect(try await QuestionnaireImportRecord.query(on: app.db).count() == 0)
        }
    }
}

/// "Overzicht invoegen" and the CSV, on the demo's questionnaires.
@Suite struct QuestionnaireEvidenceTests {
    @Test func theSummaryGoesIntoStep3AndTheCSVKeepsTheThreshold() async throws {
        // The demo's answers are dated back from today, and which cells give up their month
        // depends on those dates: a fixed day keeps the counts below the same.
        try await withApp(config: { $0.clock = .fixed(PageSnapshotTests.moment) }) { app in
            _ = try await DemoCommand.load(on: app.db, clock: app.clock, hash: { _ in try app.password.hash(Fixture.password) })
            var pl = try await Fixture.login(app, email: "projectleider@rivierstad.example")
            let base = "/c/coalitie-rivierstad/vragenlijsten"
            let parents = try #require(try await QuestionnaireRecord.query(on: app.db).filter(\.$title == "Wat vindt u van de activiteiten?").first())
            let id = try parents.requireID()
            let vlinder = try #require(try await LocationRecord.query(on: app.db).filter(\.$name == "De Vlinder").first())
            // De Vlinder has three parents' answers: no results for it, not even in the CSV.
            var html = try await pl.get("\(base)/\(id)/resultaten?locatie=\(try vlinder.requireID())").body.string
            #expect(html.contains("Te weinig antwoorden om te tonen"))
            let csv = try await pl.get("\(base)/\(id)/antwoorden.csv")
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            let lines = csv.body.string.split(separator: "\r\n")
            #expect(lines.count == 23) // the header and all 22 answers …
            #expect(!lines.contains { $0.contains("De Vlinder") }) // … but De Vlinder's three are not named
            #expect(lines.filter { $0.contains("De Regenboog") }.count == 12)
            // Into step 3 of a bouwblad with an open cycle.
            html = try await pl.get("\(base)/\(id)/resultaten").body.string
            let bouwblad = try #require(html.firstMatch(of: /name="bouwblad"><option value="([0-9A-F-]{36})"/)?.1)
            let inserted = try await pl.post("\(base)/\(id)/resultaten/invoegen", ["bouwblad": String(bouwblad), "locatie": "", "activiteit": "", "groep": "", "van": "", "tot": ""])
            #expect(inserted.status == .seeOther)
            let cycle = try #require(try await CycleRecord.query(on: app.db).filter(\.$bouwbladID == UUID(uuidString: String(bouwblad))!).filter(\.$closedAt == nil).first())
            #expect(cycle.bereikt.contains("Vragenlijst ‘Wat vindt u van de activiteiten?’ (ouders), hele periode: 22 antwoorden"))
            #expect(cycle.bereikt.contains("- Mijn kind vindt de activiteiten leuk.:"))
            // Not for a group under five.
            let refused = try await pl.post("\(base)/\(id)/resultaten/invoegen", ["bouwblad": String(bouwblad), "locatie": try vlinder.requireID().uuidString])
            #expect(refused.status == .unprocessableEntity)
            // Chosen for the report: a summary table in its appendix, in print and in Word.
            #expect(try await !pl.get("/c/coalitie-rivierstad/rapport/afdrukken").body.string.contains("Bijlage: vragenlijsten"))
            try await pl.get("\(base)/\(id)/instellingen")
            let saved = try await pl.post("\(base)/\(id)/instellingen", ["title": parents.title, "intro": parents.intro, "audience": "ouders", "scope": "locatie",
                                                                        "inReport[]": "ja", "version": "\(parents.version)"])
            #expect(saved.status == .seeOther)
            let print = try await pl.get("/c/coalitie-rivierstad/rapport/afdrukken").body.string
            #expect(print.contains("Bijlage: vragenlijsten"))
            #expect(print.contains("Ouders, 22 antwoorden, stand van"))
            #expect(print.contains("Mijn kind vindt de activiteiten leuk."))
            let docx = try await pl.get("/c/coalitie-rivierstad/rapport/rapport.docx")
            #expect(docx.status == .ok)
            let archive = try Archive(data: Data(docx.body.readableBytesView), accessMode: .read)
            var document = Data()
            _ = try archive.extract(try #require(archive["word/document.xml"])) { document.append($0) }
            #expect(String(decoding: document, as: UTF8.self).contains("Bijlage: vragenlijsten"))
        }
    }
}
