import Domain
import Fluent
import Vapor

/// Puts a dated summary of the coverage or the observations into step 3 ("Wat hebben we
/// bereikt?") of a bouwblad's newest cycle, as plain text the writer can then shape.
/// Appended with a revision, like any other save of the step.
struct EvidenceController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(Paths.coalition(.param).activiteiten.evidence, use: insert)
    }

    /// The bouwbladen whose newest cycle is still open, for the select on the coverage
    /// and observations pages. Empty for someone who may not edit bouwbladen.
    static func targets(_ req: Request, _ tenant: Tenant) async throws -> [(value: String, label: String)] {
        guard tenant.role.canEditBouwblad() else { return [] }
        let bladen = try await ActiviteitenStore(tenant, on: req.db).bouwbladen()
        let catalog = try await req.formatCatalog()
        return try bladen.map { (try $0.requireID().uuidString, String(catalog.name(of: $0).prefix(110))) }.sorted { $0.label < $1.label }
    }

    func insert(req: Request) async throws -> Response {
        let access = try await ActivityAccess.load(req)
        let form = try req.form(EvidenceInsertForm.self)
        let period = DateRange(from: IsoDate(form.van ?? "") ?? req.today, to: IsoDate(form.tot ?? "") ?? req.today) ?? DateRange.schoolYear(containing: req.today)
        let summary: String
        switch form.kind {
        case "dekking":
            let (coverage, names) = try await CoverageController.compute(req, access, period: period)
            summary = coverage.summary(locationNames: names, period: period, today: req.today)
        case "observaties":
            summary = try await Self.observationSummary(req, access, period: period)
        default:
            throw Abort(.badRequest)
        }
        return try await Self.insert(req, bouwblad: form.bouwblad, summary: summary)
    }

    /// Appends `summary` to step 3 of the bouwblad's open cycle; a 422 page when no bouwblad
    /// was chosen or its newest cycle is closed.
    static func insert(_ req: Request, bouwblad: String?, summary: String) async throws -> Response {
        guard let id = UUID(uuidString: bouwblad ?? "") else {
            throw UserProblem(status: .unprocessableEntity, title: "Kies een bouwblad", message: "Kies het bouwblad waarin het overzicht moet komen. Er is niets veranderd.")
        }
        req.parameters.set("bouwbladID", to: id.uuidString)
        let context = try await BouwbladContext.load(req)
        try context.requireEdit()
        guard let cycle = context.newest, cycle.closedAt == nil else {
            throw UserProblem(status: .unprocessableEntity, title: "Deze cyclus is afgerond",
                              message: "De nieuwste cyclus van dit bouwblad is afgerond. Begin eerst een nieuwe cyclus. Er is niets veranderd.")
        }
        // Someone may save step 3 in between: the summary is then added to their text.
        _ = try await StepWriter.save(req, context, cycle: cycle, step: .bereikt,
                                      flash: "Het overzicht staat nu in stap 3 van cyclus \(cycle.number). Pas de tekst gerust aan.") { before, _ in
            let after = before.isEmpty ? summary : before + "\n\n" + summary
            guard after.count <= CycleStep.maxLength else {
                throw UserProblem(status: .unprocessableEntity, title: "Stap 3 is te lang", message: "Met dit overzicht erbij wordt stap 3 te lang. Maak de tekst eerst korter. Er is niets veranderd.")
            }
            return .write(after)
        }
        return .seeOther(context.paths.path + "#stap-\(try cycle.requireID())-bereikt")
    }

    static func observationSummary(_ req: Request, _ access: ActivityAccess, period: DateRange) async throws -> String {
        let book = access.book(req.db)
        let activities = try await book.unsortedActivities(access.visible)
        let domainOf = Dictionary(uniqueKeysWithValues: try activities.map { (try $0.requireID(), $0.domain) })
        let sessions = try await book.heldSessions(of: Array(domainOf.keys), during: period)
        let held = sessions.filter { ($0.isoDate ?? req.today) <= req.today }
        func line(_ label: String, _ group: [ActivitySessionRecord]) -> String {
            func avg(_ scale: LeuvenScale) -> String {
                let values = group.compactMap { $0.observation(scale)?.average }
                return values.isEmpty ? "geen observaties" : "gemiddeld \(ObservationChart.format(values.reduce(0, +) / Double(values.count)))"
            }
            return "- \(label): betrokkenheid \(avg(.betrokkenheid)), welbevinden \(avg(.welbevinden)); \(group.filter(\.isObserved).count) van \(group.count) sessies geobserveerd"
        }
        var lines = ["Observaties met de Leuvense schalen (1 tot 5), \(period.label) (stand van \(req.today.label)):", "", line("Alle activiteiten", held)]
        for domain in access.settings.domains {
            let group = held.filter { domainOf[$0.activityID] == domain }
            if !group.isEmpty { lines.append(line(domain, group)) }
        }
        return lines.joined(separator: "\n")
    }
}

/// "Zet in stap 3": which overview (`kind`), over which period, into which bouwblad.
struct EvidenceInsertForm: Codable {
    enum CodingKeys: String, CodingKey, FieldName { case bouwblad, kind, van, tot }
    var bouwblad, kind, van, tot: String?
}
