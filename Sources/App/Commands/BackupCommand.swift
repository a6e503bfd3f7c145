import Foundation
import SQLiteNIO
import SQLKit
import Vapor

/// `bouwstenen backup --out FILE`: a consistent copy of the SQLite database, taken while the
/// server keeps serving (`VACUUM INTO` reads one snapshot inside a read transaction, so writes
/// that land during the copy are simply not in it). For PostgreSQL, pg_dump does this job.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "out", help: "The backup file to write (must not exist yet)")
        var out: String?
    }

    var help: String { "Writes a consistent copy of the SQLite database while the server runs." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let out = signature.out, !out.isEmpty else { throw BackupFailure("usage: bouwstenen backup --out FILE") }
        guard case .sqliteFile = app.appConfig.database else { throw BackupFailure(BackupFailure.postgres) }
        guard !FileManager.default.fileExists(atPath: out) else { throw BackupFailure("\(out) already exists; choose a new file name") }
        guard let sql = app.db as? any SQLDatabase else { throw BackupFailure("the database does not speak SQL") }
        // Written under a temporary name and renamed, so FILE is never a half-written backup.
        let partial = out + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        try await sql.raw("VACUUM INTO \(bind: partial)").run()
        try await SQLiteFiles.check(partial, logger: app.logger)
        try SQLiteFiles.syncFile(partial)
        try SQLiteFiles.rename(partial, to: out)
        let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
        context.console.print("Backup written: \(out) (\(size / 1024) kB, integrity ok)")
    }
}

/// `bouwstenen restore --from FILE`: puts a backup in place of the SQLite database. Stop the
/// server first. The current database is kept next to it as `….before-restore-TIME`.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "The backup file written by `bouwstenen backup`")
        var from: String?
    }

    var help: String { "Replaces the SQLite database by a backup (stop the server first)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let from = signature.from, !from.isEmpty else { throw BackupFailure("usage: bouwstenen restore --from FILE") }
        guard case .sqliteFile(let target) = app.appConfig.database else { throw BackupFailure(BackupFailure.postgres) }
        guard FileManager.default.fileExists(atPath: from) else { throw BackupFailure("\(from) does not exist") }
        // Refuse anything that is not an intact Bouwstenen database before touching the live file.
        try await SQLiteFiles.check(from, logger: app.logger, requireTable: "_fluent_migrations")
        let incoming = target + ".restoring"
        try? FileManager.default.removeItem(atPath: incoming)
        try FileManager.default.copyItem(atPath: from, toPath: incoming)
        try SQLiteFiles.syncFile(incoming)
        var kept = ""
        if FileManager.default.fileExists(atPath: target) {
            kept = target + ".before-restore-" + String(Int(app.clock.now.timeIntervalSince1970))
            // The WAL belongs to the database it was written for: it moves along with it.
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: target + suffix) {
                try SQLiteFiles.rename(target + suffix, to: kept + suffix)
            }
        }
        try SQLiteFiles.rename(incoming, to: target)
        context.console.print("Restored \(from) to \(target)." + (kept.isEmpty ? "" : " The previous database is kept as \(kept)."))
    }
}

struct BackupFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }

    static let postgres = """
        this command is for SQLite. For PostgreSQL use its own tools, which are consistent while the server runs:
          backup:  pg_dump --format=custom --file=bouwstenen.dump "$DATABASE_URL"
          restore: pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" bouwstenen.dump
        """
}

enum SQLiteFiles {
    /// Opens the file on its own connection and asks SQLite whether it is intact.
    static func check(_ path: String, logger: Logger, requireTable: String? = nil) async throws {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        do {
            let rows = try await connection.query("PRAGMA integrity_check", []).get()
            guard rows.first?.column("integrity_check")?.string == "ok" else {
                throw BackupFailure("\(path) is damaged: SQLite's integrity check did not say ok")
            }
            if let table = requireTable {
                let found = try await connection.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(table)]).get()
                guard !found.isEmpty else { throw BackupFailure("\(path) is not a Bouwstenen database") }
            }
            try await connection.close()
        } catch {
            try? await connection.close()
            if error is BackupFailure { throw error }
            throw BackupFailure("\(path) is not a readable SQLite database")
        }
    }

    static func syncFile(_ path: String) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.synchronize()
        try handle.close()
    }

    /// rename(2) is atomic; the directory is synced so the new name survives a power cut.
    static func rename(_ from: String, to: String) throws {
        guard Foundation.rename(from, to) == 0 else { throw BackupFailure("could not rename \(from) to \(to) (errno \(errno))") }
        let directory = URL(fileURLWithPath: to).deletingLastPathComponent().path
        let fd = open(directory, O_RDONLY)
        if fd >= 0 { _ = fsync(fd); close(fd) }
    }
}
