import Domain
import Fluent
import Vapor

/// `/c/{slug}/bouwstenen/{code}`: a bouwsteen with its questions and bouwbladen.
struct BouwsteenController: RouteCollection {
    static let ownQuestionMax = 1_000
    static let titleMax = 150

    func boot(routes: any RoutesBuilder) throws {
        let coalition = Paths.coalition(.param)
        routes.get(coalition.bouwsteen(.param), use: show)
        routes.post(coalition.newBouwblad(in: .param), use: create)
    }

    struct QuestionItem: Encodable { let id: String; let text: String; let mandatory: Bool; let bouwbladHref: String? }
    struct BouwbladItem: Encodable { let href: String; let title: String; let question: String; let mandatory: Bool; let state: StateTag }
    struct Page: Encodable {
        let layout: Layout
        let createAction: String
        let code: String
        let name: String
        let description: String
        let questions: [QuestionItem]
        let bouwbladen: [BouwbladItem]
        let hasBouwbladen: Bool
        let canEdit: Bool
        let ownQuestion: FormField
        let title: FormField
        let hasErrors: Bool
        let errorSummary: [FormState.SummaryItem]
        let links: [BouwsteenLinks.Item]
        let hasLinks: Bool
    }

    func show(req: Request) async throws -> Response {
        try await render(req, FormState())
    }

    func create(req: Request) async throws -> Response {
        let tenant = try req.require { $0.canEditBouwblad() }
        let bouwsteen = try await find(req)
        let form = try req.form(NewBouwbladForm.self)
        typealias F = NewBouwbladForm.CodingKeys
        var errors = FieldErrors()
        let title = Text.line(form.title, field: F.title, max: Self.titleMax, required: false, into: &errors) ?? ""
        let question: FormatCatalog.Question?
        var ownQuestion: String?
        if let raw = form.questionID, !raw.isEmpty {
            guard let id = UUID(uuidString: raw), let found = bouwsteen.questions.first(where: { $0.id == id }) else { throw Abort(.notFound) }
            question = found
        } else {
            question = nil
            ownQuestion = PlainText.validate(form.ownQuestion, field: F.ownQuestion, max: Self.ownQuestionMax, into: &errors)
            if ownQuestion?.isEmpty == true { errors.add(F.ownQuestion, .required) }
        }
        guard errors.isEmpty else {
            return try await render(req, FormState(form, errors: errors), status: .unprocessableEntity)
        }
        let store = BouwbladStore(tenant, on: req.db)
        if let question, let existing = try await store.bouwblad(answering: question.id) {
            // One bouwblad per question: a second click opens the one that exists, or
            // points to the prullenbak where it waits.
            guard existing.deletedAt == nil else {
                try await req.flash("Het bouwblad voor deze vraag staat in de prullenbak. Zet het daar terug.")
                return .seeOther(Paths.coalition(tenant.coalition.slug).prullenbak.path)
            }
            return .seeOther(Paths.coalition(tenant.coalition.slug).bouwblad(try existing.requireID()).path)
        }
        let userID = try req.requireUser().requireID()
        let bouwblad = BouwbladRecord()
        bouwblad.bouwsteenID = bouwsteen.id
        bouwblad.questionID = question?.id
        bouwblad.ownQuestion = ownQuestion
        bouwblad.title = title
        bouwblad.keeperID = tenant.membership.id
        bouwblad.readyForReport = false
        bouwblad.version = 1
        bouwblad.createdBy = userID
        bouwblad.updatedBy = userID
        let startvraag = question?.text ?? ownQuestion ?? ""
        try await req.db.transaction { db in
            try await BouwbladStore(tenant, on: db).add(bouwblad, startvraag: startvraag)
        }
        try await req.flash("Het bouwblad is gemaakt. De eerste cyclus begint met de vraag als startvraag.")
        return .seeOther(Paths.coalition(tenant.coalition.slug).bouwblad(try bouwblad.requireID()).path)
    }

    private func find(_ req: Request) async throws -> FormatCatalog.Bouwsteen {
        guard let code = req.parameters.get("code"), let key = BouwsteenKey(code: code),
              let bouwsteen = try await req.formatCatalog().bouwsteen(key) else { throw Abort(.notFound) }
        return bouwsteen
    }

    private func render(_ req: Request, _ form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let tenant = try req.tenant
        let bouwsteen = try await find(req)
        let coalition = Paths.coalition(tenant.coalition.slug)
        let bouwbladen = try await BouwbladStore(tenant, on: req.db).bouwbladen(of: bouwsteen.id)
        let byQuestion = Dictionary(bouwbladen.compactMap { b in b.questionID.map { ($0, b) } }, uniquingKeysWith: { a, _ in a })
        var form = form
        let checks = try await BouwbladCheckStore(tenant, on: req.db).checks(of: bouwbladen)
        let links = try await BouwsteenLinks.load(req, tenant: tenant, bouwsteen: bouwsteen, own: bouwbladen, catalog: req.formatCatalog())
        return try await req.page("bouwstenen/show", title: bouwsteen.key.name, current: .start, status: status) { layout in
            Page(
                layout: layout, createAction: coalition.newBouwblad(in: bouwsteen.key.code).path,
                code: bouwsteen.key.code, name: bouwsteen.key.name, description: bouwsteen.description,
                questions: try bouwsteen.questions.map { q in
                    QuestionItem(id: q.id.uuidString, text: q.text, mandatory: q.mandatory,
                                 bouwbladHref: try byQuestion[q.id].map { coalition.bouwblad(try $0.requireID()).path })
                },
                bouwbladen: try bouwbladen.map { b in
                    let question = b.questionID.flatMap { id in bouwsteen.questions.first { $0.id == id } }
                    return BouwbladItem(
                        href: coalition.bouwblad(try b.requireID()).path, title: b.title.isEmpty ? "Bouwblad zonder eigen titel" : b.title,
                        question: question?.text ?? b.ownQuestion ?? "", mandatory: question?.mandatory ?? false,
                        state: StateTag(b.id.flatMap { checks[$0]?.state } ?? .nietGestart))
                },
                hasBouwbladen: !bouwbladen.isEmpty, canEdit: tenant.role.canEditBouwblad(),
                ownQuestion: form.field(NewBouwbladForm.CodingKeys.ownQuestion, "Eigen vraag", noun: "je vraag", hint: "Een open vraag die past bij jullie situatie."),
                title: form.field(NewBouwbladForm.CodingKeys.title, "Korte titel (mag leeg blijven)", noun: "een titel", hint: "Bijvoorbeeld: Van improvisatie naar gezamenlijke structuur", required: false),
                hasErrors: !form.errors.isEmpty, errorSummary: form.summary, links: links, hasLinks: !links.isEmpty)
        }
    }
}

/// A new bouwblad: for one of the format's questions (`questionID`) or an own question.
struct NewBouwbladForm: Codable {
    enum CodingKeys: String, CodingKey, FieldName { case questionID, ownQuestion, title }
    var questionID, ownQuestion, title: String?
}
