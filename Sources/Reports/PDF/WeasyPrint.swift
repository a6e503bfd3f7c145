import Foundation

/// The PDF, rendered by WeasyPrint (Debian package `weasyprint`) from the print HTML in
/// a subprocess with a time limit. WeasyPrint does paged media properly: page numbers,
/// target-counter in the table of contents, and PDF bookmarks from the headings.
public enum WeasyPrint {
    public enum Failure: Error, Equatable {
        case notInstalled
        case timedOut
        case failed(String)
    }

    /// `WEASYPRINT_BIN`, or `weasyprint` on the PATH (the usual places when none is given).
    public static func executable(environment: [String: String]) -> URL? {
        if let explicit = environment["WEASYPRINT_BIN"], !explicit.isEmpty {
            return FileManager.default.isExecutableFile(atPath: explicit) ? URL(fileURLWithPath: explicit) : nil
        }
        let path = environment["PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let path = "\(directory)/weasyprint"
            if FileManager.default.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
        }
        return nil
    }

    public static func render(_ report: Report, program: URL?, timeout: TimeInterval = 120) async throws -> Data {
        try await render(html: PrintHTML.render(report, style: .inline), program: program, timeout: timeout)
    }

    public static func render(html: String, program: URL?, timeout: TimeInterval) async throws -> Data {
        guard let binary = program else { throw Failure.notInstalled }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bouwstenen-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("rapport.html"), output = directory.appendingPathComponent("rapport.pdf")
        try Data(html.utf8).write(to: input)

        let process = Process()
        process.executableURL = binary
        // PDF/UA-1: a tagged PDF (headings, paragraphs, lists, tables in a structure tree) that
        // a screen reader can follow; the report goes to the ministry. WeasyPrint 57 (Debian 12)
        // calls the variant experimental; the e2e suite checks that pdfinfo reads it as tagged.
        process.arguments = ["--quiet", "--encoding", "utf-8", "--pdf-variant", "pdf/ua-1", input.path, output.path]
        process.currentDirectoryURL = directory
        // A file, not a pipe: a full pipe would block a chatty WeasyPrint until the time limit.
        let log = directory.appendingPathComponent("weasyprint.log")
        try Data().write(to: log)
        let errors = try FileHandle(forWritingTo: log)
        defer { try? errors.close() }
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let timedOut = TimeoutFlag()
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: Failure.failed("\(error)"))
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                if process.isRunning { timedOut.set(); process.terminate() }
            }
        }
        if timedOut.value { throw Failure.timedOut }
        let message = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0, let pdf = try? Data(contentsOf: output), pdf.starts(with: Data("%PDF".utf8)) else {
            throw Failure.failed(message.isEmpty ? "exit \(process.terminationStatus)" : String(message.suffix(2_000)))
        }
        return pdf
    }

    private final class TimeoutFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var flag = false
        func set() { lock.withLock { flag = true } }
        var value: Bool { lock.withLock { flag } }
    }
}
