import Domain
import Fluent
import Vapor

/// `/c/{slug}/bouwbladen/{id}/geschiedenis`: every saved change, with a readable
/// diff, and a way to put an earlier text back (which is itself a new revision).
struct HistoryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let bouwblad = Paths.coalition(.param).bouwblad(.param)
        routes.get(bouwblad.history, use: show)
        routes.post(bouwblad.restore(.param), use: restore)
    }

    struct Segment: Encodable { let text: String; let added: Bool; let removed: Bool }
    struct Entry: Encodable {
        let id: String
        let what: String
        let who: String
        let when: String
        let segments: [Segment]
        let restoreAction: String?
    }
    struct Page: Encodable { let layout: Layout; let backHref: String; let title: String; let entries: [Entry]; let hasEntries: Bool; let canEdit: Bool }

    func show(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        let store = context.store(req.db)
        let revisions = try await store.revisions(of: context.bouwblad.requireID())
        let names = try await store.names(of: Set(revisions.map(\.userID)))
        let cycleNumbers = Dictionary(uniqueKeysWithValues: try context.cycles.map { (try $0.requireID(), $0.number) })
        let canEdit = context.canEdit
        let entries = try revisions.map { revision -> Entry in
            Entry(
                id: (try revision.requireID()).uuidString, what: Self.describe(revision.field, cycle: revision.cycleID.flatMap { cycleNumbers[$0] }),
                who: names[revision.userID] ?? "onbekend",
                when: "\(DutchDate.dayMonthYear(revision.createdAt)) om \(DutchDate.time(revision.createdAt))",
                segments: TextDiff.words(from: revision.before, to: revision.after).map {
                    Segment(text: $0.text, added: $0.kind == .added, removed: $0.kind == .removed)
                },
                restoreAction: canEdit && revision.cycleID != nil && CycleStep(rawValue: revision.field) != nil
                    ? context.paths.restore(try revision.requireID()).path : nil)
        }
        return try await req.page("bouwbladen/history", title: "Geschiedenis", current: .start) { layout in
            Page(
                layout: layout, backHref: context.base,
                title: context.bouwblad.title.isEmpty ? context.questionText : context.bouwblad.title,
                entries: entries, hasEntries: !entries.isEmpty, canEdit: canEdit)
        }
    }

    func restore(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        try context.requireEdit()
        guard let id = req.parameters.get("revisionID", as: UUID.self),
              let revision = try await context.store(req.db).revision(id, of: context.bouwblad.requireID()),
              let step = CycleStep(rawValue: revision.field),
              let cycle = context.cycles.first(where: { $0.id == revision.cycleID })
        else { throw Abort(.notFound) }
        // Restoring is a deliberate choice of text; what it replaces stays in the history.
        _ = try await StepWriter.save(req, context, cycle: cycle, step: step,
                                      flash: "De tekst van stap \(step.number) van cyclus \(cycle.number) is teruggezet.") { _, _ in .write(revision.after) }
        return .seeOther(context.base + "#stap-\(try cycle.requireID())-\(step.rawValue)")
    }

    static func describe(_ field: String, cycle: Int?) -> String {
        if let step = CycleStep(rawValue: field), let cycle { return "Cyclus \(cycle), stap \(step.number) – \(step.title)" }
        if field == "title" { return "Titel van het bouwblad" }
        if field == "doel" { return cycle.map { "Cyclus \($0), een doel" } ?? "Een doel" }
        if field == "actie" { return cycle.map { "Cyclus \($0), een actie" } ?? "Een actie" }
        return field
    }
}
