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
        guard let html = library.render(TemplateModel.reflect(model), withTemplate: template) else {
            throw Abort(.internalServerError, reason: "template \(template) not found")
        }
        return html
    }
}

/// swift-mustache finds each `{{name}}` with Mirror: for every tag it lists all fields of
/// every object on the context stack, demangling their types. perf showed that as 90% of
/// the time of a bouwblad page (55 forms, 75 ms). Reflecting the view model once into
/// dictionaries, which swift-mustache reads by key, gives the same output for a fraction
/// of the work. Same rules as Mirror: stored properties only, and a nil field is absent
/// (so the lookup goes on to the enclosing object, exactly as before). Objects (classes)
/// are left as they are: they may refer back to themselves.
enum TemplateModel {
    /// A reflected object. Its own type (not a Dictionary, whose conformance is conditional)
    /// keeps swift-mustache's per-tag protocol checks cheap.
    struct Fields: MustacheParent {
        let fields: [String: Any]
        func child(named name: String) -> Any? { fields[name] }
    }

    static func reflect(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct?, .tuple?:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let field = unwrap(child.value) else { continue }
                fields[label] = reflect(field)
            }
            return Fields(fields: fields)
        case .dictionary?:
            guard let dictionary = value as? [String: Any] else { return value }
            return Fields(fields: dictionary.mapValues(reflect))
        case .collection?, .set?:
            return mirror.children.map { reflect($0.value) }
        case .optional?:
            return unwrap(value).map(reflect) as Any
        default:
            return value
        }
    }

    private static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.flatMap { unwrap($0.value) }
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
