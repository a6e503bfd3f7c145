import Domain
import Fluent
import Foundation
import Vapor

/// Import of an Excel activity book (CSV) with a preview, and export of activities and
/// sessions as CSV that Dutch Excel opens directly.
struct ImportExportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let activiteiten = Paths.coalition(.param).activiteiten
        routes.access(.bewerker).get(activiteiten.importing, use: form)
        routes.post(activiteiten.importing, use: preview)
        routes.post(activiteiten.confirmImport, use: confirm)
        routes.get(activiteiten.exportActivities, use: exportActivities)
        routes.get(activiteiten.exportSessions, use: exportSessions)
    }

    struct PreviewRow: Encodable { let line: Int; let name: String; let domain: String; let location: String; let partner: String; let when: String; let period: String; let problems: [String]; let ok: Bool }
    struct Page: Encodable {
        let layout: Layout
        let base: String
        let columns: String
        let error: String?
        let rows: [PreviewRow]
        let hasPreview: Bool
        let good: Int
        let bad: Int
        let csv: String
        let fileName: String
    }

    struct Upload: Content {
        var file: File?
    }

    func form(req: Request) async throws -> Response {
        let access = try await importing(req)
        return try await render(req, access, error: nil, rows: [], csv: "", fileName: "")
    }

    /// Reads the file and shows per row what will be created. Nothing is stored yet: the
    /// confirm form carries the text back and it is checked again.
    func preview(req: Request) async throws -> Response {
        let access = try await importing(req)
        let upload = try? req.content.decode(Upload.self)
        guard let file = upload?.file, file.data.readableBytes > 0 else {
            return try await render(req, access, error: "Kies een CSV-bestand om in te lezen.", rows: [], csv: "", fileName: "", status: .unprocessableEntity)
        }
        guard let text = file.data.getString(at: file.data.readerIndex, length: file.data.readableBytes, encoding: .utf8) else {
            return try await render(req, access, error: "Dit bestand kunnen we niet lezen. Sla het in Excel op als ‘CSV UTF-8 (door lijstscheidingsteken gescheiden)’ en probeer het opnieuw.",
                                    rows: [], csv: "", fileName: file.filename, status: .unprocessableEntity)
        }
        return try await previewText(req, access, text, fileName: file.filename)
    }

    func confirm(req: Request) async throws -> Response {
        let access = try await importing(req)
        let form = try req.form(ImportConfirmForm.self)
        let fileName = form.fileName ?? ""
        // The preview carries the file as base64, so no browser changes its line ends.
        guard let data = Data(base64Encoded: form.csv ?? ""), let text = String(data: data, encoding: .utf8) else { throw Abort(.badRequest) }
        let lookups = try await Lookups.load(req, access)
        guard case .success(let rows) = ActivityImport.parse(text, locations: lookups.locations, partners: lookups.partners, domains: access.settings.domains) else {
            return try await previewText(req, access, text, fileName: fileName)
        }
        let good = rows.filter { $0.isValid && access.mayUse(location: UUID(uuidString: $0.locationID ?? "") ?? UUID()) }
        guard !good.isEmpty else { return try await previewText(req, access, text, fileName: fileName) }
        // All good rows in one transaction: the import happens completely or not at all.
        try await req.db.transaction { db in
            for row in good {
                let a = ActivityRecord()
                a.name = row.name
                a.domain = row.domain
                a.locationID = UUID(uuidString: row.locationID!)!
                a.partnerID = row.partnerID.flatMap(UUID.init(uuidString:))
                a.weekdays = row.weekdays.map { String($0.rawValue) }.joined(separator: ",")
                a.startTime = row.slot?.start.text
                a.endTime = row.slot?.end.text
                a.startsOn = row.period!.from.iso
                a.endsOn = row.period!.to.iso
                a.yearGroups = row.yearGroups?.stored ?? ""
                a.goals = ""
                a.inSchool = true
                a.vierOgen = true
                a.contactBeforeAfter = true
                a.schoolPresent = ""
                a.status = .concept
                a.version = 1
                try await access.book(db).add(a)
            }
        }
        let skipped = rows.count - good.count
        try await req.flash("\(good.count) activiteiten ingelezen als concept.\(skipped > 0 ? " \(skipped) rijen met fouten zijn overgeslagen." : "") Vul per activiteit de veiligheidsafspraken en de vooraf-check in.")
        return .seeOther(access.base)
    }

    private func previewText(_ req: Request, _ access: ActivityAccess, _ text: String, fileName: String) async throws -> Response {
        let lookups = try await Lookups.load(req, access)
        switch ActivityImport.parse(text, locations: lookups.locations, partners: lookups.partners, domains: access.settings.domains) {
        case .failure(let failure):
            let message: String
            switch failure {
            case .empty: message = "Dit bestand is leeg, of heeft alleen een kopregel."
            case .missingColumns(let names): message = "Deze kolommen ontbreken in de eerste regel: \(names.joined(separator: ", ")). Gebruik de kolomnamen hieronder."
            case .tooManyRows(let n): message = "Dit bestand heeft \(n) rijen. Lees hoogstens \(ActivityImport.maxRows) rijen tegelijk in."
            }
            return try await render(req, access, error: message, rows: [], csv: "", fileName: fileName, status: .unprocessableEntity)
        case .success(let rows):
            let preview = rows.map { row -> PreviewRow in
                var problems = row.problems
                if let id = row.locationID.flatMap(UUID.init(uuidString:)), !access.mayUse(location: id) {
                    problems.append("Je bent geen coördinator van deze locatie.")
                }
                return PreviewRow(
                    line: row.line, name: row.name, domain: row.domain, location: row.locationID.flatMap { lookups.locations[$0] } ?? "—",
                    partner: row.partnerID.flatMap { lookups.partners[$0] } ?? "School zelf",
                    when: [row.weekdays.map(\.name).joined(separator: " en "), row.slot?.label ?? ""].filter { !$0.isEmpty }.joined(separator: ", ").ifEmpty("—"),
                    period: row.period?.label ?? "—", problems: problems, ok: problems.isEmpty)
            }
            return try await render(req, access, error: nil, rows: preview, csv: text, fileName: fileName)
        }
    }

    private func render(_ req: Request, _ access: ActivityAccess, error: String?, rows: [PreviewRow], csv: String, fileName: String, status: HTTPStatus = .ok) async throws -> Response {
        let good = rows.filter(\.ok).count
        return try await req.page("activiteiten/import", title: "Activiteiten importeren", current: .activiteiten, status: status) { layout in
            Page(
                layout: layout, base: access.base,
                columns: ActivityImport.columns.joined(separator: "; "), error: error, rows: rows, hasPreview: !rows.isEmpty,
                good: good, bad: rows.count - good, csv: Data(csv.utf8).base64EncodedString(), fileName: fileName)
        }
    }

    private func importing(_ req: Request) async throws -> ActivityAccess {
        let access = try await ActivityAccess.load(req)
        guard access.canCreate else { throw Abort(.forbidden) }
        return access
    }

    struct Lookups {
        let locations: [String: String]
        let partners: [String: String]
        static func load(_ req: Request, _ access: ActivityAccess) async throws -> Lookups {
            let places = access.places(req.db)
            return Lookups(
                locations: Dictionary(uniqueKeysWithValues: try await places.locations().map { (try $0.requireID().uuidString, $0.name) }),
                partners: Dictionary(uniqueKeysWithValues: try await places.partners().map { (try $0.requireID().uuidString, $0.name) }))
        }
    }

    // MARK: export

    func exportActivities(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        let lookups = try await Lookups.load(req, access)
        let activities = try await access.book(req.db).activities(access.visible)
        var rows = [["activiteit", "domein", "locatie", "aanbieder", "dag", "tijd", "groepen", "periode", "hoogstens", "status", "vooraf-check", "doelen"]]
        for a in activities {
            rows.append([
                a.name, a.domain, lookups.locations[a.locationID.uuidString] ?? "", a.partnerID.flatMap { lookups.partners[$0.uuidString] } ?? "",
                a.days.map(\.name).joined(separator: "/"), a.slot.map { "\($0.start.text)-\($0.end.text)" } ?? "",
                a.groups.map { $0.groups.count > 1 && $0.groups.last! - $0.groups.first! == $0.groups.count - 1 ? "\($0.groups.first!)-\($0.groups.last!)" : $0.stored } ?? "",
                a.period.map { "\($0.from.iso) t/m \($0.to.iso)" } ?? "", a.maxGroupSize.map(String.init) ?? "", a.status.label,
                a.checkAt == nil ? "nee" : "ja", a.goals,
            ])
        }
        return csv(CSV.write(rows), name: "activiteiten-\(access.slug)-\(req.today.iso).csv")
    }

    /// Sessions without incident descriptions: those can be about a child and stay in the app.
    func exportSessions(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        let lookups = try await Lookups.load(req, access)
        let book = access.book(req.db)
        let activities = try await book.unsortedActivities(access.visible)
        let byID = Dictionary(uniqueKeysWithValues: try activities.map { (try $0.requireID(), $0) })
        let sessions = try await book.sessions(of: Array(byID.keys), sortedByDate: true)
        var rows = [["activiteit", "locatie", "domein", "datum", "gaat door", "aanwezig", "wat ging goed", "wat kan beter", "incident",
                     "betrokkenheid (gemiddeld)", "welbevinden (gemiddeld)"]]
        for s in sessions {
            guard let a = byID[s.activityID] else { continue }
            rows.append([
                a.name, lookups.locations[a.locationID.uuidString] ?? "", a.domain, s.date, s.cancelled ? "nee" : "ja",
                s.pupils.map(String.init) ?? "", s.wentWell, s.improve, s.incident ? (s.incidentHandledAt == nil ? "ja, open" : "ja, afgehandeld") : "nee",
                s.observation(.betrokkenheid)?.average.map(ObservationChart.format) ?? "", s.observation(.welbevinden)?.average.map(ObservationChart.format) ?? "",
            ])
        }
        return csv(CSV.write(rows), name: "sessies-\(access.slug)-\(req.today.iso).csv")
    }

    private func csv(_ text: String, name: String) -> Response { .csv(text, name: name) }
}

/// The preview's "Inlezen" button: the checked file again (base64) and its name.
struct ImportConfirmForm: Codable {
    enum CodingKeys: String, CodingKey, FieldName { case csv, fileName }
    var csv, fileName: String?
}
