import Domain
import Fluent
import Vapor

/// Links between bouwstenen as both sides show them, in the coalition's own words, with
/// the cycle they belong to on both sides.
struct Links {
    struct View: Encodable { let kind: String; let other: String; let href: String?; let note: String?; let cycle: String?; let deleteAction: String? }

    let outgoing: [View]
    let incoming: [View]

    /// Both sides of the bouwblad page's links, from the links that touch it. `cycleNumbers`
    /// holds the numbers of the cycles the links belong to (this bouwblad's and others').
    static func build(_ context: BouwbladContext, _ links: [LinkRecord], catalog: FormatCatalog, bouwbladen: [BouwbladRecord],
                      cycleNumbers: [UUID: Int], canEdit: Bool) throws -> Links {
        let me = context.bouwblad
        let byID = Dictionary(uniqueKeysWithValues: try bouwbladen.map { (try $0.requireID(), $0) })
        let coalition = Paths.coalition(context.tenant.coalition.slug)
        var outgoing: [View] = [], incoming: [View] = []
        for link in links {
            let cycle = link.cycleID.flatMap { cycleNumbers[$0] }.map { "cyclus \($0)" }
            let note = link.note.isEmpty ? nil : link.note
            if link.bouwbladID == me.id {
                let target = link.targetBouwsteenID.flatMap { catalog.bouwsteen(id: $0) }
                let targetBouwblad = link.targetBouwbladID.flatMap { byID[$0] }
                outgoing.append(View(
                    kind: LinkKind.words(link.kind, from: context.bouwsteen.key, to: target?.key),
                    other: name(target: target, bouwblad: targetBouwblad, seenFrom: context.bouwsteen, catalog: catalog),
                    href: try href(target: target, bouwblad: targetBouwblad, coalition), note: note, cycle: cycle,
                    deleteAction: canEdit ? context.paths.removeLink(try link.requireID()).path : nil))
            } else if let source = byID[link.bouwbladID], let from = catalog.bouwsteen(id: source.bouwsteenID) {
                incoming.append(View(
                    kind: LinkKind.words(link.kind, from: context.bouwsteen.key, to: from.key), other: name(source, bouwsteen: from, catalog: catalog),
                    href: coalition.bouwblad(try source.requireID()).path, note: note, cycle: cycle, deleteAction: nil))
            }
        }
        return Links(outgoing: outgoing, incoming: incoming)
    }

    /// Where a link goes, in words: a bouwblad, a bouwsteen (marked when it is the link's
    /// own), or that the coalition left it open.
    static func name(target: FormatCatalog.Bouwsteen?, bouwblad: BouwbladRecord?, seenFrom own: FormatCatalog.Bouwsteen, catalog: FormatCatalog) -> String {
        guard let target else { return openTarget }
        if bouwblad == nil, target.id == own.id { return "\(target.key.name) (deze bouwsteen)" }
        return name(bouwblad, bouwsteen: target, catalog: catalog)
    }

    static let openTarget = "een bouwsteen die nog open is"

    static func href(target: FormatCatalog.Bouwsteen?, bouwblad: BouwbladRecord?, _ coalition: Paths.Coalition) throws -> String? {
        if let bouwblad { return coalition.bouwblad(try bouwblad.requireID()).path }
        return target.map { coalition.bouwsteen($0.key.code).path }
    }

    /// "Meso – Uitvoering: <title or question>", or only the bouwsteen when there is no bouwblad.
    static func name(_ bouwblad: BouwbladRecord?, bouwsteen: FormatCatalog.Bouwsteen, catalog: FormatCatalog) -> String {
        guard let bouwblad else { return bouwsteen.key.name }
        return "\(bouwsteen.key.name): \(label(bouwblad, catalog: catalog))"
    }

    static func label(_ bouwblad: BouwbladRecord, catalog: FormatCatalog) -> String {
        bouwblad.title.isEmpty ? (bouwblad.questionID.flatMap { catalog.question(id: $0)?.1.text } ?? bouwblad.ownQuestion ?? "") : bouwblad.title
    }
}

/// Adding and removing links by hand.
struct LinksController: RouteCollection {
    static let noteMax = 500

    func boot(routes: any RoutesBuilder) throws {
        let bouwblad = Paths.coalition(.param).bouwblad(.param)
        routes.post(bouwblad.links, use: add)
        routes.post(bouwblad.removeLink(.param), use: remove)
    }

    func add(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        try context.requireEdit()
        let form = try req.form(LinkForm.self)
        typealias F = LinkForm.CodingKeys
        var errors = FieldErrors()
        let note = Text.line(form.note, field: F.note, max: Self.noteMax, required: form.target == LinkForm.open, into: &errors) ?? ""
        let kind = LinkKind(rawValue: form.kind ?? "")
        if kind == nil { errors.add(F.kind, (form.kind ?? "").isEmpty ? .required : .unknownChoice) }
        let cycleID = Self.cycle(form.cycle, context, field: F.cycle, into: &errors)
        let target = form.target == LinkForm.open
            ? nil : try await Target.resolve(req, context, form.target, allowOwn: true, field: F.target, into: &errors)
        guard let kind, errors.isEmpty else {
            return try await BouwbladForms.link(req, context, form: FormState(form, errors: errors), status: .unprocessableEntity)
        }
        try await context.store(req.db).add(LinkRecord(
            coalitionID: context.tenant.coalitionID, bouwbladID: context.bouwblad.requireID(), cycleID: cycleID,
            targetBouwsteenID: target?.bouwsteen.id, targetBouwbladID: target?.bouwblad?.id, note: note, kind: kind,
            createdBy: try req.requireUser().requireID()))
        try await req.flash(target.map { "De verbinding met \($0.bouwsteen.key.name) is vastgelegd." } ?? "De verbinding is vastgelegd. De bouwsteen is nog open.")
        return .seeOther(context.base + "#verbindingen")
    }

    /// Which of this bouwblad's cycles the link belongs to; nil for the whole bouwblad, and
    /// nil with an error for anything that is neither.
    private static func cycle(_ raw: String?, _ context: BouwbladContext, field: some FieldName, into errors: inout FieldErrors) -> UUID? {
        let value = raw ?? ""
        if value == LinkForm.wholeBouwblad { return nil }
        if let id = UUID(uuidString: value), context.cycles.contains(where: { $0.id == id }) { return id }
        errors.add(field, value.isEmpty ? .required : .unknownChoice)
        return nil
    }

    func remove(req: Request) async throws -> Response {
        let context = try await BouwbladContext.load(req)
        try context.requireEdit()
        guard let id = req.parameters.get("linkID", as: UUID.self),
              let link = try await context.store(req.db).link(id, from: context.bouwblad.requireID())
        else { throw Abort(.notFound) }
        try await context.store(req.db).remove(link)
        try await req.flash("De verbinding is verwijderd.")
        return .seeOther(context.base + "#verbindingen")
    }
}

/// Where a link or a carried question goes: a bouwsteen, or a bouwblad there.
struct Target {
    let bouwsteen: FormatCatalog.Bouwsteen
    let bouwblad: BouwbladRecord?

    /// Reads "bouwsteen:micro-uitvoering" or "bouwblad:<id>"; never this bouwblad itself, and
    /// its own bouwsteen only when `allowOwn` (a link may stay in its bouwsteen; a carried
    /// question goes elsewhere, the next cycle is the way to stay).
    static func resolve(_ req: Request, _ context: BouwbladContext, _ raw: String?, allowOwn: Bool = false, field: some FieldName, into errors: inout FieldErrors) async throws -> Target? {
        let catalog = try await req.formatCatalog()
        let value = raw ?? ""
        func allowed(_ key: BouwsteenKey) -> Bool { allowOwn || key != context.bouwsteen.key }
        if value.hasPrefix("bouwsteen:"), let key = BouwsteenKey(code: String(value.dropFirst(10))), let bouwsteen = catalog.bouwsteen(key), allowed(key) {
            return Target(bouwsteen: bouwsteen, bouwblad: nil)
        }
        if value.hasPrefix("bouwblad:"), let id = UUID(uuidString: String(value.dropFirst(9))), id != context.bouwblad.id,
           let bouwblad = try await context.store(req.db).bouwblad(id),
           let bouwsteen = catalog.bouwsteen(id: bouwblad.bouwsteenID), allowed(bouwsteen.key) {
            return Target(bouwsteen: bouwsteen, bouwblad: bouwblad)
        }
        errors.add(field, value.isEmpty ? .required : .unknownChoice)
        return nil
    }

    /// The choices for a select: every bouwsteen (its own first, when `includeOwn`), and
    /// the bouwbladen there, never this bouwblad itself.
    static func options(_ context: BouwbladContext, catalog: FormatCatalog, bouwbladen: [BouwbladRecord], includeOwn: Bool = false,
                        onlyClosedBouwbladen: Set<UUID>? = nil) throws -> [(value: String, label: String)] {
        let own = catalog.bouwstenen.filter { $0.key == context.bouwsteen.key }
        let others = catalog.bouwstenen.filter { $0.key != context.bouwsteen.key }
        var options: [(String, String)] = []
        for bouwsteen in (includeOwn ? own : []) + others {
            let isOwn = bouwsteen.key == context.bouwsteen.key
            options.append(("bouwsteen:\(bouwsteen.key.code)", bouwsteen.key.name + (isOwn ? " (deze bouwsteen)" : "")))
            for bouwblad in bouwbladen where bouwblad.bouwsteenID == bouwsteen.id && bouwblad.id != context.bouwblad.id {
                if let allowed = onlyClosedBouwbladen, !allowed.contains(try bouwblad.requireID()) { continue }
                options.append(("bouwblad:\(try bouwblad.requireID())", "   \(bouwsteen.key.name): bouwblad ‘\(Links.label(bouwblad, catalog: catalog).prefix(80))’"))
            }
        }
        return options
    }
}

/// A new link from the bouwblad page: where to (`target`: a bouwsteen, a bouwblad, or
/// `open`), the coalition's word for it (`kind`), the cycle it belongs to (`cycle`: a
/// cycle's id or `bouwblad`) and a note.
struct LinkForm: Codable {
    enum CodingKeys: String, CodingKey, FieldName { case target, kind, cycle, note }
    var target, kind, cycle, note: String?

    static let open = "open"
    static let wholeBouwblad = "bouwblad"
}
