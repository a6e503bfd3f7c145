import Foundation
import Reports
import Vapor

/// Makes report PDFs with WeasyPrint, a few at a time. One WeasyPrint process takes about
/// 80 MB and two seconds, so twelve parallel downloads would start twelve of them. Here at
/// most `concurrency` run; a few more requests wait their turn; beyond that the answer is a
/// Dutch 503 with Retry-After. A report whose print HTML did not change since the last PDF
/// is not rendered again: requests for the same HTML share one render and its result.
actor PDFRenderer {
    let concurrency: Int
    let program: URL?
    let maxWaiting: Int
    private var running = 0
    /// Renders started or waiting for a place.
    private var admitted = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var inFlight: [String: Task<Data, any Error>] = [:]
    /// Newest last; a few recent PDFs, small next to the memory one render takes.
    private var recent: [(key: String, pdf: Data)] = []
    private static let recentLimit = 8

    init(program: URL?, concurrency: Int, maxWaiting: Int = 8) {
        self.program = program
        self.concurrency = concurrency
        self.maxWaiting = maxWaiting
    }

    static let busy = UserProblem(
        status: .serviceUnavailable, title: "Er worden nu veel PDF's gemaakt",
        message: "Op dit moment maken veel mensen tegelijk een PDF. Probeer het over een halve minuut opnieuw. Het Word-bestand en de afdrukversie werken wel meteen.",
        headers: ["Retry-After": "30"])

    func pdf(for report: Report) async throws -> Data {
        let html = PrintHTML.render(report, style: .inline)
        let key = Tokens.sha256(html)
        if let hit = recent.first(where: { $0.key == key }) { return hit.pdf }
        if let shared = inFlight[key] { return try await shared.value }
        guard admitted < concurrency + maxWaiting else { throw Self.busy }
        admitted += 1
        let task = Task { try await self.render(html) }
        inFlight[key] = task
        defer { inFlight[key] = nil; admitted -= 1 }
        let pdf = try await task.value
        recent.removeAll { $0.key == key }
        recent.append((key, pdf))
        if recent.count > Self.recentLimit { recent.removeFirst() }
        return pdf
    }

    private func render(_ html: String) async throws -> Data {
        await acquire()
        defer { release() }
        return try await WeasyPrint.render(html: html, program: program, timeout: 120)
    }

    private func acquire() async {
        if running < concurrency { running += 1; return }
        // Woken by release(), which hands its place over: `running` stays as it is.
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}

extension Request {
    func renderPDF(_ report: Report) async throws -> Data {
        guard let renderer = application.pdfRenderer else { throw Abort(.internalServerError, reason: "PDF renderer not configured") }
        return try await renderer.pdf(for: report)
    }
}

extension Application {
    private struct PDFRendererKey: StorageKey { typealias Value = PDFRenderer }

    /// Set by configure(_:config:).
    var pdfRenderer: PDFRenderer? {
        get { storage[PDFRendererKey.self] }
        set { storage[PDFRendererKey.self] = newValue }
    }
}
