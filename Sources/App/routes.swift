import Prometheus
import Reports
import Vapor

func routes(_ app: Application, registry: PrometheusCollectorRegistry, firstUse: FirstUseMiddleware.State) throws {
    let open = app.access(.publiek)
    try open.register(collection: OperationsController(registry: registry))
    try open.register(collection: FirstUseController(state: firstUse))
    try open.register(collection: LoginController())
    try open.register(collection: PasswordResetController())
    try open.register(collection: ConfirmEmailController())
    try open.register(collection: UnsubscribeController())
    try open.register(collection: AcceptInvitationController())
    try open.register(collection: PrivacyController())
    try open.register(collection: BegrippenController())
    try open.register(collection: AnswerController())
    try open.register(collection: CalendarController())
    // The report's print stylesheet lives in the Reports target, so the PDF and the print view share it.
    open.get(Paths.reportStyle.components) { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = .css
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: PrintStyle.css))
    }

    let loggedIn = app.grouped(RequireLoginMiddleware())
    try loggedIn.access(.ingelogd).register(collection: HomeController())
    try loggedIn.access(.ingelogd).register(collection: AccountController())
    try loggedIn.access(.ingelogd).register(collection: EmailChangeController())
    try loggedIn.access(.ingelogd).register(collection: RemindersController())
    try loggedIn.access(.beheerder).register(collection: AdminCoalitionsController())
    try loggedIn.access(.beheerder).register(collection: AdminOutboxController())

    // Everything under /c/{slug}/ (`Paths.coalition`) belongs to one coalition; TenantMiddleware
    // checks membership. Each controller registers its full addresses from `Paths`.
    let coalition = app.grouped(TenantMiddleware())
    try coalition.access(.lid).register(collection: RasterController())
    try coalition.access(.bewerker, read: .lid).register(collection: BouwsteenController())
    try coalition.access(.bewerker, read: .lid).register(collection: BouwbladController())
    try coalition.access(.bewerker, read: .lid).register(collection: BouwbladEditController())
    try coalition.access(.bewerker, read: .lid).register(collection: HistoryController())
    try coalition.access(.bewerker, read: .lid).register(collection: DoelenActiesController())
    try coalition.access(.bewerker, read: .lid).register(collection: CloseCycleController())
    try coalition.access(.bewerker, read: .lid).register(collection: LinksController())
    try coalition.access(.lid).register(collection: ActiesController())
    try coalition.access(.lid).register(collection: CoverageController())
    try coalition.access(.bewerker, read: .lid).register(collection: EvidenceController())
    try coalition.access(.projectleider).register(collection: ActivitySettingsController())
    try coalition.access(.bewerker, read: .lid).register(collection: ImportExportController())
    try coalition.access(.bewerker, read: .lid).register(collection: SessionsController())
    try coalition.access(.bewerker, read: .lid).register(collection: ActivitiesController())
    try coalition.access(.bewerker, read: .lid).register(collection: PlacesController())
    try coalition.access(.projectleider, read: .lid).register(collection: ReportController())
    try coalition.access(.bewerker, read: .lid).register(collection: VragenlijstenController())
    try coalition.access(.bewerker, read: .lid).register(collection: QuestionsController())
    try coalition.access(.bewerker, read: .lid).register(collection: ResultsController())
    try coalition.access(.bewerker, read: .lid).register(collection: ImportController())
    try coalition.access(.bewerker, read: .lid).register(collection: SettingsController())
    try coalition.access(.bewerker, read: .lid).register(collection: IndicatorenController())
    try coalition.access(.bewerker, read: .lid).register(collection: IndicatorPageController())
    try coalition.access(.lid).register(collection: DashboardController())
    try coalition.access(.bewerker, read: .lid).register(collection: JaarplanController())
    try coalition.access(.bewerker, read: .lid).register(collection: EvaluationController())
    try coalition.access(.bewerker, read: .lid).register(collection: OverlegController())
    try coalition.access(.bewerker, read: .lid).register(collection: AgreementsController())
    try coalition.access(.lid).register(collection: NetworkController())
    try coalition.access(.lid).register(collection: PersonalFeedController())
    try coalition.access(.bewerker, read: .lid).register(collection: ContactsController())
    try coalition.access(.bewerker, read: .lid).register(collection: TrashController())
    try coalition.access(.projectleider, read: .lid).register(collection: MembersController())
    try coalition.access(.projectleider).register(collection: InviteController())
    try app.checkEveryRouteDeclaresAccess()
}
