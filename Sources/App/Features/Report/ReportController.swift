import Domain
import Fluent
import Reports
import Vapor

/// `/c/{slug}/rapport`: settings, completeness check, exports and frozen versions.
struct ReportController: RouteCollection {
    static let titleMax = 200
    static let introductionMax = 20_000

    func boot(routes: any RoutesBuilder) throws {
        let report = Paths.coalition(.param).rapport
        routes.get(report.address, use: show)
        routes.post(report.address, use: saveSettings)
        routes.get(report.printView, use: printView)
        routes.get(report.docx, use: docx)
        routes.get(report.pdf, use: pdf)
        routes.post(report.freeze, use: freeze)
        routes.get(report.version(.param, file: .param), use: download)
    }

    func show(req: Request) async throws -> Response {
        try await ReportPage.render(req, data: try await load(req))
    }

    func printView(req: Request) async throws -> Response {
        let data = try await load(req)
        let report = try ReportBuilder.build(data, isConcept: !(try Completeness(data, slug: req.tenant.coalition.slug).isComplete), today: req.now)
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(string: PrintHTML.render(report, style: .linked(Paths.reportStyle.path), backHref: Paths.coalition(try req.tenant.coalition.slug).rapport.path)))
    }

    func docx(req: Request) async throws -> Response {
        let (data, isConcept) = try await loadForExport(req)
        let bytes = try DocxWriter.write(ReportBuilder.build(data, isConcept: isConcept, today: req.now))
        return Self.file(bytes, type: Self.docxType, name: Self.fileName(data, "docx"))
    }

    func pdf(req: Request) async throws -> Response {
        let (data, isConcept) = try await loadForExport(req)
        do {
            let bytes = try await req.renderPDF(ReportBuilder.build(data, isConcept: isConcept, today: req.now))
            return Self.file(bytes, type: HTTPMediaType(type: "application", subType: "pdf"), name: Self.fileName(data, "pdf"))
        } catch let failure as WeasyPrint.Failure {
            req.logger.error("PDF failed: \(failure)")
            let message = failure == .notInstalled
                ? "Op deze server kan Bouwstenen geen PDF maken: het programma WeasyPrint is niet geïnstalleerd. Het Word-bestand en de afdrukversie werken wel."
                : "Het maken van de PDF is niet gelukt. Probeer het later nog eens, of gebruik het Word-bestand of de afdrukversie."
            throw UserProblem(status: .serviceUnavailable, title: "PDF maken lukt nu niet", message: message)
        }
    }

    func saveSettings(req: Request) async throws -> Response {
        let tenant = try req.require { $0 == .projectleider }
        let data = try await load(req)
        let edit = try req.form(Edit<ReportSettingsForm>.self), periodForm = try req.form(PeriodForm.self)
        guard let input = ReportSettingsInput(edit, period: periodForm, data: data) else {
            throw Abort(.badRequest)
        }
        guard input.errors.isEmpty, let period = input.period else {
            let typed = FormState(edit.form).values.merging(FormState(periodForm).values) { a, _ in a }
            return try await ReportPage.render(req, data: data, form: FormState(values: typed, errors: input.errors),
                                               checked: (Set(edit.form.extras ?? []), Set(edit.form.cycles ?? [])), status: .unprocessableEntity)
        }
        let userID = try req.requireUser().requireID()
        let choices = try input.choices(data: data, period: period)
        try await req.db.transaction { db in
            let saved = try await ReportStore(tenant, on: db).saveSettings(input, period: period, existing: data.settings, choices: choices, by: userID, now: req.now)
            guard saved else { throw Abort(.conflict) }
        }
        try await req.flash("De instellingen van het rapport zijn opgeslagen.")
        return .seeOther(Paths.coalition(tenant.coalition.slug).rapport.path)
    }

    /// Stores the DOCX and the PDF exactly as exported now; a version is never changed.
    /// Unchanged since the newest version (same DOCX bytes): no new version. The check and
    /// the insert hold the coalition's lock, so four quick clicks make one version.
    func freeze(req: Request) async throws -> Response {
        let tenant = try req.require { $0 == .projectleider }
        let (data, isConcept) = try await loadForExport(req)
        let report = try ReportBuilder.build(data, isConcept: isConcept, today: req.now)
        let docx = try DocxWriter.write(report)
        let pdf: Data?
        do { pdf = try await req.renderPDF(report) } catch let problem as UserProblem { throw problem } catch { pdf = nil }
        let user = try req.requireUser()
        let userID = try user.requireID(), userName = user.name, coalitionID = tenant.coalitionID
        let docxSHA256 = Tokens.sha256(docx)
        let outcome = try await req.db.writeTransaction { db -> (number: Int, isNew: Bool) in
            try await db.lockCoalition(coalitionID)
            let store = ReportStore(coalitionID: coalitionID, on: db)
            let last = try await store.newestVersion()
            if let last, last.docxSHA256 == docxSHA256 { return (last.number, false) }
            let version = ReportVersionRecord()
            version.number = (last?.number ?? 0) + 1
            version.title = report.title
            version.isConcept = isConcept
            version.docx = docx
            version.docxSHA256 = docxSHA256
            version.pdf = pdf
            version.pdfSHA256 = pdf.map { Tokens.sha256($0) }
            version.createdBy = userID
            version.createdByName = userName
            version.createdAt = req.now
            try await store.add(version)
            return (version.number, true)
        }
        let message = outcome.isNew
            ? "Versie \(outcome.number) van het rapport is vastgezet." + (pdf == nil ? " Er is alleen een Word-bestand bewaard: PDF maken lukte niet." : "")
            : "Het rapport is niet veranderd sinds versie \(outcome.number). Er is geen nieuwe versie gemaakt."
        try await req.flash(message)
        return .seeOther(Paths.coalition(tenant.coalition.slug).rapport.path + "#versies")
    }

    func download(req: Request) async throws -> Response {
        let tenant = try req.tenant
        guard let id = req.parameters.get("versionID", as: UUID.self), let file = req.parameters.get("file"),
              let version = try await ReportStore(tenant, on: req.db).version(id)
        else { throw Abort(.notFound) }
        let name = "kwaliteitsrapport-\(tenant.coalition.slug)-versie-\(version.number)"
        switch file {
        case "rapport.docx": return Self.file(version.docx, type: Self.docxType, name: name + ".docx")
        case "rapport.pdf":
            guard let pdf = version.pdf else { throw Abort(.notFound) }
            return Self.file(pdf, type: HTTPMediaType(type: "application", subType: "pdf"), name: name + ".pdf")
        default: throw Abort(.notFound)
        }
    }

    // MARK: helpers

    static let docxType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document")

    private func load(_ req: Request) async throws -> ReportData {
        try await ReportStore(req.tenant, on: req.db).data(of: req.tenant.coalition, catalog: req.formatCatalog(), today: req.today)
    }

    private func loadForExport(_ req: Request) async throws -> (ReportData, Bool) {
        let data = try await load(req)
        return (data, !(try Completeness(data, slug: req.tenant.coalition.slug).isComplete))
    }

    static func fileName(_ data: ReportData, _ ext: String) -> String {
        "kwaliteitsrapport-\(data.coalition.slug)-\(data.coalition.periodStart)-\(data.coalition.periodEnd).\(ext)"
    }

    static func file(_ bytes: Data, type: HTTPMediaType, name: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: bytes))
    }
}
