import Domain
import Fluent
import Foundation
import Vapor

/// One thing a person should do, with where to do it. Never a pupil's data or the text of
/// an incident: these lines also go out by mail.
struct ToDoItem: Encodable, Sendable {
    let kind: ReminderKind
    let text: String
    let detail: String
    /// A path in the app ("/c/…").
    let href: String
}

/// "Wat moet ik nu doen?" for one member of one coalition: the panel on their start page
/// and, for every coalition of a person, the digest mail.
enum ToDoList {
    static let actiesAhead = 7
    static let sessionsBack = 60
    static let meetingsAhead = 7
    static let vogDays = 60
    static let reportDays = 120

    static func items(_ tenant: Tenant, on db: any Database, today: IsoDate) async throws -> [ToDoItem] {
        let membership = tenant.membership, membershipID = try membership.requireID(), role = membership.role
        let store = ToDoStore(tenant, on: db), coalition = Paths.coalition(tenant.coalition.slug)
        var items: [ToDoItem] = []

        for actie in try await store.acties(of: membershipID) {
            guard let date = Wanneer(stored: actie.deadline)?.date, date <= today.adding(days: actiesAhead) else { continue }
            items.append(ToDoItem(kind: .acties, text: actie.text,
                                  detail: (date < today ? "Te laat: " : "Wanneer: ") + (Wanneer(stored: actie.deadline)?.label ?? date.label),
                                  href: coalition.bouwblad(actie.bouwbladID).path + "#actie-\(try actie.requireID())"))
        }

        if role == .partner || role == .coordinator {
            let locations = role == .coordinator ? try await PlacesStore(tenant, on: db).locations(keptBy: membershipID) : []
            let partner = role == .partner ? membership.partnerID : nil
            if partner != nil || !locations.isEmpty {
                let activities = try await store.activities(partner: partner, locations: locations)
                let names = Dictionary(uniqueKeysWithValues: activities.compactMap { a in a.id.map { ($0, a.name) } })
                let open = try await store.unfilledSessions(of: Set(names.keys), from: today.adding(days: -sessionsBack), to: today.adding(days: -1))
                for (activityID, sessions) in Dictionary(grouping: open, by: \.activityID).sorted(by: { (names[$0.key] ?? "") < (names[$1.key] ?? "") }) {
                    let dates = sessions.compactMap { IsoDate($0.date) }.sorted()
                    items.append(ToDoItem(kind: .sessies, text: names[activityID] ?? "Activiteit",
                                          detail: sessions.count == 1 ? "1 sessie nog invullen (\(dates.first?.label ?? ""))."
                                              : "\(sessions.count) sessies nog invullen, de eerste van \(dates.first?.label ?? "").",
                                          href: coalition.activiteiten.activity(activityID).path))
                }
            }
        }

        let mine = try await store.bouwbladen(of: membershipID)
        if !mine.isEmpty {
            let ended = try await DashboardStore(tenant, on: db).unclosedCycles(endedBefore: Month(year: today.year, month: today.month)!)
            for (cycle, bouwblad) in ended where mine.contains(try bouwblad.requireID()) {
                items.append(ToDoItem(kind: .cycli, text: "\(bouwblad.title), cyclus \(cycle.number)",
                                      detail: "De periode liep tot \(cycle.periodTo.flatMap(Month.init)?.label ?? "") en de cyclus is nog niet afgerond.",
                                      href: coalition.bouwblad(try bouwblad.requireID()).path + "#cyclus-\(cycle.number)"))
            }
        }

        if role == .projectleider || role == .coordinator {
            let year = SchoolYear(containing: today)
            let moments = try await JaarplanController.moments(db, tenant, year)
            for moment in moments where !moment.written && moment.day <= today.adding(days: 14) {
                items.append(ToDoItem(kind: .evaluaties, text: "Evaluatie \(EvaluationController.label(moment.moment, year))",
                                      detail: (moment.day < today ? "Was gepland op " : "Gepland op ") + moment.day.label + ".", href: moment.href))
            }
        }

        if role == .projectleider || (role == .partner && membership.partnerID != nil) {
            for meeting in try await store.meetings(from: today, to: today.adding(days: meetingsAhead)) {
                guard let value = meeting.value, role == .projectleider || value.invited.contains(membership.partnerID!) else { continue }
                items.append(ToDoItem(kind: .overleg, text: value.kind,
                                      detail: "Op \(value.day.label)" + (value.slot.map { ", \($0.label)" } ?? "") + (value.place.isEmpty ? "." : ", \(value.place)."),
                                      href: coalition.overleg.meeting(try meeting.requireID()).path))
            }
        }

        guard role == .projectleider else { return items }
        let end = IsoDate(String(format: "%04d-07-31", tenant.coalition.period.endYear))!
        if today <= end, end <= today.adding(days: reportDays), try await !store.hasFinalReport() {
            items.append(ToDoItem(kind: .rapport, text: "Kwaliteitsrapport",
                                  detail: "De subsidieperiode eindigt op \(end.label). Zet het rapport vast als het klaar is.", href: coalition.rapport.path))
        }
        let incidents = try await store.openIncidents()
        if incidents > 0 {
            items.append(ToDoItem(kind: .incidenten, text: incidents == 1 ? "1 incident" : "\(incidents) incidenten",
                                  detail: "Nog niet afgehandeld.", href: coalition.activiteiten.incidents.path))
        }
        let years = try await ActiviteitenStore(tenant, on: db).settings().vogYears
        for staff in try await PlacesStore(tenant, on: db).staff() {
            guard case .geldig(let until) = staff.vog(validityYears: years, today: today), until <= today.adding(days: vogDays) else { continue }
            items.append(ToDoItem(kind: .vogs, text: staff.name, detail: "VOG geldig tot \(until.label).", href: coalition.partner(staff.partnerID).path))
        }
        return items
    }
}

/// The "Wat moet ik nu doen?" panel of a start page: the same items as the digest mail.
struct ToDoPanel: Encodable {
    struct Group: Encodable { let label: String; let items: [ToDoItem] }
    let groups: [Group]
    let hasItems: Bool
    let settings: String

    static func load(_ req: Request, _ tenant: Tenant) async throws -> ToDoPanel {
        let items = try await ToDoList.items(tenant, on: req.db, today: req.today)
        let groups = ReminderKind.allCases.compactMap { kind -> Group? in
            let mine = items.filter { $0.kind == kind }
            return mine.isEmpty ? nil : Group(label: kind.label, items: mine)
        }
        return ToDoPanel(groups: groups, hasItems: !groups.isEmpty, settings: Paths.reminders.path)
    }
}
