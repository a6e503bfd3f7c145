import Domain
import Fluent
import Vapor

/// `/v` and `/v/{code}`: answering a questionnaire, without an account. Nothing that points
/// to the respondent is stored (see `QuestionnaireResponseRecord`); a browser answers once,
/// and can save and finish later.
struct AnswerController: RouteCollection {
    /// The largest answer form we accept; sixty long answers fit easily.
    static let maxBody = 200_000

    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.answerStart, use: start)
        routes.get(Paths.answer(.param), use: show)
        routes.post(Paths.answer(.param), use: answer)
    }

    struct StartPage: Encodable { let layout: Layout; let code: String; let error: String?; let action: String; let hasErrors: Bool }

    /// Where a pupil types the code from the board.
    func start(req: Request) async throws -> Response {
        let typed = String((req.query[String.self, at: "code"] ?? "").prefix(40))
        if !typed.isEmpty {
            if let code = AnswerCode.normalised(typed), try await AnswerLinks(db: req.db).find(code) != nil {
                return .seeOther(Paths.answer(code).path)
            }
            return try page(req, "vragenlijsten/start", title: "Vragenlijst invullen", status: .notFound) { layout in
                StartPage(layout: layout, code: typed, error: "Deze code kennen we niet. Kijk of je hem goed hebt overgenomen, bijvoorbeeld K7M-4PX.",
                          action: Paths.answerStart.path, hasErrors: true)
            }
        }
        return try page(req, "vragenlijsten/start", title: "Vragenlijst invullen") { layout in
            StartPage(layout: layout, code: "", error: nil, action: Paths.answerStart.path, hasErrors: false)
        }
    }

    struct MessagePage: Encodable { let layout: Layout; let title: String; let message: String; let startHref: String }

    func message(_ req: Request, _ title: String, _ message: String, status: HTTPStatus) throws -> Response {
        try page(req, "vragenlijsten/message", title: title, status: status) { layout in
            MessagePage(layout: layout, title: title, message: message, startHref: Paths.answerStart.path)
        }
    }

    /// The questionnaire of the code, or the friendly page that says why not.
    private enum Found { case success((QuestionnaireLinkRecord, QuestionnaireRecord, VragenlijstenStore)), failure(Response) }

    private func find(_ req: Request) async throws -> Found {
        guard let raw = req.parameters.get("code"), let code = AnswerCode.normalised(raw),
              let found = try await AnswerLinks(db: req.db).find(code) else {
            return .failure(try message(req, "Deze vragenlijst bestaat niet", "We kennen deze link of code niet. Misschien is er een letter anders. Vraag om de juiste link, of typ de code opnieuw.", status: .notFound))
        }
        guard found.1.isOpen(on: req.today) else {
            return .failure(try message(req, "Deze vragenlijst is gesloten", "Je kunt deze vragenlijst nu niet invullen. Misschien is hij nog niet open, of is de tijd om. Bedankt dat je wilde meedoen!", status: .gone))
        }
        return .success(found)
    }

    func show(req: Request) async throws -> Response {
        let (link, q, store): (QuestionnaireLinkRecord, QuestionnaireRecord, VragenlijstenStore)
        switch try await find(req) {
        case .failure(let response): return response
        case .success(let found): (link, q, store) = found
        }
        if let raw = req.parameters.get("code"), raw != link.code { return .seeOther(Paths.answer(link.code).path) }
        let token = RespondentDevice.token(req)
        var response: Response
        if let token, let saved = try await store.response(of: q.requireID(), device: RespondentDevice.hash(token, questionnaire: q.requireID())) {
            if saved.submittedOn != nil { return try thanks(req) }
            response = try form(req, q, link, answers: saved.answerValues, errors: FieldErrors(), yearGroup: saved.yearGroup, token: token,
                                notice: "Je antwoorden van de vorige keer staan er nog. Ga verder waar je was.")
        } else {
            let newToken = token ?? Tokens.random()
            response = try form(req, q, link, answers: Answers(), errors: FieldErrors(), yearGroup: nil, token: newToken, notice: nil)
            if token == nil { response.cookies[RespondentDevice.cookieName] = RespondentDevice.cookie(newToken, secure: req.application.appConfig.isHTTPS) }
        }
        return response
    }

    func thanks(_ req: Request) throws -> Response {
        try message(req, "Bedankt!", "Je antwoorden zijn verstuurd. Je hebt deze vragenlijst nu ingevuld; dat kan één keer per apparaat.", status: .ok)
    }

    func answer(req: Request) async throws -> Response {
        if let length = req.body.data?.readableBytes, length > Self.maxBody { throw Abort(.payloadTooLarge) }
        let (link, q, store): (QuestionnaireLinkRecord, QuestionnaireRecord, VragenlijstenStore)
        switch try await find(req) {
        case .failure(let response): return response
        case .success(let found): (link, q, store) = found
        }
        // The CSRF check passed, so the device cookie is there (or a staff member's session).
        guard let token = RespondentDevice.token(req) else {
            return try message(req, "Je antwoorden zijn niet verstuurd", "Je browser bewaart geen cookies, en die hebben we nodig zodat iedereen maar één keer antwoordt. Zet cookies aan en open de link opnieuw.", status: .forbidden)
        }
        let questionnaireID = try q.requireID()
        guard req.application.answerThrottle.allow(client: ClientAddress.of(req), questionnaire: questionnaireID, now: req.now) else {
            return try message(req, "Even wachten", "Er komen nu heel veel antwoorden binnen. Je antwoorden zijn nog niet verstuurd. Wacht een paar minuten en probeer het opnieuw.", status: .tooManyRequests)
        }
        guard req.headers.contentType == .urlEncodedForm, let body = req.body.string else { throw Abort(.unsupportedMediaType) }
        var single: [String: String] = [:], multiple: [String: [String]] = [:]
        for (key, value) in Request.pairs(body) {
            if key.hasSuffix("[]") { multiple[String(key.dropLast(2)), default: []].append(value) } else { single[key] = value }
        }
        let send = single["actie"] != "later"
        var errors = FieldErrors()
        let answers = Answers.read(q.questionList, single: single, multiple: multiple, complete: send, into: &errors)
        var yearGroup: Int? = nil
        if q.audienceValue == .leerlingen, let raw = single["groep"], !raw.isEmpty {
            if let group = Int(raw), (1...8).contains(group) { yearGroup = group } else { errors.add("groep", .unknownChoice) }
        }
        guard errors.isEmpty else {
            return try form(req, q, link, answers: answers, errors: errors, yearGroup: yearGroup, token: token, notice: nil,
                            typed: single.filter { $0.key.hasPrefix("q-") }.mapValues { String($0.prefix(Answers.maxLong)) }, status: .unprocessableEntity)
        }
        let device = RespondentDevice.hash(token, questionnaire: questionnaireID), group = yearGroup
        let day = send ? req.today.iso : nil
        enum Outcome { case saved, alreadySent }
        // Read before the write: SQLite lets one writer in at a time, so the transaction only writes.
        let existing = try await store.response(of: questionnaireID, device: device)
        if existing?.submittedOn != nil { return try thanks(req) }
        if existing == nil, try await store.countAll(of: questionnaireID) >= AnswerThrottle.maxResponses {
            return try message(req, "Deze vragenlijst is vol", "Er zijn zoveel antwoorden dat er geen meer bij kunnen. Je antwoorden zijn niet bewaard. Bedankt dat je wilde meedoen!", status: .conflict)
        }
        let coalitionID = store.coalitionID, existingID = try existing?.requireID()
        let outcome: Outcome
        do {
            outcome = try await req.db.writeTransaction { db -> Outcome in
                let store = VragenlijstenStore(coalitionID: coalitionID, db: db)
                if let existingID {
                    return try await store.update(response: existingID, answers: answers, yearGroup: group, submittedOn: day) ? .saved : .alreadySent
                }
                try await store.add(QuestionnaireResponseRecord(coalitionID: coalitionID, questionnaireID: questionnaireID, locationID: link.locationID,
                                                                activityID: link.activityID, yearGroup: group, device: device, answers: answers, submittedOn: day))
                return .saved
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // The same browser sent twice at once: the first one counts.
            return try thanks(req)
        }
        switch outcome {
        case .alreadySent: return try thanks(req)
        case .saved:
            if send { return .seeOther(Paths.answer(link.code).path) }
            return try message(req, "Je antwoorden zijn bewaard", "Ze zijn nog niet verstuurd. Open later dezelfde link op dit apparaat en ga verder waar je was.", status: .ok)
        }
    }

    func form(_ req: Request, _ q: QuestionnaireRecord, _ link: QuestionnaireLinkRecord, answers: Answers, errors: FieldErrors, yearGroup: Int?,
              token: String, notice: String?, typed: [String: String] = [:], status: HTTPStatus = .ok) throws -> Response {
        let layout = Self.layout(req, q.title, token: token, notice: notice)
        return try req.page("vragenlijsten/answer", AnswerPage(layout: layout, questionnaire: q, answers: answers, errors: errors,
                                                               action: Paths.answer(link.code).path, preview: nil, yearGroup: yearGroup, typed: typed), status: status)
    }

    /// The layout of a respondent's page: no database work, no session; the form's secret
    /// is the session's token for a logged-in person, else the device cookie.
    static func layout(_ req: Request, _ title: String, token: String?, notice: String? = nil) -> Layout {
        let base = req.layoutWithoutDatabase(title)
        let secret = req.webSession.csrfToken ?? token
        return Layout(title: title, userName: base.userName, isAdmin: false, coalitionName: nil, coalitionSlug: nil, periodLabel: nil,
                      otherCoalitions: [], nav: [], csrf: secret.map(Tokens.masked) ?? "", flash: notice)
    }

    private func page<M: Encodable>(_ req: Request, _ template: String, title: String, status: HTTPStatus = .ok, build: (Layout) -> M) throws -> Response {
        try req.page(template, build(Self.layout(req, title, token: RespondentDevice.token(req))), status: status)
    }
}
