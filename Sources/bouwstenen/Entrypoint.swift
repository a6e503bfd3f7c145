import App
import Fluent
import Fixtures
import Logging
import NIOCore
import NIOPosix
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        // Swift concurrency runs on NIO's event loops: a handler resumes after each database
        // answer on the loop it is on, without a hop to a dispatch thread and back (about a
        // tenth of the CPU of a page went to that switching). Must come first, on the main thread.
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        var config: AppConfig
        do {
            config = try AppConfig.fromEnvironment()
            if let url = option("--database", in: env.arguments) { config.database = try AppConfig.database(from: url) }
            config.runsMailWorker = commandName(env.arguments) == "serve"
        } catch {
            FileHandle.standardError.write(Data("bouwstenen: configuration error: \(error)\n".utf8))
            exit(2)
        }
        let app = try await Application.make(env)
        do {
            try await configure(app, config: config)
            app.asyncCommands.use(DemoCommand(), as: "demo")
            app.asyncCommands.use(BenchDataCommand(), as: "bench-data")
            // restore must not open the database it is about to replace; routes needs none.
            if !["restore", "routes"].contains(commandName(env.arguments)) {
                try await prepareDatabase(app)
            }
            if config.autoMigrate, migratesFirst(env.arguments) {
                // A command's output is what it prints: its migrations log only at debug level.
                if commandName(env.arguments) != "serve" { app.fluent.migrationLogLevel = .debug }
                try await app.autoMigrate()
            }
            try await app.execute()
        } catch {
            // A clear line and exit status 1, not a crash with a backtrace: commands are
            // run by operators and scripts.
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            FileHandle.standardError.write(Data("bouwstenen: \(error)\n".utf8))
            exit(1)
        }
        try await app.asyncShutdown()
    }

    /// Migrations run by themselves before serving and before commands that need the
    /// tables; not before `migrate` itself (which may be asked to revert) or `routes`.
    static func migratesFirst(_ arguments: [String]) -> Bool {
        ["serve", "demo", "create-admin", "report", "bench-data", "reminders"].contains(commandName(arguments))
    }

    /// `--database URL` (or `--database=URL`) on the command line wins over DATABASE_URL.
    static func option(_ name: String, in arguments: [String]) -> String? {
        for (i, arg) in arguments.enumerated() {
            if arg == name, i + 1 < arguments.count { return arguments[i + 1] }
            if arg.hasPrefix(name + "=") { return String(arg.dropFirst(name.count + 1)) }
        }
        return nil
    }

    static func commandName(_ arguments: [String]) -> String {
        arguments.dropFirst().first { !$0.hasPrefix("-") } ?? "serve"
    }
}
