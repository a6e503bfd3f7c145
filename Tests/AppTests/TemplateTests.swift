import Foundation
import Mustache
import Testing

@testable import App

/// The two shortcuts in page rendering must give exactly what swift-mustache gives on its own.
@Suite struct TemplateTests {
    struct Person: Encodable { let name: String; let note: String? }
    struct Row: Encodable { let label: String; let count: Int; let done: Bool; let person: Person?; let tags: [String] }
    struct Page: Encodable { let title: String; let note: String; let rows: [Row]; let hasRows: Bool; let empty: [Row]; let extra: [String: String] }

    static let template = """
        <h1>{{title}}</h1>{{#rows}}<li>{{label}} {{count}} {{#done}}klaar{{/done}}{{^done}}open{{/done}}
        {{#person}}{{name}}: {{note}}{{/person}}{{^person}}niemand{{/person}} [{{#tags}}{{.}},{{/tags}}]</li>{{/rows}}
        {{^empty}}leeg{{/empty}}{{#hasRows}}ja{{/hasRows}} {{extra.sleutel}} {{{title}}}
        """

    static let page = Page(
        title: "Samen <sterk> & \"goed\" 'nu'", note: "notitie van de pagina",
        rows: [
            Row(label: "Één", count: 3, done: true, person: Person(name: "Aïsha", note: nil), tags: ["a", "<b>"]),
            Row(label: "مرحبا 👋", count: -1, done: false, person: nil, tags: []),
        ],
        hasRows: true, empty: [], extra: ["sleutel": "waarde"])

    @Test func encodedModelsRenderLikeMirror() throws {
        let template = try MustacheTemplate(string: Self.template)
        let viaMirror = template.render(Self.page)
        let viaEncoder = template.render(TemplateModel.reflect(Self.page))
        #expect(viaEncoder == viaMirror)
        #expect(viaEncoder.contains("Aïsha: notitie van de pagina"), "a nil field falls through to the enclosing object")
        #expect(viaEncoder.contains("niemand"))
        #expect(viaEncoder.contains("waarde"))
    }

    @Test func fastEscapingMatchesTheLibrary() throws {
        let text = "<script>alert('x') & \"y\"</script> مرحبا 👋 e\u{301} \u{0}"
        let plain = try MustacheTemplate(string: "{{t}}").render(["t": text])
        #expect(FastHTML().escapeText(text) == plain)
        #expect(FastHTML().escapeText("gewone tekst") == "gewone tekst")
    }

    @Test func everyTemplateAndPartialEscapesWithThePragma() throws {
        FastHTML.register()
        var library = MustacheLibrary()
        try library.register(FastHTML.pragma + "<p>{{t}}</p>{{> deel}}\n", named: "pagina")
        try library.register(FastHTML.pragma + "<b>{{t}}</b>", named: "deel")
        let html = library.render(["t": "<i>&"], withTemplate: "pagina")
        #expect(html == "<p>&lt;i&gt;&amp;</p><b>&lt;i&gt;&amp;</b>\n", "the pragma line itself adds nothing")
    }
}
