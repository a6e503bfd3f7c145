import Fluent
import Reports
import Vapor

/// `bouwstenen report --coalition SLUG --format docx|pdf|html --out FILE`: the same report
/// as the "Rapport" page, for operators and scripts.
struct ReportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "coalition", help: "The coalition's slug, as in /c/SLUG/")
        var coalition: String?
        @Option(name: "format", help: "docx, pdf or html")
        var format: String?
        @Option(name: "out", help: "The file to write")
        var out: String?
    }

    var help: String { "Writes the kwaliteitsrapport of a coalition as DOCX, PDF or HTML." }

    enum Failure: Error, CustomStringConvertible {
        case usage(String)
        var description: String { switch self { case .usage(let text): return text } }
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let slug = signature.coalition, let out = signature.out,
              let format = signature.format, ["docx", "pdf", "html"].contains(format) else {
            throw Failure.usage("usage: bouwstenen report --coalition SLUG --format docx|pdf|html --out FILE")
        }
        let app = context.application
        guard let coalition = try await CoalitionRecord.query(on: app.db).filter(\.$slug == slug).first() else {
            throw Failure.usage("no coalition with slug '\(slug)'")
        }
        let data = try await ReportStore(coalitionID: coalition.requireID(), on: app.db).data(of: coalition, catalog: FormatCatalog.load(on: app.db), today: app.clock.today)
        let report = try ReportBuilder.build(data, isConcept: !(try Completeness(data, slug: slug).isComplete), today: app.clock.now)
        let bytes: Data
        switch format {
        case "docx": bytes = try DocxWriter.write(report)
        case "pdf": bytes = try await WeasyPrint.render(report, program: app.appConfig.weasyprint)
        default: bytes = Data(PrintHTML.render(report, style: .inline).utf8)
        }
        try bytes.write(to: URL(fileURLWithPath: out), options: .atomic)
        context.console.print("\(out): \(bytes.count) bytes\(report.isConcept ? " (concept)" : "")")
    }
}
