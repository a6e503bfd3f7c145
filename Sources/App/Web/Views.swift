import Foundation
import Mustache
import Vapor

/// The page templates, parsed once at start-up so that a broken template stops
/// the server before it serves anything.
struct PageTemplates: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> PageTemplates {
        let library = try await MustacheLibrary(directory: AppResources.path("Templates"))
        guard library.getTemplate(named: "layout") != nil else {
            throw AppConfig.Invalid(description: "the page templates are missing from the app bundle")
        }
        return PageTemplates(library: library)
    }

    func render(_ template: String, _ model: Any) throws -> String {
        guard let html = library.render(model, withTemplate: template) else {
            throw Abort(.internalServerError, reason: "template \(template) not found")
        }
        return html
    }
}

extension Application {
    private struct PageTemplatesKey: StorageKey { typealias Value = PageTemplates }

    var pageTemplates: PageTemplates {
        get {
            guard let templates = storage[PageTemplatesKey.self] else { fatalError("templates not loaded: configure() loads them") }
            return templates
        }
        set { storage[PageTemplatesKey.self] = newValue }
    }
}

extension Request {
    /// Renders a page as an HTML response.
    func page(_ template: String, _ model: Any, status: HTTPStatus = .ok) throws -> Response {
        let html = try application.pageTemplates.render(template, model)
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: html))
    }
}

extension Response {
    /// Post/Redirect/Get: 303 so the browser follows with a GET.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: ["Location": location])
    }
}
