import Domain
import Fluent
import Foundation
import SQLKit
import Vapor

/// The daily digests: once a day, from REMINDER_HOUR (07:00) in the Netherlands, every person
/// with something to do in a kind whose mail goes out today gets one mail with all of it,
/// for all their coalitions. The day is claimed with a row in `reminder_runs` in the same
/// transaction as the mails, so two instances (or a restart) never send a day twice.
enum ReminderDigest {
    /// Makes today's digests unless they were made; the number of mails, or nil when the
    /// day was done already or it is too early.
    @discardableResult
    static func runIfDue(_ app: Application, ignoringHour: Bool = false) async throws -> Int? {
        let now = app.clock.now, today = IsoDate.inNetherlands(now)
        if !ignoringHour {
            guard let hour = app.appConfig.reminderHour, hourInNetherlands(now) >= hour else { return nil }
        }
        let db = app.db
        if try await db.sql.select().column("day").from("reminder_runs").where("day", .equal, today.iso).first() != nil { return nil }
        var mails: [Mail] = []
        let users = Set(try await MembershipRecord.query(on: db).all().map(\.$user.id))
        for userID in users.sorted(by: { $0.uuidString < $1.uuidString }) {
            if let mail = try await digest(for: userID, app: app, today: today) { mails.append(mail) }
        }
        let count = mails.count, made = mails
        let claimed = try await db.writeTransactionIf { db in
            let rows = try await db.sql.raw("""
                INSERT INTO reminder_runs (day, created_at, mails) VALUES (\(bind: today.iso), \(bind: now), \(bind: count))
                ON CONFLICT (day) DO NOTHING RETURNING day
                """).all()
            guard !rows.isEmpty else { return false }
            for mail in made { try await Outbox.queue(mail, on: db, now: now) }
            return true
        }
        return claimed ? count : nil
    }

    /// One person's digest of today, or nil when nothing is due.
    static func digest(for userID: UUID, app: Application, today: IsoDate) async throws -> Mail? {
        let db = app.db
        guard let user = try await UserRecord.find(userID, on: db) else { return nil }
        let chosen = try await RemindersController.existing(of: userID, on: db)?.preferences ?? ReminderPreferences()
        let kinds = chosen.kinds(sentOn: today)
        guard !kinds.isEmpty else { return nil }
        let store = CoalitionsStore(on: db)
        let catalog = try await app.formatCatalog(on: db)
        var sections: [(coalition: String, groups: [NextSteps.Group])] = []
        for (coalition, membership) in try await store.memberships(of: userID) {
            // The same panel the raster shows this member, from the same reads.
            let tenant = try Tenant(coalition: coalition, membership: membership, otherCoalitions: [])
            let summaries = try await RasterStore(tenant, on: db).summaries(catalog: catalog)
            let model = try await NextSteps.load(tenant, on: db, today: today, summaries: summaries)
            let groups = NextSteps(model, summaries: summaries, catalog: catalog).groups.filter { kinds.contains($0.kind) }
            if !groups.isEmpty { sections.append((coalition.name, groups)) }
        }
        guard !sections.isEmpty else { return nil }
        let sentKinds = ReminderKind.allCases.filter { kind in sections.contains { $0.groups.contains { $0.kind == kind } } }
        // The row (with the unsubscribe secret) is made only for someone who gets a mail.
        let token = try await RemindersController.preferences(of: userID, on: db).unsubscribeToken
        let unsubscribe = app.absoluteURL(Paths.unsubscribe(token).path) + "?soort=" + sentKinds.map(\.rawValue).joined(separator: ",")
        return Mails.digest(to: user.email, name: user.name, sections: sections, frequencies: sentKinds.map { ($0, chosen[$0]) },
                            link: { app.absoluteURL($0) }, settings: app.absoluteURL(Paths.reminders.path), unsubscribe: unsubscribe,
                            validUntil: app.clock.now.addingTimeInterval(24 * 3600))
    }

    static func hourInNetherlands(_ moment: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        return calendar.component(.hour, from: moment)
    }
}

extension Application {
    /// An address for links in mail made without a request (the digests): BASE_URL when set.
    func absoluteURL(_ path: String) -> String {
        if let base = appConfig.baseURL?.absoluteString { return (base.hasSuffix("/") ? String(base.dropLast()) : base) + path }
        return "http://\(appConfig.hostname):\(appConfig.port)\(path)"
    }
}
