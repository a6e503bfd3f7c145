import Domain
import Vapor

/// `/agenda/{token}.ics`: the coalition's meetings from a year back to two years ahead, as an
/// iCalendar feed that Outlook, Google and Apple calendars subscribe to. No session: the
/// secret address is the key, and the projectleider can renew it. Each member can have a
/// feed of their own too (a partner's holds the meetings naming their organisation).
struct CalendarController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.calendar(.param), use: feed)
    }

    func feed(req: Request) async throws -> Response {
        // A token is 43 URL-safe characters; anything else is not one of ours.
        guard let file = req.parameters.get("feedFile"), file.hasSuffix(".ics") else { throw Abort(.notFound) }
        let token = String(file.dropLast(4))
        guard token.count == 43, token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }),
              let found = try await CalendarFeeds(db: req.db).find(token) else { throw Abort(.notFound) }
        let store = found.store
        let today = req.today
        let names = Dictionary(uniqueKeysWithValues: try await PlacesStore(coalitionID: store.coalitionID, on: req.db).partners().compactMap { p in p.id.map { ($0, p.name) } })
        let coalition = try await CoalitionsStore(on: req.db).coalition(store.coalitionID)
        let range = DateRange(from: today.adding(days: -366), to: today.adding(days: 731))!
        let events = try await store.meetings(in: range).prefix(2000).compactMap { record -> CalendarEvent? in
            guard let id = record.id, let m = record.value else { return nil }
            // A partner's own feed: only the meetings naming their organisation (none without one).
            if found.isPartner, found.onlyFor.map({ Set(m.invited + m.present).contains($0) }) != true { return nil }
            let invited = m.invited.compactMap { names[$0] }.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
            let description = [m.agenda, invited.isEmpty ? "" : "Uitgenodigd: " + invited.joined(separator: ", ")].filter { !$0.isEmpty }.joined(separator: "\n\n")
            return CalendarEvent(uid: "\(id.uuidString.lowercased())@bouwstenen", day: m.day, start: m.slot?.start, end: m.slot?.end,
                                 summary: m.kind, location: m.place, description: description, sequence: record.version, cancelled: m.status == .afgelast)
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"overleg.ics\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        let body = ICalendar.feed(name: "Overleg \(coalition?.name ?? "coalitie")", events: Array(events), stamp: req.now)
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}
