import Domain
import Fluent
import Foundation
import Vapor

/// `/c/{slug}/vragenlijsten/{id}/importeren`: answers exported from Microsoft Forms or Google
/// Forms. The file is read at once (names and e-mail addresses dropped), kept as a pending
/// import, and shown column by column with the question each will fill; only "inlezen"
/// adds the responses, all in one transaction.
struct ImportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let one = Paths.coalition(.param).vragenlijsten.vragenlijst(.param)
        routes.get(one.importing, use: form)
        routes.on(.POST, one.importing.components, body: .collect(maxSize: ByteCount(integerLiteral: Limits.upload)), use: upload)
        routes.get(one.pendingImport(.param), use: preview)
        routes.post(one.pendingImport(.param), use: confirm)
    }

    struct FormPage: Encodable { let layout: Layout; let back: String; let title: String; let action: String; let error: String? }

    func form(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.making(req)
        let q = try await access.changeable(req)
        return try await formPage(req, access, q, error: nil)
    }

    func formPage(_ req: Request, _ access: VragenlijstAccess, _ q: QuestionnaireRecord, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let paths = access.paths.vragenlijst(try q.requireID())
        return try await req.page("vragenlijsten/import", title: "Antwoorden importeren", current: .vragenlijsten, status: status) { layout in
            FormPage(layout: layout, back: paths.path, title: q.title, action: paths.importing.path, error: error)
        }
    }

    struct Upload: Content { var file: File? }

    func upload(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.making(req)
        let q = try await access.changeable(req)
        guard let file = (try? req.content.decode(Upload.self))?.file, file.data.readableBytes > 0 else {
            return try await formPage(req, access, q, error: "Kies het bestand met de antwoorden.", status: .unprocessableEntity)
        }
        let data = Data(file.data.readableBytesView)
        let rows: [[String]]
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            do { rows = try XLSXReader.rows(data) } catch {
                return try await formPage(req, access, q, error: "Dit Excel-bestand kunnen we niet lezen. Download de antwoorden opnieuw uit Forms (‘Openen in Excel’) en probeer het nog eens.", status: .unprocessableEntity)
            }
        } else if let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) {
            rows = CSV.read(text)
        } else {
            return try await formPage(req, access, q, error: "Dit bestand is geen Excel- of CSV-bestand.", status: .unprocessableEntity)
        }
        let table: FormsImport.Table
        switch FormsImport.read(rows) {
        case .success(let read): table = read
        case .failure(.empty): return try await formPage(req, access, q, error: "Er staan geen antwoorden in dit bestand, alleen een kopregel of niets.", status: .unprocessableEntity)
        case .failure(.tooManyRows(let n)): return try await formPage(req, access, q, error: "Dit bestand heeft \(n) antwoorden. Lees er hoogstens \(FormsImport.maxRows) tegelijk in.", status: .unprocessableEntity)
        case .failure(.tooManyColumns(let n)): return try await formPage(req, access, q, error: "Dit bestand heeft \(n) kolommen; meer dan \(FormsImport.maxColumns) lezen we niet in.", status: .unprocessableEntity)
        }
        let pending = QuestionnaireImportRecord(coalitionID: access.tenant.coalitionID, questionnaireID: try q.requireID(),
                                                fileName: String(file.filename.prefix(200)), table)
        try await access.store(req.db).add(pending, now: req.now)
        return .seeOther(access.paths.vragenlijst(try q.requireID()).pendingImport(try pending.requireID()).path)
    }

    // MARK: preview and confirm

    typealias Choice = SelectOption
    struct ColumnRow: Encodable { let id: String; let name: String; let header: String; let examples: String; let options: [Choice]; let misfits: String? }
    struct PreviewPage: Encodable {
        let layout: Layout
        let back: String
        let title: String
        let fileName: String
        let source: String
        let rows: Int
        let answered: Int
        let dropped: String?
        let columns: [ColumnRow]
        let locations: [Choice]
        let hasLocations: Bool
        let action: String
        let restart: String
    }

    func preview(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.making(req)
        let q = try await access.changeable(req)
        let pending = try await Self.pending(req, access, q)
        let table = pending.table
        var mapping: [Int: String] = [:]
        for (index, column) in table.columns.enumerated() { mapping[index] = FormsImport.match(column.header, in: q.questionList.questions) }
        return try await previewPage(req, access, q, pending, table, mapping: mapping, location: nil)
    }

    static func pending(_ req: Request, _ access: VragenlijstAccess, _ q: QuestionnaireRecord) async throws -> QuestionnaireImportRecord {
        guard let id = req.parameters.get("importID", as: UUID.self),
              let pending = try await access.store(req.db).pendingImport(id, of: q.requireID()) else { throw Abort(.notFound) }
        return pending
    }

    func previewPage(_ req: Request, _ access: VragenlijstAccess, _ q: QuestionnaireRecord, _ pending: QuestionnaireImportRecord, _ table: FormsImport.Table,
                     mapping: [Int: String], location: UUID?) async throws -> Response {
        let list = q.questionList
        let (answers, misfits) = FormsImport.responses(table, mapping: mapping, questions: list)
        let locations = try await PlacesStore(access.tenant, on: req.db).locations()
        let paths = access.paths.vragenlijst(try q.requireID())
        let columns = table.columns.enumerated().map { index, column in
            let examples = column.values.lazy.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.prefix(3).map { String($0.prefix(60)) }.joined(separator: " · ")
            return ColumnRow(id: "f-kolom-\(index)", name: "kolom-\(index)", header: column.header, examples: examples.isEmpty ? "—" : examples,
                             options: [Choice(value: "", label: "Niet inlezen", selected: mapping[index] == nil)]
                                + list.answerable.map { Choice(value: $0.id, label: $0.text, selected: mapping[index] == $0.id) },
                             misfits: misfits[index].map { "\($0) antwoorden passen niet bij deze vraag en worden overgeslagen." })
        }
        return try await req.page("vragenlijsten/importpreview", title: "Antwoorden importeren", current: .vragenlijsten) { layout in
            PreviewPage(layout: layout, back: paths.path, title: q.title, fileName: pending.fileName, source: table.source.label, rows: table.rowCount,
                        answered: answers.filter { !$0.values.isEmpty }.count,
                        dropped: table.dropped.isEmpty ? nil : table.dropped.joined(separator: ", "),
                        columns: columns,
                        locations: [Choice(value: "", label: "Geen locatie", selected: location == nil)] + locations.compactMap { l in
                            l.id.map { Choice(value: $0.uuidString, label: l.name, selected: $0 == location) }
                        },
                        hasLocations: !locations.isEmpty, action: paths.pendingImport(try pending.requireID()).path, restart: paths.importing.path)
        }
    }

    func confirm(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.making(req)
        let q = try await access.changeable(req)
        let pending = try await Self.pending(req, access, q)
        let table = pending.table
        guard let body = req.body.string, req.headers.contentType == .urlEncodedForm else { throw Abort(.unsupportedMediaType) }
        let fields = Dictionary(Request.pairs(body), uniquingKeysWith: { first, _ in first })
        let list = q.questionList
        var mapping: [Int: String] = [:]
        for index in table.columns.indices {
            if let id = fields["kolom-\(index)"], !id.isEmpty {
                guard list.question(id)?.kind.isAnswerable == true else { throw Abort(.badRequest) }
                mapping[index] = id
            }
        }
        var location: UUID?
        if let raw = fields["locatie"], !raw.isEmpty {
            guard let id = UUID(uuidString: raw), try await PlacesStore(access.tenant, on: req.db).location(id) != nil else { throw Abort(.badRequest) }
            location = id
        }
        guard fields["actie"] == "inlezen" else {
            return try await previewPage(req, access, q, pending, table, mapping: mapping, location: location)
        }
        let (answers, _) = FormsImport.responses(table, mapping: mapping, questions: list)
        let id = try q.requireID(), today = req.today
        let records = zip(answers, table.days).filter { !$0.0.values.isEmpty }.map { answer, day in
            QuestionnaireResponseRecord(coalitionID: access.tenant.coalitionID, questionnaireID: id, locationID: location, activityID: nil, yearGroup: nil,
                                        device: nil, answers: answer, submittedOn: (day ?? today).iso, source: "import")
        }
        guard !records.isEmpty else {
            try await req.flash("Geen enkel antwoord past bij een vraag. Kies bij de kolommen welke vraag ze beantwoorden.")
            return .seeOther(access.paths.vragenlijst(id).pendingImport(try pending.requireID()).path)
        }
        try await req.db.writeTransaction { db in
            try await VragenlijstenStore(access.tenant, on: db).confirm(pending, responses: records)
        }
        try await req.flash("\(records.count) antwoorden zijn ingelezen. Namen en e-mailadressen uit het bestand zijn niet bewaard.")
        return .seeOther(access.paths.vragenlijst(id).results.path)
    }
}
