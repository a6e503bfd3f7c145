import Domain
import Fluent
import Vapor

/// The page of one activity: what it is, the safety agreements, the vooraf-check, the
/// status, the sessions with their nabespreking, and the observations over time.
enum ActivityPage {
    struct Fact: Encodable { let label: String; let value: String }
    struct StaffRow: Encodable { let name: String; let vog: String; let ok: Bool }
    struct SessionRow: Encodable {
        let date: String
        let state: String
        let pupils: String
        let nabespreking: String
        let observed: String
        let incident: String?
        let href: String?
        let needsFilling: Bool
    }
    /// Sessions to fill in first, then the last few and the next few; all of them on request.
    struct SessionGroup: Encodable { let title: String; let rows: [SessionRow] }
    struct StatusOption: Encodable { let value: String; let label: String; let selected: Bool }
    struct Page: Encodable {
        let layout: Layout
        let base: String
        let name: String
        let status: String
        let domain: String
        let facts: [Fact]
        let safety: [Fact]
        let blocks: [BouwbladPage.Block]
        let hasGoals: Bool
        let doelHref: String?
        let staff: [StaffRow]
        let hasStaff: Bool
        let checkDone: Bool
        let checkBy: String?
        let checkOpen: [String]
        let hasCheckOpen: Bool
        let evaluation: String?
        let canEdit: Bool
        let canRecord: Bool
        let editHref: String
        let checkHref: String
        let statusAction: String
        let statusOptions: [StatusOption]
        let statusError: String?
        let version: Int
        let sessions: [SessionRow]
        let hasSessions: Bool
        let sessionGroups: [SessionGroup]
        let showsAllSessions: Bool
        let sessionCount: Int
        let allSessionsHref: String
        let fewerSessionsHref: String
        let generateAction: String
        let addAction: String
        let chart: ObservationChart
        let chartSVG: String
        let chartHasData: Bool
    }

    /// How many of the last and of the next sessions the page shows besides those to fill in.
    static let around = 3

    static func render(_ req: Request, _ access: ActivityAccess, _ activity: ActivityRecord, statusError: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let showsAll = (try? req.query.get(String.self, at: "sessies")) == "alle"
        let places = access.places(req.db), book = access.book(req.db)
        let location = try await places.location(activity.locationID)
        let partner = try await activity.partnerID.asyncMap { id in try await places.partner(id) } ?? nil
        let staff = try await access.staff(of: activity, req.db)
        let vog = access.vog(staff, today: req.today)
        let sessions = try await book.sessions(of: activity.requireID())
        var doelHref: String?
        if let doelID = activity.doelID, let doel = try await book.doel(doelID) {
            doelHref = Paths.coalition(access.slug).bouwblad(doel.bouwbladID).path + "#stap-\(doel.cycleID)-doelen"
        }
        let paths = access.paths.activity(try activity.requireID())
        let canRecord = access.canRecordSessions(activity)
        let answers = activity.check
        let open = VoorafCheck.open(answers: answers, staff: vog)
        let today = req.today
        let chart = ObservationChart.monthly(id: "chart-activiteit", title: "Observaties van \(activity.name) per maand", sessions: sessions, today: today)
        func yesNo(_ b: Bool) -> String { b ? "Ja" : "Nee" }
        let rows = try sessions.map { s in
            let held = s.isHeld(today: today)
            return SessionRow(
                date: s.isoDate?.shortLabel ?? s.date,
                state: s.cancelled ? "Gaat niet door" : held ? (s.needsFilling(today: today) ? "Nog invullen" : "Ingevuld") : "Gepland",
                pupils: s.pupils.map(String.init) ?? "—", nabespreking: s.hasNabespreking ? "Ja" : "—",
                observed: s.isObserved ? "Ja" : "—",
                incident: s.incident ? (s.incidentHandledAt == nil ? "Incident, nog niet afgehandeld" : "Incident, afgehandeld") : nil,
                href: canRecord ? paths.session(try s.requireID()).path : nil,
                needsFilling: canRecord && s.needsFilling(today: today))
        }
        let groups = Self.groups(rows, sessions, today: today)
        return try await req.page("activiteiten/show", title: activity.name, current: .activiteiten, status: status) { layout in
            Page(
                layout: layout, base: access.base, name: activity.name,
                status: activity.status.label, domain: activity.domain,
                facts: [
                    Fact(label: "Locatie", value: location?.name ?? "—"),
                    Fact(label: "Partner", value: partner?.name ?? "De school zelf"),
                    Fact(label: "Wanneer", value: Weekday.label(activity.days, activity.slot).ifEmpty("—")),
                    Fact(label: "Periode", value: activity.period?.label ?? "—"),
                    Fact(label: "Groepen", value: activity.groups?.label ?? "—"),
                    Fact(label: "Hoogstens", value: activity.maxGroupSize.map { "\($0) leerlingen" } ?? "—"),
                ],
                safety: [
                    Fact(label: "In het schoolgebouw", value: yesNo(activity.inSchool)),
                    Fact(label: "Vier-ogenprincipe", value: yesNo(activity.vierOgen)),
                    Fact(label: "Contact voor en na", value: yesNo(activity.contactBeforeAfter)),
                    Fact(label: "Van school aanwezig", value: activity.schoolPresent.ifEmpty("—")),
                ],
                blocks: BouwbladPage.blocks(activity.goals), hasGoals: !activity.goals.isEmpty, doelHref: doelHref,
                staff: vog.map { StaffRow(name: $0.name, vog: $0.vog.label, ok: $0.vog.isValid) }, hasStaff: !vog.isEmpty,
                checkDone: answers != nil,
                checkBy: activity.checkAt.map { "Ingevuld door \(activity.checkByName ?? "onbekend") op \(DutchDate.dayMonthYear($0))." },
                checkOpen: open, hasCheckOpen: !open.isEmpty, evaluation: answers?.evaluation,
                canEdit: access.canEdit(activity), canRecord: canRecord, editHref: paths.edit.path, checkHref: paths.check.path,
                statusAction: paths.status.path,
                statusOptions: ActivityStatus.allCases.map { StatusOption(value: $0.rawValue, label: $0.label, selected: $0 == activity.status) },
                statusError: statusError, version: activity.version,
                sessions: showsAll ? rows : [],
                hasSessions: !sessions.isEmpty, sessionGroups: showsAll ? [] : groups, showsAllSessions: showsAll, sessionCount: rows.count,
                allSessionsHref: paths.path + "?sessies=alle#sessies", fewerSessionsHref: paths.path + "#sessies",
                generateAction: paths.generate.path, addAction: paths.sessions.path,
                chart: chart, chartSVG: chart.svg, chartHasData: chart.hasData)
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

extension ActivityPage {
    /// To fill in (all of them, oldest first), the last few held, the next few planned.
    static func groups(_ rows: [SessionRow], _ sessions: [ActivitySessionRecord], today: IsoDate) -> [SessionGroup] {
        let pairs = Array(zip(rows, sessions))
        let toFill = pairs.filter { $0.1.needsFilling(today: today) }.map(\.0)
        let done = pairs.filter { $0.1.isHeld(today: today) && !$0.1.needsFilling(today: today) }.map(\.0).suffix(around)
        let next = pairs.filter { !$0.1.cancelled && !$0.1.isHeld(today: today) }.map(\.0).prefix(around)
        return [
            SessionGroup(title: toFill.count == 1 ? "Nog in te vullen" : "Nog in te vullen (\(toFill.count))", rows: toFill),
            SessionGroup(title: "Laatst geweest", rows: Array(done.reversed())),
            SessionGroup(title: "Hierna", rows: Array(next)),
        ].filter { !$0.rows.isEmpty }
    }
}
