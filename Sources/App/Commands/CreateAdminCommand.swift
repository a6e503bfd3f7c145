import Domain
import Fluent
import Vapor

/// `bouwstenen create-admin --email … --name …`: makes (or promotes) an instance admin,
/// for operators without a browser. The password comes from BOUWSTENEN_ADMIN_PASSWORD
/// or from standard input, never from the command line (it would show in `ps`).
struct CreateAdminCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "E-mail address of the admin") var email: String?
        @Option(name: "name", help: "Name of the admin") var name: String?
    }

    var help: String { "Creates an instance admin, or makes an existing account admin." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        var errors = FieldErrors()
        guard let email = Email.validate(signature.email, into: &errors) else {
            throw AppConfig.Invalid(description: "create-admin needs a valid --email")
        }
        if let existing = try await UserRecord.query(on: app.db).filter(\.$email == email).first() {
            existing.isAdmin = true
            try await existing.update(on: app.db)
            context.console.print("\(email) is nu beheerder.")
            return
        }
        let name = Text.line(signature.name, field: "name", max: AccountInput.nameMax, into: &errors)
        let password = app.appConfig.adminPassword ?? readLine(strippingNewline: true)
        try Application.loadPasswordPolicy().check(password, email: email, context: [signature.name ?? ""], into: &errors)
        guard let name, let password, errors.isEmpty else {
            let problems = errors.items.map { "\($0.field): \(Messages.text(for: $0.issue, noun: $0.field))" }.joined(separator: "; ")
            throw AppConfig.Invalid(description: "create-admin: \(problems.isEmpty ? "--name is required" : problems)")
        }
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(password)
        try await UserRecord(email: email, name: name, passwordHash: hash, isAdmin: true).create(on: app.db)
        context.console.print("Beheerder \(name) <\(email)> is aangemaakt.")
    }
}
