import Domain
import Fluent
import Foundation
import SnapshotTesting
import Testing
import Vapor
import VaporTesting

@testable import App
@testable import Fixtures

/// Every page template, rendered from the demo coalition with a fixed clock and compared
/// with its snapshot in `__Snapshots__/PageSnapshotTests/`: a change to a template, a page
/// builder or a label shows up as a readable line diff. Ids, tokens and the CSRF value are
/// replaced by stable placeholders. After an intended change, delete the snapshot file (or
/// run with `SNAPSHOT_TESTING_RECORD=all`) and look at the new one before committing it.
@Suite("Page snapshots")
struct PageSnapshotTests {
    static let moment = Date(timeIntervalSince1970: 1_772_445_600)  // 2026-03-02 10:00 UTC

    /// The pages, each named after the template it shows.
    struct Shot { let template: String; let html: String }

    @Test("every page template has a snapshot")
    func everyTemplate() async throws {
        let shots = try await Self.takeShots()
        for shot in shots {
            assertSnapshot(of: Self.masked(shot.html), as: .lines, named: shot.template.replacingOccurrences(of: "/", with: "-"))
        }
        let covered = Set(shots.map(\.template))
        #expect(covered == Self.pageTemplates(), "templates without a snapshot, or snapshots of no template")
    }

    /// The templates that a page renders: all but the layout, the shell and the partials that
    /// other templates include.
    static func pageTemplates() -> Set<String> {
        let directory = URL(fileURLWithPath: AppResources.path("Templates"), isDirectory: true)
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        var names: Set<String> = [], included: Set<String> = []
        for file in files where file.pathExtension == "mustache" {
            names.insert(String(file.standardizedFileURL.path.dropFirst(directory.standardizedFileURL.path.count + 1).dropLast(".mustache".count)))
            let source = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            for match in source.matches(of: /\{\{[>]\s*([A-Za-z\/]+)\s*\}\}/) { included.insert(String(match.1)) }
        }
        // The layout and the shell are the frames of other pages.
        return names.subtracting(included).subtracting(["layout", "shell"])
    }

    /// Ids and tokens are new on every run: each distinct one becomes a numbered placeholder
    /// in order of appearance, so the snapshot is stable and still shows which are the same.
    static func masked(_ html: String) -> String {
        var text = html.replacing(/name="csrf" value="[^"]+"/, with: "name=\"csrf\" value=\"…\"")
        text = text.replacing(/Foutcode: [A-Za-z0-9-]+/, with: "Foutcode: …")
        var seen: [String: Int] = [:]
        text = text.replacing(/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/) { match in
            let key = String(match.output).lowercased()
            if seen[key] == nil { seen[key] = seen.count + 1 }
            return "<id-\(seen[key]!)>"
        }
        // A questionnaire's public code is random too.
        text = text.replacing(/\/v\/[2-9A-Z]{6}/, with: "/v/<code>").replacing(/code-card__code">[2-9A-Z]{3}-[2-9A-Z]{3}/, with: "code-card__code\">…")
        return text.replacing(/uitnodiging\/[A-Za-z0-9_-]{20,}/, with: "uitnodiging/<token>")
            .replacing(/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}/, with: "wachtwoord-herstellen/<token>")
            .replacing(/emailadres-bevestigen\/[A-Za-z0-9_-]{43}/, with: "emailadres-bevestigen/<token>")
            .replacing(/afmelden\/[A-Za-z0-9_-]{43}/, with: "afmelden/<token>")
    }

    static func takeShots() async throws -> [Shot] {
        var shots: [Shot] = []
        // With a mail server configured (nothing is sent in tests): the pages as most hosts show them.
        try await withApp(config: { $0.clock = .fixed(moment); AccountTests.withMail(&$0) }) { app in
            var anyone = Browser(app)
            shots.append(Shot(template: "firstuse/form", html: try await anyone.get("/eerste-gebruik").body.string))
            let loading = Date()
            _ = try await DemoCommand.load(on: app.db, clock: app.clock, hash: { try app.password.hash($0) })
            try await pinTimestamps(app.db, since: loading, to: moment)
            let admin = UserRecord(email: "beheer@rivierstad.example", name: "Beheerder", passwordHash: try app.password.hash(DemoCommand.password), isAdmin: true)
            try await admin.create(on: app.db)
            shots += try await publicPages(app)
            shots += try await coalitionPages(app)
            var beheer = try await login(app, "beheer@rivierstad.example")
            shots.append(Shot(template: "admin/coalitions", html: try await beheer.get("/beheer/coalities").body.string))
            shots.append(Shot(template: "admin/outbox", html: try await beheer.get("/beheer/mail").body.string))
        }
        return shots
    }

    static func login(_ app: Application, _ email: String) async throws -> Browser {
        var browser = Browser(app)
        try await browser.get("/inloggen")
        let response = try await browser.post("/inloggen", ["email": email, "password": DemoCommand.password])
        #expect(response.status == .seeOther, "\(email) logs in")
        return browser
    }

    static func publicPages(_ app: Application) async throws -> [Shot] {
        var anyone = Browser(app)
        return [
            Shot(template: "auth/login", html: try await anyone.get("/inloggen").body.string),
            Shot(template: "privacy/statement", html: try await anyone.get("/privacy").body.string),
            Shot(template: "begrippen/page", html: try await anyone.get("/begrippen").body.string),
            Shot(template: "invitation/invalid", html: try await anyone.get("/uitnodiging/" + String(repeating: "x", count: 43)).body.string),
            Shot(template: "auth/forgot", html: try await anyone.get("/wachtwoord-vergeten").body.string),
            Shot(template: "auth/reset-invalid", html: try await anyone.get("/wachtwoord-herstellen/" + String(repeating: "x", count: 43)).body.string),
            Shot(template: "auth/reset", html: try await anyone.get("/wachtwoord-herstellen/" + (try await resetToken(app))).body.string),
            Shot(template: "account/unsubscribe-invalid", html: try await anyone.get("/afmelden/" + String(repeating: "x", count: 43)).body.string),
            Shot(template: "account/unsubscribe", html: try await anyone.get("/afmelden/" + (try await unsubscribeToken(app)) + "?soort=acties,vogs").body.string),
            Shot(template: "account/confirm-invalid", html: try await anyone.get("/emailadres-bevestigen/" + String(repeating: "x", count: 43)).body.string),
            Shot(template: "account/confirm-email", html: try await anyone.get("/emailadres-bevestigen/" + (try await emailToken(app))).body.string),
        ]
    }

    /// The secret of the demo lezer's unsubscribe links.
    static func unsubscribeToken(_ app: Application) async throws -> String {
        let user = try #require(try await UserRecord.query(on: app.db).filter(\.$email == "lezer@rivierstad.example").first())
        return try await RemindersController.preferences(of: try user.requireID(), on: app.db).unsubscribeToken
    }

    /// A link to confirm a new address for the demo's lezer.
    static func emailToken(_ app: Application) async throws -> String {
        let token = Tokens.random()
        let user = try #require(try await UserRecord.query(on: app.db).filter(\.$email == "lezer@rivierstad.example").first())
        try await EmailChangeRecord(userID: try user.requireID(), newEmail: "lezer@nieuw.example", tokenHash: Tokens.sha256(token), now: moment,
                                    expiresAt: moment.addingTimeInterval(24 * 3600)).create(on: app.db)
        return token
    }

    /// A valid "wachtwoord vergeten" link of the demo's lezer.
    static func resetToken(_ app: Application) async throws -> String {
        let token = Tokens.random()
        let user = try #require(try await UserRecord.query(on: app.db).filter(\.$email == "lezer@rivierstad.example").first())
        try await PasswordResetRecord(userID: user.id, tokenHash: Tokens.sha256(token), now: moment, expiresAt: moment.addingTimeInterval(3600)).create(on: app.db)
        return token
    }

    static func coalitionPages(_ app: Application) async throws -> [Shot] {
        let slug = DemoCommand.slug("Rivierstad")
        let base = "/c/\(slug)"
        let ids = try await Ids(app.db, slug: slug)
        var pl = try await login(app, "projectleider@rivierstad.example")
        var shots: [Shot] = []
        func shot(_ template: String, _ path: String, as browser: inout Browser) async throws {
            let response = try await browser.get(path)
            #expect(response.status == .ok || template == "error", "\(path) answers \(response.status)")
            shots.append(Shot(template: template, html: response.body.string))
        }
        try await shot("home/coalitions", "/?kies=1", as: &pl)
        try await shot("account/edit", "/account", as: &pl)
        try await shot("account/reminders", "/account/herinneringen", as: &pl)
        try await shot("raster/show", base, as: &pl)
        try await shot("bouwstenen/show", "\(base)/bouwstenen/\(ids.bouwsteenCode)", as: &pl)
        try await shot("bouwbladen/show", "\(base)/bouwbladen/\(ids.bouwblad)", as: &pl)
        try await shot("bouwbladen/step", "\(base)/bouwbladen/\(ids.bouwblad)/cycli/\(ids.openCycle)/stappen/startvraag", as: &pl)
        try await shot("bouwbladen/cycle", "\(base)/bouwbladen/\(ids.bouwblad)/cycli/\(ids.openCycle)", as: &pl)
        try await shot("bouwbladen/history", "\(base)/bouwbladen/\(ids.bouwblad)/geschiedenis", as: &pl)
        try await shot("trash/confirm", "\(base)/bouwbladen/\(ids.bouwblad)/verwijderen", as: &pl)
        try await shot("trash/list", "\(base)/prullenbak", as: &pl)
        try await shot("acties/list", "\(base)/acties", as: &pl)
        try await shot("activiteiten/list", "\(base)/activiteiten", as: &pl)
        try await shot("activiteiten/show", "\(base)/activiteiten/\(ids.activity)", as: &pl)
        try await shot("activiteiten/check", "\(base)/activiteiten/\(ids.activity)/vooraf-check", as: &pl)
        try await shot("activiteiten/session", "\(base)/activiteiten/\(ids.activity)/sessies/\(ids.session)", as: &pl)
        try await shot("activiteiten/coverage", "\(base)/activiteiten/dekking", as: &pl)
        try await shot("activiteiten/observations", "\(base)/activiteiten/observaties", as: &pl)
        try await shot("activiteiten/incidents", "\(base)/activiteiten/incidenten", as: &pl)
        try await shot("activiteiten/import", "\(base)/activiteiten/importeren", as: &pl)
        try await shot("activiteiten/places", "\(base)/locaties", as: &pl)
        try await shot("activiteiten/partner", "\(base)/partners/\(ids.partner)", as: &pl)
        try await shot("activiteiten/staff", "\(base)/partners/\(ids.partner)/medewerkers/\(ids.staff)", as: &pl)
        try await shot("forms/page", "\(base)/locaties/nieuw", as: &pl)
        try await shot("rapport/show", "\(base)/rapport", as: &pl)
        try await shot("members/list", "\(base)/leden", as: &pl)
        try await shot("members/invite", "\(base)/leden/uitnodigen", as: &pl)
        let lezer = try #require(try await MembershipRecord.query(on: app.db).filter(\.$role == .lezer).first())
        try await shot("members/remove", "\(base)/leden/\(try lezer.requireID())/verwijderen", as: &pl)
        try await shot("error", "\(base)/bouwbladen/\(UUID())", as: &pl)

        // A stale save of a step: both texts side by side.
        let cycle = ids.openCycle
        let conflict = try await pl.post("\(base)/bouwbladen/\(ids.bouwblad)/cycli/\(cycle)/stappen/doelen",
                                          ["text": "Mijn versie van de doelen.", "version": "0"])
        #expect(conflict.status == .conflict)
        shots.append(Shot(template: "bouwbladen/conflict", html: conflict.body.string))

        // An invitation made, and the page its link opens.
        try await pl.get("\(base)/leden/uitnodigen")
        let invited = try await pl.post("\(base)/leden/uitnodigen", ["name": "Nieuwe Collega", "email": "nieuw@rivierstad.example", "role": "lezer"])
        #expect(invited.status == .created)
        shots.append(Shot(template: "members/invited", html: invited.body.string))
        let link = try #require(invited.body.string.firstMatch(of: /\/uitnodiging\/[A-Za-z0-9_-]+/)).output
        var newcomer = Browser(app)
        try await shot("invitation/accept", String(link), as: &newcomer)
        shots += try await questionnairePages(app, base: base, as: &pl)
        shots += try await indicatorPages(app, base: base, as: &pl)
        return shots
    }

    /// The demo's indicators: the list, the dashboard, one computed and one typed by hand.
    static func indicatorPages(_ app: Application, base: String, as pl: inout Browser) async throws -> [Shot] {
        let outflow = try #require(try await IndicatorRecord.query(on: app.db).filter(\.$name == "Leerlingen die naar verwachting uitstromen").first())
        let path = "\(base)/indicatoren/\(try outflow.requireID())"
        var shots: [Shot] = []
        for (template, address) in [("indicatoren/list", "\(base)/indicatoren"), ("indicatoren/show", path), ("indicatoren/values", "\(path)/waarden"),
                                    ("dashboard/show", "\(base)/dashboard"), ("jaarplan/show", "\(base)/jaarplan?jaar=2025-2026"),
                                    ("jaarplan/evaluation", "\(base)/jaarplan/evaluatie/2?jaar=2024-2025"),
                                    ("overleg/list", "\(base)/overleg?jaar=2025-2026"), ("netwerk/show", "\(base)/netwerk")] {
            let response = try await pl.get(address)
            #expect(response.status == .ok, "\(address) answers \(response.status)")
            shots.append(Shot(template: template, html: response.body.string))
        }
        return shots
    }

    /// The demo's pupils' questionnaire as the projectleider sees it, and as a respondent.
    static func questionnairePages(_ app: Application, base: String, as pl: inout Browser) async throws -> [Shot] {
        let pupils = try #require(try await QuestionnaireRecord.query(on: app.db).filter(\.$title == "Wat wil jij graag doen?").first())
        let id = try pupils.requireID(), path = "\(base)/vragenlijsten/\(id)"
        let link = try #require(try await QuestionnaireLinkRecord.query(on: app.db).filter(\.$questionnaireID == id).first())
        var shots: [Shot] = []
        var respondent = Browser(app)
        for (template, address, browser) in [
            ("vragenlijsten/list", "\(base)/vragenlijsten", "pl"), ("vragenlijsten/show", path, "pl"), ("vragenlijsten/question", "\(path)/vragen/v2", "pl"),
            ("vragenlijsten/results", "\(path)/resultaten", "pl"), ("vragenlijsten/links", "\(path)/links", "pl"),
            ("vragenlijsten/answer", "/v/\(link.code)", "respondent"), ("vragenlijsten/start", "/v", "respondent"),
            ("vragenlijsten/message", "/v/ZZZZZZ", "respondent"), ("vragenlijsten/import", "\(path)/importeren", "pl"),
        ] {
            let response = browser == "pl" ? try await pl.get(address) : try await respondent.get(address)
            #expect(response.status == .ok || template == "vragenlijsten/message", "\(address) answers \(response.status)")
            shots.append(Shot(template: template, html: response.body.string))
        }
        let file = try Data(contentsOf: FormsImportAppTests.demoFiles.appendingPathComponent("ms-forms-ouders.xlsx"))
        let parents = try #require(try await QuestionnaireRecord.query(on: app.db).filter(\.$title == "Wat vindt u van de activiteiten?").first())
        let uploaded = try await FormsImportAppTests.upload(app, pl, to: "\(base)/vragenlijsten/\(try parents.requireID())/importeren", name: "ms-forms-ouders.xlsx", data: file)
        let preview = try await pl.get(try #require(uploaded.headers.first(name: .location)))
        shots.append(Shot(template: "vragenlijsten/importpreview", html: preview.body.string))
        return shots
    }

    /// The demo rows the pages are opened with.
    struct Ids {
        let bouwsteenCode: String
        let bouwblad: UUID
        let openCycle: UUID
        let activity: UUID
        let session: UUID
        let partner: UUID
        let staff: UUID

        init(_ db: any Database, slug: String) async throws {
            let coalition = try #require(try await CoalitionRecord.query(on: db).filter(\.$slug == slug).first())
            let cid = try coalition.requireID()
            let linked = try await LinkRecord.query(on: db).filter(\.$coalitionID == cid).all().map(\.bouwbladID)
            let bouwbladen = try await BouwbladRecord.query(on: db).filter(\.$coalitionID == cid).sort(\.$createdAt).all()
            var chosen: (BouwbladRecord, CycleRecord)?
            for bouwblad in bouwbladen where linked.contains(try bouwblad.requireID()) {
                let open = try await CycleRecord.query(on: db).filter(\.$bouwbladID == bouwblad.requireID()).filter(\.$closedAt == nil).first()
                let cycles = try await CycleRecord.query(on: db).filter(\.$bouwbladID == bouwblad.requireID()).count()
                if let open, cycles > 1 { chosen = (bouwblad, open); break }
            }
            let (bouwblad, cycle) = try #require(chosen, "a demo bouwblad with links, an open cycle and an older one")
            let bouwsteen = try #require(try await BouwsteenRecord.find(bouwblad.bouwsteenID, on: db))
            bouwsteenCode = bouwsteen.key.code
            self.bouwblad = try bouwblad.requireID()
            openCycle = try cycle.requireID()
            let theater = try #require(try await ActivityRecord.query(on: db).filter(\.$coalitionID == cid).filter(\.$name == "Theaterles").first())
            activity = try theater.requireID()
            let session = try #require(try await ActivitySessionRecord.query(on: db).filter(\.$activityID == activity).sort(\.$date).first())
            self.session = try session.requireID()
            let partner = try #require(try await PartnerRecord.query(on: db).filter(\.$coalitionID == cid).filter(\.$name == "Sportclub Rivierstad").first())
            self.partner = try partner.requireID()
            let staff = try #require(try await StaffRecord.query(on: db).filter(\.$partnerID == self.partner).sort(\.$name).first())
            self.staff = try staff.requireID()
        }
    }
}
