import Domain
import Fluent
import Vapor

/// Links between bouwstenen as both sides show them.
struct Links {
    struct View: Encodable { let direction: String; let other: String; let href: String; let note: String?; let scope: String?; let deleteAction: String? }

    let outgoing: [View]
    let incoming: [View]

    /// Both sides of the bouwblad page's links, from the links that touch it.
    static func build(_ context: BouwbladContext, _ links: [LinkRecord], catalog: FormatCatalog, bouwbladen: [BouwbladRecord], canEdit: Bool) throws -> Links {
        let me = context.bouwblad
        let byID = Dictionary(uniqueKeysWithValues: try bouwbladen.map { (try $0.requireID(), $0) })
        let slug = context.tenant.coalition.slug
        let numbers = Dictionary(uniqueKeysWithValues: try context.cycles.map { (try $0.requireID(), $0.number) })
        func name(_ bouwblad: BouwbladRecord?, bouwsteen: FormatCatalog.Bouwsteen) -> String {
            Links.name(bouwblad, bouwsteen: bouwsteen, catalog: catalog)
        }
        var outgoing: [View] = [], incoming: [View] = []
        for link in links {
            if link.bouwbladID == me.id {
                guard let target = catalog.bouwsteen(id: link.targetBouwsteenID),
                      let direction = Direction(from: context.bouwsteen.key, to: target.key) else { continue }
                let targetBouwblad = link.targetBouwbladID.flatMap { byID[$0] }
                outgoing.append(View(
                    direction: direction.label, other: name(targetBouwblad, bouwsteen: target),
                    href: try targetBouwblad.map { Paths.coalition(slug).bouwblad(try $0.requireID()).path } ?? Paths.coalition(slug).bouwsteen(target.key.code).path,
                    note: link.note.isEmpty ? nil : link.note, scope: link.cycleID.flatMap { numbers[$0] }.map { "in cyclus \($0)" },
                    deleteAction: canEdit ? context.paths.removeLink(try link.requireID()).path : nil))
            } else if let source = byID[link.bouwbladID], let from = catalog.bouwsteen(id: source.bouwsteenID),
                      let direction = Direction(from: context.bouwsteen.key, to: from.key) {
                incoming.append(View(
                    direction: direction.label, other: name(source, bouwsteen: from), href: Paths.coalition(slug).bouwblad(try source.requireID()).path,
                    note: link.note.isEmpty ? nil : link.note, scope: nil, deleteAction: nil))
            }
        }
        return Links(outgoing: outgoing, incoming: incoming)
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
        let note = Text.line(form.note, field: F.note, max: Self.noteMax, required: false, into: &errors) ?? ""
        let target = try await Target.resolve(req, context, form.target, field: F.target, into: &errors)
        guard let target, errors.isEmpty else {
            return try await BouwbladForms.link(req, context, form: FormState(values: FormState(form).values.prefixed("link"), errors: errors.prefixed("link")), status: .unprocessableEntity)
        }
        let cycleID = form.scope == "cyclus" ? context.newest?.id : nil
        try await context.store(req.db).add(LinkRecord(
            coalitionID: context.tenant.coalitionID, bouwbladID: context.bouwblad.requireID(), cycleID: cycleID,
            targetBouwsteenID: target.bouwsteen.id, targetBouwbladID: target.bouwblad?.id, note: note, createdBy: try req.requireUser().requireID()))
        try await req.flash("De verbinding met \(target.bouwsteen.key.name) is vastgelegd.")
        return .seeOther(context.base + "#verbindingen")
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

/// Where a link or a carried question goes: another bouwsteen, or a bouwblad there.
struct Target {
    let bouwsteen: FormatCatalog.Bouwsteen
    let bouwblad: BouwbladRecord?

    /// Reads "bouwsteen:micro-uitvoering" or "bouwblad:<id>"; never this bouwblad's own bouwsteen.
    static func resolve(_ req: Request, _ context: BouwbladContext, _ raw: String?, field: some FieldName, into errors: inout FieldErrors) async throws -> Target? {
        let catalog = try await req.formatCatalog()
        let value = raw ?? ""
        if value.hasPrefix("bouwsteen:"), let key = BouwsteenKey(code: String(value.dropFirst(10))), let bouwsteen = catalog.bouwsteen(key), key != context.bouwsteen.key {
            return Target(bouwsteen: bouwsteen, bouwblad: nil)
        }
        if value.hasPrefix("bouwblad:"), let id = UUID(uuidString: String(value.dropFirst(9))), id != context.bouwblad.id,
           let bouwblad = try await context.store(req.db).bouwblad(id),
           let bouwsteen = catalog.bouwsteen(id: bouwblad.bouwsteenID), bouwsteen.key != context.bouwsteen.key {
            return Target(bouwsteen: bouwsteen, bouwblad: bouwblad)
        }
        errors.add(field, value.isEmpty ? .required : .unknownChoice)
        return nil
    }

    /// The choices for a select: every other bouwsteen, and the bouwbladen there.
    static func options(_ context: BouwbladContext, catalog: FormatCatalog, bouwbladen: [BouwbladRecord], onlyClosedBouwbladen: Set<UUID>? = nil) throws -> [(value: String, label: String)] {
        var options: [(String, String)] = []
        for bouwsteen in catalog.bouwstenen where bouwsteen.key != context.bouwsteen.key {
            let direction = Direction(from: context.bouwsteen.key, to: bouwsteen.key)?.label ?? ""
            options.append(("bouwsteen:\(bouwsteen.key.code)", "\(bouwsteen.key.name) (\(direction))"))
            for bouwblad in bouwbladen where bouwblad.bouwsteenID == bouwsteen.id {
                if let allowed = onlyClosedBouwbladen, !allowed.contains(try bouwblad.requireID()) { continue }
                options.append(("bouwblad:\(try bouwblad.requireID())", "   \(bouwsteen.key.name): bouwblad ‘\(Links.label(bouwblad, catalog: catalog).prefix(80))’"))
            }
        }
        return options
    }
}

/// A new link from the bouwblad page: where to (`target`), a note, and whether it is about
/// the current cycle only (`scope`).
struct LinkForm: Codable {
    enum CodingKeys: String, CodingKey, FieldName { case target, note, scope }
    var target, note, scope: String?
}
