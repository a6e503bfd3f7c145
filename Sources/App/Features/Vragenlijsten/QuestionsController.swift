import Domain
import Fluent
import Vapor

/// `/c/{slug}/vragenlijsten/{id}`: a questionnaire's page with its questions, adding,
/// changing, moving and removing a question, and the preview. The questions are one list
/// with one version: every change names it, so two people never overwrite each other.
struct QuestionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let one = Paths.coalition(.param).vragenlijsten.vragenlijst(.param)
        routes.get(one.address, use: show)
        routes.post(one.questions, use: add)
        routes.get(one.question(.param), use: edit)
        routes.post(one.question(.param), use: save)
        routes.post(one.moveQuestion(.param), use: move)
        routes.post(one.deleteQuestion(.param), use: delete)
        routes.get(one.preview, use: preview)
    }

    /// The fields of a question, on the questionnaire's page (a new one) and on its own page.
    struct QuestionFields: Encodable {
        // Names of their own: a nil value in a field would make mustache look further up.
        let kindField: ChoiceField
        let textField: FormField
        let hintField: FormField
        let optionsField: FormField
        let requiredChecked: Bool

        init(_ state: inout FormState) {
            typealias F = QuestionForm.CodingKeys
            kindField = state.select(F.kind, "Soort vraag", noun: "de soort vraag", empty: nil,
                                options: QuestionKind.allCases.map { (value: $0.rawValue, label: $0.label) })
            textField = state.field(F.text, "Vraag", noun: "de vraag")
            hintField = state.field(F.hint, "Uitleg bij de vraag", noun: "de uitleg", required: false)
            optionsField = state.field(F.options, "Antwoorden", noun: "de antwoorden", type: "textarea",
                                  hint: "Eén antwoord per regel. Bij een schaal: de woorden van laag naar hoog (laat leeg voor de gewone woorden). Bij een open vraag, getal of kopje: laat leeg.",
                                  required: false)
            requiredChecked = state.values[F.required.rawValue] == "ja"
        }
    }

    struct Row: Encodable {
        let anchor: String
        let number: Int?
        let kind: String
        let text: String
        let hint: String?
        let required: Bool
        let options: [String]
        let hasOptions: Bool
        let isHeading: Bool
        let editHref: String
        let moveAction: String
        let removeAction: String?
        let canUp: Bool
        let canDown: Bool
    }

    struct ShowPage: Encodable {
        let layout: Layout
        let back: String
        let title: String
        let status: String
        let isConcept: Bool
        let isOpen: Bool
        let audience: String
        let period: String
        let scope: String
        let answers: Int
        let hasAnswers: Bool
        let settingsHref, previewHref, resultsHref, linksHref, importHref: String
        let hasLinks: Bool
        let statusAction, copyAction, deleteAction, addAction: String
        let version: Int
        let rows: [Row]
        let hasRows: Bool
        let add: QuestionFields
        let hasErrors: Bool
        let errorSummary: [FormState.SummaryItem]
        let problem: String?
    }

    func show(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.making(req)
        let q = try await access.changeable(req)
        return try await showPage(req, access, q, FormState(values: ["kind": QuestionKind.likert5.rawValue]), version: q.version)
    }

    func showPage(_ req: Request, _ access: VragenlijstAccess, _ q: QuestionnaireRecord, _ state: FormState, version: Int,
                  status: HTTPStatus = .ok, problem: String? = nil) async throws -> Response {
        let id = try q.requireID(), paths = access.paths.vragenlijst(id), store = access.store(req.db)
        let answers = try await store.responseCounts()[id] ?? 0
        let hasAnswers = try await store.hasResponses(id)
        let hasLinks = try await !store.links(of: id).isEmpty
        let list = q.questionList
        var form = state
        let add = QuestionFields(&form)
        var number = 0
        let rows = list.questions.enumerated().map { index, question -> Row in
            if question.kind.isAnswerable { number += 1 }
            return Row(anchor: "vraag-\(question.id)", number: question.kind.isAnswerable ? number : nil, kind: question.kind.label, text: question.text, hint: question.hint.isEmpty ? nil : question.hint,
                       required: question.required, options: question.options.map(\.label), hasOptions: !question.options.isEmpty, isHeading: !question.kind.isAnswerable,
                       editHref: paths.question(question.id).path, moveAction: paths.moveQuestion(question.id).path,
                       removeAction: hasAnswers && question.kind.isAnswerable ? nil : paths.deleteQuestion(question.id).path,
                       canUp: index > 0, canDown: index < list.questions.count - 1)
        }
        return try await req.page("vragenlijsten/show", title: q.title, current: .vragenlijsten, status: status) { layout in
            ShowPage(layout: layout, back: access.paths.path, title: q.title, status: q.statusValue.label, isConcept: q.statusValue == .concept,
                     isOpen: q.statusValue == .open, audience: q.audienceValue.label, period: VragenlijstenController.period(q), scope: q.scopeValue.label,
                     answers: answers, hasAnswers: hasAnswers, settingsHref: paths.settings.path, previewHref: paths.preview.path,
                     resultsHref: paths.results.path, linksHref: paths.links.path, importHref: paths.importing.path, hasLinks: hasLinks, statusAction: paths.status.path,
                     copyAction: paths.copy.path, deleteAction: paths.delete.path, addAction: paths.questions.path, version: version,
                     rows: rows, hasRows: !rows.isEmpty, add: add, hasErrors: !form.errors.isEmpty || problem != nil, errorSummary: form.summary, problem: problem)
        }
    }

    // MARK: changes

    func add(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.making(req)
        let q = try await access.changeable(req)
        let body = try req.form(Edit<QuestionForm>.self)
        var list = q.questionList
        guard list.questions.count < QuestionList.maxQuestions else {
            return try await showPage(req, access, q, FormState(body.form), version: q.version, status: .unprocessableEntity,
                                      problem: "Een vragenlijst heeft ten hoogste \(QuestionList.maxQuestions) vragen. Maak er twee van als je meer wilt vragen.")
        }
        var errors = FieldErrors()
        guard let question = QuestionForm.validate(body.form, id: list.newQuestionID(), old: nil, into: &errors) else {
            return try await showPage(req, access, q, FormState(body.form, errors: errors), version: body.version ?? q.version, status: .unprocessableEntity)
        }
        guard let version = body.version else { throw Abort(.badRequest) }
        list.questions.append(question)
        guard try await access.store(req.db).update(try q.requireID(), from: version, questions: list, now: req.now) else {
            return try await showPage(req, access, q, FormState(body.form), version: q.version, status: .conflict, problem: Self.conflict)
        }
        try await req.flash("De vraag is toegevoegd.")
        return .seeOther(access.paths.vragenlijst(try q.requireID()).path + "#vragen")
    }

    static let conflict = "Iemand anders heeft de vragen intussen veranderd. Je vraag is nog niet opgeslagen; hij staat hieronder. Kijk de lijst na en sla opnieuw op."

    struct EditPage: Encodable {
        let layout: Layout
        let back: String
        let action: String
        let version: Int
        let fields: QuestionFields
        let hasErrors: Bool
        let errorSummary: [FormState.SummaryItem]
        let problem: String?
        let hasAnswers: Bool
    }

    func edit(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.making(req)
        let q = try await access.changeable(req)
        let question = try Self.question(req, q)
        return try await editPage(req, access, q, question, FormState(QuestionForm(question)), version: q.version)
    }

    func editPage(_ req: Request, _ access: VragenlijstAccess, _ q: QuestionnaireRecord, _ question: Question, _ state: FormState, version: Int,
                  status: HTTPStatus = .ok, problem: String? = nil) async throws -> Response {
        let paths = access.paths.vragenlijst(try q.requireID())
        let hasAnswers = try await access.store(req.db).hasResponses(try q.requireID())
        var form = state
        let fields = QuestionFields(&form)
        return try await req.page("vragenlijsten/question", title: "Vraag wijzigen", current: .vragenlijsten, status: status) { layout in
            EditPage(layout: layout, back: paths.path, action: paths.question(question.id).path, version: version, fields: fields,
                     hasErrors: !form.errors.isEmpty || problem != nil, errorSummary: form.summary, problem: problem, hasAnswers: hasAnswers)
        }
    }

    func save(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.making(req)
        let q = try await access.changeable(req)
        let old = try Self.question(req, q)
        let body = try req.form(Edit<QuestionForm>.self)
        var errors = FieldErrors()
        guard let question = QuestionForm.validate(body.form, id: old.id, old: old, into: &errors) else {
            return try await editPage(req, access, q, old, FormState(body.form, errors: errors), version: body.version ?? q.version, status: .unprocessableEntity)
        }
        guard let version = body.version else { throw Abort(.badRequest) }
        var list = q.questionList
        guard let index = list.questions.firstIndex(where: { $0.id == old.id }) else { throw Abort(.notFound) }
        list.questions[index] = question
        let id = try q.requireID()
        if try await access.store(req.db).hasResponses(id), !q.questionList.keepsAnswersValid(in: list) {
            return try await editPage(req, access, q, old, FormState(body.form), version: version, status: .unprocessableEntity, problem: Self.answersExist)
        }
        guard try await access.store(req.db).update(id, from: version, questions: list, now: req.now) else {
            return try await editPage(req, access, q, old, FormState(body.form), version: q.version, status: .conflict, problem: Self.conflict)
        }
        try await req.flash("De vraag is opgeslagen.")
        return .seeOther(access.paths.vragenlijst(id).path + "#vragen")
    }

    static let answersExist = "Er zijn al antwoorden op deze vraag. Je kunt de tekst verbeteren en antwoorden toevoegen, maar niet de soort vraag veranderen of antwoorden weghalen. Wil je dat wel? Maak dan een kopie van de vragenlijst."

    struct MoveForm: Codable { enum CodingKeys: String, CodingKey { case direction, version }; let direction: String; let version: String }

    func move(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.making(req)
        let q = try await access.changeable(req)
        let question = try Self.question(req, q)
        let form = try req.form(MoveForm.self)
        guard let version = Versioned.parse(form.version), ["omhoog", "omlaag"].contains(form.direction) else { throw Abort(.badRequest) }
        var list = q.questionList
        let id = try q.requireID()
        if list.move(question.id, by: form.direction == "omhoog" ? -1 : 1) {
            guard try await access.store(req.db).update(id, from: version, questions: list, now: req.now) else { throw Abort(.conflict) }
        }
        return .seeOther(access.paths.vragenlijst(id).path + "#vraag-\(question.id)")
    }

    struct VersionForm: Codable { let version: String }

    func delete(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.making(req)
        let q = try await access.changeable(req)
        let question = try Self.question(req, q)
        guard let version = Versioned.parse(try req.form(VersionForm.self).version) else { throw Abort(.badRequest) }
        let id = try q.requireID()
        if question.kind.isAnswerable, try await access.store(req.db).hasResponses(id) {
            try await req.flash("Deze vraag heeft al antwoorden en blijft daarom staan. Maak een kopie van de vragenlijst als je hem zonder deze vraag wilt.")
            return .seeOther(access.paths.vragenlijst(id).path + "#vragen")
        }
        var list = q.questionList
        list.questions.removeAll { $0.id == question.id }
        guard try await access.store(req.db).update(id, from: version, questions: list, now: req.now) else { throw Abort(.conflict) }
        try await req.flash("De vraag is verwijderd.")
        return .seeOther(access.paths.vragenlijst(id).path + "#vragen")
    }

    static func question(_ req: Request, _ q: QuestionnaireRecord) throws -> Question {
        guard let id = req.parameters.get("questionID"), id.count <= 12, let question = q.questionList.question(id) else { throw Abort(.notFound) }
        return question
    }

    // MARK: preview

    func preview(req: Request) async throws -> Response {
        let access = try await VragenlijstAccess.making(req)
        let q = try await access.changeable(req)
        let layout = try await req.layout("Voorbeeld: \(q.title)", current: .vragenlijsten)
        let page = AnswerPage(layout: layout, questionnaire: q, answers: Answers(), errors: FieldErrors(), action: nil,
                              preview: access.paths.vragenlijst(try q.requireID()).path, yearGroup: nil)
        return try req.page("vragenlijsten/answer", page)
    }
}
