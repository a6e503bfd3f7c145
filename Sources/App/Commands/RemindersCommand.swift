import Vapor

/// `bouwstenen reminders`: makes today's reminder digests now, whatever the hour, unless
/// they were made today already. The server does this by itself from REMINDER_HOUR; this is
/// for a host who prefers cron, and for tests. The mails wait in the outbox for the server.
struct RemindersCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Makes today's reminder digests now (once a day); the running server sends them." }

    func run(using context: CommandContext, signature: Signature) async throws {
        if let made = try await ReminderDigest.runIfDue(context.application, ignoringHour: true) {
            context.console.print("Herinneringen van vandaag gemaakt: \(made) mail(s) in de outbox.")
        } else {
            context.console.print("De herinneringen van vandaag waren al gemaakt.")
        }
    }
}
