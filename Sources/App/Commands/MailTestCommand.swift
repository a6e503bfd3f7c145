import Domain
import Foundation
import Vapor

/// `bouwstenen mail-test --to ADDRESS`: sends one plain test mail through the configured
/// SMTP server and prints what the server said, so a host can check the settings.
struct MailTestCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "to", help: "The address to send the test mail to")
        var to: String?
    }

    var help: String { "Sends a test mail through the SMTP server of SMTP_HOST and reports the result." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let smtp = app.appConfig.smtp else { throw Failure("SMTP_HOST is not set: there is no SMTP server to test") }
        var errors = FieldErrors()
        guard let to = Email.validate(signature.to, field: "to", into: &errors) else { throw Failure("usage: bouwstenen mail-test --to ADDRESS") }
        let message = MailText.render(.init(
            from: smtp.from, to: to, subject: "Testmail van Bouwstenen",
            text: "Dit is een testmail. Als je dit leest, kan Bouwstenen mail versturen via \(smtp.host).", html: nil,
            date: app.appConfig.clock.now, messageID: "\(UUID().uuidString.lowercased())@bouwstenen", unsubscribeURL: nil))
        do {
            let connection = try await SMTPConnection.open(smtp)
            let reply = try await connection.send(from: smtp.from, to: [to], message: message)
            await connection.close()
            context.console.print("Verstuurd naar \(to) via \(smtp.host):\(smtp.port) (\(smtp.security.rawValue)).")
            context.console.print("De server zei: \(reply.code) \(reply.text)")
        } catch let error as SMTPError {
            throw Failure("Niet verstuurd: \(error.description)" + (error.isTemporary ? " (tijdelijk: probeer het later opnieuw)" : ""))
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
