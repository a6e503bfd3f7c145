import Foundation
import Mustache
import Vapor

/// The page templates, parsed once at start-up so that a broken template stops
/// the server before it serves anything.
struct PageTemplates: Sendable {
    let library: MustacheLibrary
    /// Stands for the CSRF token in HTML kept for several requests; random per process, so
    /// no text anyone typed can contain it.
    static let csrfPlaceholder = "csrf-placeholder-" + Tokens.random()

    static func load() async throws -> PageTemplates {
        let directory = URL(fileURLWithPath: AppResources.path("Templates"), isDirectory: true)
        FastHTML.register()
        var library = MustacheLibrary()
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "mustache" {
            let name = String(file.standardizedFileURL.path.dropFirst(directory.standardizedFileURL.path.count + 1).dropLast(".mustache".count))
            let source = try String(contentsOf: file, encoding: .utf8)
            do {
                try library.register(FastHTML.pragma + source, named: name)
            } catch {
                throw AppConfig.Invalid(description: "template \(name) does not parse: \(error)")
            }
        }
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

    /// A page from a main part rendered before (`Request.page(main:…)`) in this person's
    /// layout, with this response's CSRF token for the placeholder.
    func render(main: SharedMain, in layout: Layout) throws -> String {
        try render("shell", Shell(layout: layout, main: main.pieces.joined(separator: layout.csrf)))
    }

    private struct Shell: Encodable { let layout: Layout; let main: String }
}

/// The HTML of a main part shared by several requests, cut at the CSRF placeholder once,
/// so that each request only joins the pieces with its own token (Foundation's
/// `replacingOccurrences` took a quarter of the bouwblad page).
struct SharedMain: Sendable {
    let pieces: [String]

    init(_ html: String) {
        pieces = html.split(separator: PageTemplates.csrfPlaceholder, omittingEmptySubsequences: false).map(String.init)
    }
}

/// HTML escaping for every template. swift-mustache's own escaper looks up each Character
/// in a dictionary (11% of a bouwblad page in perf); this one scans the UTF-8 bytes and
/// returns text without special characters as it is. Same five characters, same entities.
/// swift-mustache resets the content type at each partial, so every template starts with
/// the pragma (added when loading).
struct FastHTML: MustacheContentType {
    static let name = "BOUWSTENEN_HTML"
    /// A line of its own, so swift-mustache drops it whole (a standalone tag) and the
    /// template's first line parses exactly as before.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    static func register() { MustacheContentTypes.register(FastHTML(), named: name) }

    func escapeText(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.contains(where: { Self.entity($0) != nil }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        for byte in bytes {
            if let entity = Self.entity(byte) { out.append(contentsOf: entity) } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func entity(_ byte: UInt8) -> String.UTF8View? {
        switch byte {
        case UInt8(ascii: "<"): "&lt;".utf8
        case UInt8(ascii: ">"): "&gt;".utf8
        case UInt8(ascii: "&"): "&amp;".utf8
        case UInt8(ascii: "\""): "&quot;".utf8
        case UInt8(ascii: "'"): "&#39;".utf8
        default: nil
        }
    }
}

/// swift-mustache finds each `{{name}}` with Mirror: for every tag it lists all fields of
/// every object on the context stack, demangling their types. perf showed that as 90% of
/// the time of a bouwblad page (55 forms, 75 ms). Reflecting the view model once into
/// dictionaries, which swift-mustache reads by key, gives the same output for a fraction
/// of the work. Same rules as Mirror: stored properties only, and a nil field is absent
/// (so the lookup goes on to the enclosing object, exactly as before). Objects (classes)
/// are left as they are: they may refer back to themselves. View models that are
/// `Encodable` (all of the app's) take the faster `TemplateEncoder`; Mirror is the fallback.
enum TemplateModel {
    /// A reflected object. Its own type (not a Dictionary, whose conformance is conditional)
    /// keeps swift-mustache's per-tag protocol checks cheap.
    struct Fields: MustacheParent {
        let fields: [String: Any]
        func child(named name: String) -> Any? { fields[name] }
    }

    static func reflect(_ value: Any) -> Any {
        if let encodable = value as? any Encodable { return TemplateEncoder.encode(encodable) }
        return mirrored(value)
    }

    /// The same through Mirror: for models that are not `Encodable`, or whose own
    /// `encode(to:)` throws.
    static func mirrored(_ value: Any) -> Any {
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

    /// Loaded by `configure()`; a page asked for before that is an error, not a crash.
    var pageTemplates: PageTemplates {
        get throws {
            guard let templates = storage[PageTemplatesKey.self] else { throw Abort(.internalServerError, reason: "templates not loaded: configure() loads them") }
            return templates
        }
    }

    func setPageTemplates(_ templates: PageTemplates) { storage[PageTemplatesKey.self] = templates }
}

extension Request {
    /// Renders a page whose model is made from values already read. `build` is not
    /// `async`, so no query can run while the view is made: everything it shows is loaded
    /// before, and the layout (session, flash, the person's other coalitions) is read first
    /// and handed in.
    func page<Model: Encodable>(_ template: String, title: String, current: Section? = nil, status: HTTPStatus = .ok,
                                build: (Layout) throws -> Model) async throws -> Response {
        let layout = try await layout(title, current: current)
        return try page(template, try build(layout), status: status)
    }

    /// `page(main:layout:…)` with this person's layout for the title and section.
    func page<Model: Encodable>(main mainTemplate: String, title: String, current: Section? = nil, keptAs key: String?, status: HTTPStatus = .ok,
                                build: (Layout) throws -> Model) async throws -> Response {
        try await page(main: mainTemplate, layout: try await layout(title, current: current), keptAs: key, status: status, build: build)
    }

    /// A page whose main part (the layout's `{{$main}}`, from `mainTemplate`) is the same for
    /// everyone whom `key` describes while the coalition does not change: rendered once and
    /// kept in the `ReadCache`, then set in this person's layout (`shell`). Its forms are
    /// rendered with a placeholder for the CSRF token, replaced by this response's token.
    /// With a nil key (a page with a problem to show) it is rendered each time.
    func page<Model: Encodable>(main mainTemplate: String, layout: Layout, keptAs key: String?, status: HTTPStatus = .ok,
                                build: (Layout) throws -> Model) async throws -> Response {
        let templates = try application.pageTemplates, shared = layout.withCSRF(PageTemplates.csrfPlaceholder)
        let main = if let key {
            try await cached(key) { SharedMain(try templates.render(mainTemplate, try build(shared))) }
        } else {
            SharedMain(try templates.render(mainTemplate, try build(shared)))
        }
        return try page(html: try templates.render(main: main, in: layout), status: status)
    }

    /// Renders a page as an HTML response.
    func page(_ template: String, _ model: Any, status: HTTPStatus = .ok) throws -> Response {
        try page(html: try application.pageTemplates.render(template, model), status: status)
    }

    private func page(html: String, status: HTTPStatus) -> Response {
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
