import Fluent
import Vapor

/// `/beheer/mail`: what the app sent, is about to send, or could not send. Without a mail
/// server this is where an instance admin sees what would have gone out. A mail with a
/// one-time link (an invitation, a password reset) is listed without its text: whoever
/// reads this page must not be able to use someone else's link.
struct AdminOutboxController: RouteCollection {
    static let shown = 200

    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.adminMail, use: show)
    }

    struct Row: Encodable {
        let created: String
        let kind: String
        let recipient: String
        let subject: String
        let state: String
        let stateClass: String
        let attempts: Int
        let problem: String?
        let text: String?
    }

    struct Count: Encodable { let label: String; let count: Int }

    struct Page: Encodable {
        let layout: Layout
        let server: String?
        let counts: [Count]
        let rows: [Row]
        let hasRows: Bool
        let coalitions: String
    }

    func show(req: Request) async throws -> Response {
        guard try req.requireUser().isAdmin else { throw Abort(.forbidden) }
        let mails = try await OutboxRecord.query(on: req.db).sort(\.$createdAt, .descending).limit(Self.shown).all()
        var counts: [Count] = []
        for state in [OutboxRecord.State.queued, .sent, .failed, .expired] {
            counts.append(Count(label: Self.label(state), count: try await OutboxRecord.query(on: req.db).filter(\.$state == state).count()))
        }
        let smtp = req.application.appConfig.smtp
        return try await req.page("admin/outbox", title: "Mail", current: .beheer) { layout in
            Page(
                layout: layout, server: smtp.map { "\($0.host):\($0.port)" }, counts: counts,
                rows: mails.map { mail in
                    Row(created: "\(DutchDate.dayMonthYear(mail.createdAt)) \(DutchDate.time(mail.createdAt))",
                        kind: Self.kind(mail.kind), recipient: mail.recipient, subject: mail.subject,
                        state: Self.label(mail.state), stateClass: mail.state == .failed ? "tag tag--danger" : "tag",
                        attempts: mail.attempts, problem: mail.state == .sent ? nil : mail.lastError,
                        text: mail.holdsSecret || mail.textBody.isEmpty ? nil : mail.textBody)
                },
                hasRows: !mails.isEmpty, coalitions: Paths.admin.path)
        }
    }

    static func label(_ state: OutboxRecord.State) -> String {
        switch state {
        case .queued: "Wacht"
        case .sent: "Verstuurd"
        case .failed: "Niet gelukt"
        case .expired: "Verlopen"
        }
    }

    static func kind(_ raw: String) -> String {
        switch Mail.Kind(rawValue: raw) {
        case .invitation: "Uitnodiging"
        case .passwordReset: "Wachtwoord vergeten"
        case .emailChange: "E-mailadres wijzigen"
        case .reminder: "Herinnering"
        case .test: "Testmail"
        case nil: raw
        }
    }
}
