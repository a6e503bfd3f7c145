import Foundation
import Vapor

/// Every address of the app, spelled once: the routes are registered with these and every
/// link is made with them. A parameter is `.param` when a route is registered (it becomes
/// `:bouwbladID`) and a value in a link (an id, a slug, a code).
///
///     routes.get(Paths.coalition(.param).bouwblad(.param).history, use: show)
///     .seeOther(Paths.coalition(slug).bouwblad(id).history.path)
enum Paths {
    static let start = Address([])
    static let account = Address(["account"])
    static let accountName = account.adding("naam")
    static let accountPassword = account.adding("wachtwoord")
    static let accountEmail = account.adding("emailadres")
    /// Logs out everywhere but here.
    static let accountEndOtherSessions = account.adding("sessies", "andere-uitloggen")
    static func accountEndSession(_ id: some AddressPart) -> Address { account.adding("sessies", id.segment("webSessionID"), "uitloggen") }
    /// The link in the mail to a new address: "/emailadres-bevestigen/{token}".
    static func confirmEmail(_ token: some AddressPart) -> Address { Address(["emailadres-bevestigen", token.segment("token")]) }
    static let admin = Address(["beheer", "coalities"])
    static let adminMail = Address(["beheer", "mail"])
    static let login = Address(["inloggen"])
    static let logout = Address(["uitloggen"])
    static let forgotPassword = Address(["wachtwoord-vergeten"])
    static let reminders = account.adding("herinneringen")
    /// "/afmelden/{token}?soort=acties,sessies": one click stops those reminder mails.
    static func unsubscribe(_ token: some AddressPart) -> Address { Address(["afmelden", token.segment("token")]) }
    static let unsubscribePrefix = "/afmelden/"
    /// The link in a reset mail: "/wachtwoord-herstellen/{token}".
    static func resetPassword(_ token: some AddressPart) -> Address { Address(["wachtwoord-herstellen", token.segment("token")]) }
    static let firstUse = Address(["eerste-gebruik"])
    static let privacy = Address(["privacy"])
    static let begrippen = Address(["begrippen"])
    static let health = Address(["healthz"])
    static let live = Address(["livez"])
    static let metrics = Address(["metrics"])
    static let reportStyle = Address(["css", "rapport.css"])

    /// The login page that returns to `path` afterwards ("/" needs no return address).
    static func login(returningTo path: String) -> String {
        guard path != "/" else { return login.path }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return login.path + "?terug=" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }

    static func invitation(_ token: some AddressPart) -> Address { Address(["uitnodiging", token.segment("token")]) }
    /// "/v": where a respondent types a questionnaire's code; "/v/{code}": the questionnaire.
    static let answerStart = Address(["v"])
    static func answer(_ code: some AddressPart) -> Address { answerStart.adding(code.segment("code")) }
    /// "/agenda/{token}.ics": a coalition's meetings for a calendar program, at a secret address.
    static func calendar(_ file: some AddressPart) -> Address { Address(["agenda", file.segment("feedFile")]) }
    static func coalition(_ slug: some AddressPart) -> Coalition { Coalition(address: Address(["c", slug.segment("slug")])) }

    /// `/c/{slug}/…`: everything of one coalition.
    struct Coalition: PathNode {
        let address: Address

        /// "/c/{slug}", the prefix of everything below.
        var base: String { address.path }
        /// "/c/{slug}/", the raster.
        var home: String { base + "/" }
        var acties: Address { address.adding("acties") }
        var leden: Address { address.adding("leden") }
        var invite: Address { leden.adding("uitnodigen") }
        var prullenbak: Trash { Trash(address: address.adding("prullenbak")) }
        var rapport: Report { Report(address: address.adding("rapport")) }
        var locaties: Address { address.adding("locaties") }
        var newLocation: Address { locaties.adding("nieuw") }
        var newPartner: Address { address.adding("partners", "nieuw") }
        var activiteiten: Activiteiten { Activiteiten(address: address.adding("activiteiten")) }
        var vragenlijsten: Vragenlijsten { Vragenlijsten(address: address.adding("vragenlijsten")) }
        var indicatoren: Indicatoren { Indicatoren(address: address.adding("indicatoren")) }
        var dashboard: Address { address.adding("dashboard") }
        var jaarplan: Jaarplan { Jaarplan(address: address.adding("jaarplan")) }
        var overleg: Overleg { Overleg(address: address.adding("overleg")) }
        /// Who met whom: the network picture.
        var netwerk: Netwerk { Netwerk(address: address.adding("netwerk")) }

        func bouwsteen(_ code: some AddressPart) -> Address { address.adding("bouwstenen", code.segment("code")) }
        func newBouwblad(in code: some AddressPart) -> Address { bouwsteen(code).adding("bouwbladen") }
        func bouwblad(_ id: some AddressPart) -> Bouwblad { Bouwblad(address: address.adding("bouwbladen", id.segment("bouwbladID"))) }
        func member(_ id: some AddressPart) -> Item { Item(address: leden.adding(id.segment("membershipID"))) }
        func memberRole(_ id: some AddressPart) -> Address { member(id).address.adding("rol") }
        func revokeInvitation(_ id: some AddressPart) -> Address { address.adding("uitnodigingen", id.segment("invitationID"), "intrekken") }
        func location(_ id: some AddressPart) -> Address { locaties.adding(id.segment("locationID")) }
        func partner(_ id: some AddressPart) -> Partner { Partner(address: address.adding("partners", id.segment("partnerID"))) }
    }

    struct Bouwblad: PathNode {
        let address: Address
        var title: Address { address.adding("titel") }
        var settings: Address { address.adding("instellingen") }
        var delete: Address { address.adding("verwijderen") }
        var history: Address { address.adding("geschiedenis") }
        var links: Address { address.adding("verbindingen") }
        func restore(_ revision: some AddressPart) -> Address { history.adding(revision.segment("revisionID"), "terugzetten") }
        func removeLink(_ id: some AddressPart) -> Address { links.adding(id.segment("linkID"), "verwijderen") }
        func cycle(_ id: some AddressPart) -> Cycle { Cycle(address: address.adding("cycli", id.segment("cycleID"))) }
        /// Starts the next cycle after the newest one was closed without one.
        var nextCycle: Address { address.adding("cycli", "volgende") }
        func doel(_ id: some AddressPart) -> Item { Item(address: address.adding("doelen", id.segment("doelID"))) }
        func doelResult(_ id: some AddressPart) -> Address { doel(id).address.adding("resultaat") }
        func actie(_ id: some AddressPart) -> Item { Item(address: address.adding("acties", id.segment("actieID"))) }
    }

    struct Cycle: PathNode {
        let address: Address
        func step(_ step: some AddressPart) -> Address { address.adding("stappen", step.segment("step")) }
        var period: Address { address.adding("periode") }
        var close: Address { address.adding("afronden") }
        var delete: Address { address.adding("verwijderen") }
        var newDoel: Address { address.adding("doelen") }
        var newActie: Address { address.adding("acties") }
    }

    struct Trash: PathNode {
        let address: Address
        var empty: Address { address.adding("legen") }
        func restoreBouwblad(_ id: some AddressPart) -> Address { address.adding("bouwbladen", id.segment("itemID"), "terugzetten") }
        func restoreCycle(_ id: some AddressPart) -> Address { address.adding("cycli", id.segment("itemID"), "terugzetten") }
    }

    struct Report: PathNode {
        let address: Address
        var printView: Address { address.adding("afdrukken") }
        var docx: Address { address.adding("rapport.docx") }
        var pdf: Address { address.adding("rapport.pdf") }
        var freeze: Address { address.adding("vastzetten") }
        func version(_ id: some AddressPart, file: some AddressPart) -> Address { address.adding("versies", id.segment("versionID"), file.segment("file")) }
    }

    struct Activiteiten: PathNode {
        let address: Address
        var new: Address { address.adding("nieuw") }
        var coverage: Address { address.adding("dekking") }
        var observations: Address { address.adding("observaties") }
        var settings: Address { address.adding("instellingen") }
        var evidence: Address { address.adding("bewijs") }
        var importing: Address { address.adding("importeren") }
        var confirmImport: Address { importing.adding("bevestigen") }
        var exportActivities: Address { address.adding("export", "activiteiten.csv") }
        var exportSessions: Address { address.adding("export", "sessies.csv") }
        var incidents: Address { address.adding("incidenten") }
        func handled(_ session: some AddressPart) -> Address { incidents.adding(session.segment("sessionID"), "afgehandeld") }
        func activity(_ id: some AddressPart) -> Activity { Activity(address: address.adding(id.segment("activityID"))) }
    }

    struct Activity: PathNode {
        let address: Address
        var edit: Address { address.adding("bewerken") }
        var status: Address { address.adding("status") }
        var check: Address { address.adding("vooraf-check") }
        var sessions: Address { address.adding("sessies") }
        var generate: Address { sessions.adding("genereren") }
        func session(_ id: some AddressPart) -> Address { sessions.adding(id.segment("sessionID")) }
    }

    struct Vragenlijsten: PathNode {
        let address: Address
        var new: Address { address.adding("nieuw") }
        func vragenlijst(_ id: some AddressPart) -> Vragenlijst { Vragenlijst(address: address.adding(id.segment("questionnaireID"))) }
    }

    struct Vragenlijst: PathNode {
        let address: Address
        var settings: Address { address.adding("instellingen") }
        var questions: Address { address.adding("vragen") }
        func question(_ id: some AddressPart) -> Address { questions.adding(id.segment("questionID")) }
        func moveQuestion(_ id: some AddressPart) -> Address { question(id).adding("verplaatsen") }
        func deleteQuestion(_ id: some AddressPart) -> Address { question(id).adding("verwijderen") }
        var preview: Address { address.adding("voorbeeld") }
        var status: Address { address.adding("status") }
        var links: Address { address.adding("links") }
        var results: Address { address.adding("resultaten") }
        var hideAnswer: Address { results.adding("verbergen") }
        var insertSummary: Address { results.adding("invoegen") }
        var copy: Address { address.adding("kopie") }
        var delete: Address { address.adding("verwijderen") }
        var importing: Address { address.adding("importeren") }
        func pendingImport(_ id: some AddressPart) -> Address { importing.adding(id.segment("importID")) }
        var export: Address { address.adding("antwoorden.csv") }
    }

    struct Indicatoren: PathNode {
        let address: Address
        var new: Address { address.adding("nieuw") }
        func indicator(_ id: some AddressPart) -> Indicator { Indicator(address: address.adding(id.segment("indicatorID"))) }
    }

    struct Indicator: PathNode {
        let address: Address
        var edit: Address { address.adding("bewerken") }
        var delete: Address { address.adding("verwijderen") }
        var values: Address { address.adding("waarden") }
    }

    struct Jaarplan: PathNode {
        let address: Address
        var new: Address { address.adding("nieuw") }
        var export: Address { address.adding("jaarplan.csv") }
        var docx: Address { address.adding("jaarplan.docx") }
        func action(_ id: some AddressPart) -> Item { Item(address: address.adding("acties", id.segment("planActionID"))) }
        /// "/evaluatie/1" after the first half year, "/evaluatie/2" at its end.
        func evaluation(_ moment: some AddressPart) -> Address { address.adding("evaluatie", moment.segment("moment")) }
        func insertEvaluation(_ moment: some AddressPart) -> Address { evaluation(moment).adding("invoegen") }
    }

    struct Overleg: PathNode {
        let address: Address
        var new: Address { address.adding("nieuw") }
        func meeting(_ id: some AddressPart) -> Meeting { Meeting(address: address.adding(id.segment("meetingID"))) }
        var newRule: Address { address.adding("afspraken", "nieuw") }
        func rule(_ id: some AddressPart) -> Item { Item(address: address.adding("afspraken", id.segment("ruleID"))) }
        /// Makes (or renews) the secret address of the calendar feed.
        var feed: Address { address.adding("agenda") }
        /// Makes (or renews) the member's own feed.
        var personalFeed: Address { address.adding("mijn-agenda") }
        /// Puts a summary of a school year's meetings into step 3 of a bouwblad.
        var insert: Address { address.adding("invoegen") }
    }

    struct Netwerk: PathNode {
        let address: Address
        var newContact: Address { address.adding("contactpersonen", "nieuw") }
        func contact(_ id: some AddressPart) -> Contact { Contact(address: address.adding("contactpersonen", id.segment("contactID"))) }
    }

    /// A contact person; `move` records that they start elsewhere (or in another function).
    struct Contact: PathNode {
        let address: Address
        var move: Address { address.adding("overstap") }
        var delete: Address { address.adding("verwijderen") }
    }

    struct Meeting: PathNode {
        let address: Address
        var delete: Address { address.adding("verwijderen") }
        var newAgreement: Address { address.adding("afspraken", "nieuw") }
        func agreement(_ id: some AddressPart) -> Agreement { Agreement(address: address.adding("afspraken", id.segment("agreementID"))) }
    }

    /// An agreement made at a meeting; `action` makes it an action of a bouwblad or the jaarplan.
    struct Agreement: PathNode {
        let address: Address
        var action: Address { address.adding("actie") }
        var delete: Address { address.adding("verwijderen") }
    }

    struct Partner: PathNode {
        let address: Address
        var edit: Address { address.adding("bewerken") }
        var staff: Address { address.adding("medewerkers") }
        func staff(_ id: some AddressPart) -> Item { Item(address: staff.adding(id.segment("staffID"))) }
    }
}

/// Something with its own address that is changed there and deleted below it: a doel,
/// an actie, a member, a partner's staff member.
struct Item: PathNode {
    let address: Address
    var delete: Address { address.adding("verwijderen") }
}

/// A place in the address tree: its address, and the path of that for a link.
protocol PathNode: Sendable {
    var address: Address { get }
}

extension PathNode {
    var path: String { address.path }
}

/// A path: its segments, each a fixed word or a parameter (`:name`) or its value.
struct Address: Sendable, CustomStringConvertible {
    let segments: [String]
    init(_ segments: [String]) { self.segments = segments }

    /// "/c/coalitie-rivierstad/rapport": for links and redirects.
    var path: String { "/" + segments.joined(separator: "/") }
    var description: String { path }
    /// For registering the route.
    var components: [PathComponent] { segments.map { PathComponent(stringLiteral: $0) } }
    fileprivate func adding(_ more: String...) -> Address { Address(segments + more) }
}

/// What fills a parameter of an address.
protocol AddressPart { func segment(_ name: String) -> String }
extension UUID: AddressPart { func segment(_: String) -> String { uuidString } }
extension String: AddressPart { func segment(_: String) -> String { self } }
/// The parameter itself, when a route is registered.
struct RouteParameter: AddressPart { func segment(_ name: String) -> String { ":" + name } }
extension AddressPart where Self == RouteParameter {
    static var param: RouteParameter { RouteParameter() }
}

extension RoutesBuilder {
    @discardableResult
    func get<R: AsyncResponseEncodable>(_ address: Address, use closure: @Sendable @escaping (Request) async throws -> R) -> Route {
        get(address.components, use: closure)
    }

    @discardableResult
    func post<R: AsyncResponseEncodable>(_ address: Address, use closure: @Sendable @escaping (Request) async throws -> R) -> Route {
        post(address.components, use: closure)
    }
}
