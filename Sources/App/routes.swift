import Prometheus
import Reports
import Vapor

func routes(_ app: Application, registry: PrometheusCollectorRegistry, firstUse: FirstUseMiddleware.State) throws {
    try app.register(collection: OperationsController(registry: registry))
    try app.register(collection: FirstUseController(state: firstUse))
    try app.register(collection: LoginController())
    try app.register(collection: AcceptInvitationController())
    // The report's print stylesheet lives in the Reports target, so the PDF and the print view share it.
    app.get("css", "rapport.css") { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = .css
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: PrintStyle.css))
    }

    let loggedIn = app.grouped(RequireLoginMiddleware())
    try loggedIn.register(collection: HomeController())
    try loggedIn.register(collection: AccountController())
    try loggedIn.register(collection: AdminCoalitionsController())

    // Everything under /c/{slug}/ belongs to one coalition; TenantMiddleware checks membership.
    let coalition = app.grouped("c", ":slug").grouped(TenantMiddleware())
    try coalition.register(collection: RasterController())
    try coalition.register(collection: BouwsteenController())
    try coalition.register(collection: BouwbladController())
    try coalition.register(collection: HistoryController())
    try coalition.register(collection: DoelenActiesController())
    try coalition.register(collection: CloseCycleController())
    try coalition.register(collection: LinksController())
    try coalition.register(collection: ActiesController())
    try coalition.register(collection: CoverageController())
    try coalition.register(collection: EvidenceController())
    try coalition.register(collection: ActivitySettingsController())
    try coalition.register(collection: ImportExportController())
    try coalition.register(collection: SessionsController())
    try coalition.register(collection: ActivitiesController())
    try coalition.register(collection: PlacesController())
    try coalition.register(collection: ReportController())
    try coalition.register(collection: SettingsController())
    try coalition.register(collection: TrashController())
    try coalition.register(collection: MembersController())
    try coalition.register(collection: InviteController())
}
