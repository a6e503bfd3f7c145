import App
import Fluent
import Vapor

/// `bouwstenen bench-data --size S|M|L|XL`: fills the database with generated coalitions
/// for the performance harness (bench/run). The same seed gives the same data; dates are
/// placed around today so that the pages show a running school year.
package struct BenchDataCommand: AsyncCommand {
    package struct Signature: CommandSignature {
        package init() {}
        @Option(name: "size", help: "S (1 coalition), M (20), L (200) or XL (1000)")
        package var size: String?
        @Option(name: "seed", help: "Seed for the generator (default 1)")
        package var seed: Int?
        /// Read by the entry point before the app is configured; listed here for --help.
        @Option(name: "database", help: "sqlite:///path, postgres://… or a file path (default: DATABASE_URL or SQLITE_PATH)")
        package var database: String?
    }

    package init() {}

    package var help: String { "Fills the database with generated coalitions for the performance harness." }

    package func run(using context: CommandContext, signature: Signature) async throws {
        guard let size = BenchData.Size(rawValue: (signature.size ?? "S").uppercased()) else {
            throw Abort(.badRequest, reason: "--size: kies S, M, L of XL")
        }
        let app = context.application
        let started = app.clock.now
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(BenchData.password)
        let generator = BenchData(seed: UInt64(max(0, signature.seed ?? 1)), passwordHash: hash)
        let totals = try await generator.fill(app.db, coalitions: size.coalitions) { done in
            if done % 50 == 0 { context.console.print("  \(done) van \(size.coalitions) coalities") }
        }
        let seconds = app.clock.now.timeIntervalSince(started)
        context.console.print("bench-data \(size.rawValue): \(totals.description) in \(String(format: "%.1f", seconds)) s")
        context.console.print("Inloggen: projectleider@bench-0001.example (en coordinator, partner, lezer …) met wachtwoord \(BenchData.password)")
    }
}
