import Foundation
import Reports
import Testing

struct PrintHTMLTests {
    @Test func sectionsInTheFormatsOrderWithLinkedRaster() {
        let report = SampleReport.make()
        let html = PrintHTML.render(report, style: .linked("/css/rapport.css"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/css/rapport.css\">"))
        #expect(!html.contains("<style>"))
        // Aspect by aspect, macro to micro within each.
        let positions = report.sections.map { html.range(of: "<h2>\($0.name)</h2>")!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(report.sections.first?.name == "Macro – Samenhang")
        #expect(report.sections[1].name == "Meso – Samenhang")
        for section in report.sections {
            #expect(html.contains("<a href=\"#\(section.anchor)\">"))
            #expect(html.contains("id=\"\(section.anchor)\""))
        }
        #expect(html.contains("<th scope=\"col\">Doel</th>"))
        // A link in full where it starts; at the other side only a reference to it.
        #expect(html.contains("<th scope=\"col\">Soort verbinding</th>"))
        #expect(html.contains("<td>verticaal</td><td>Cyclus 1</td><td>Tijd inroosteren</td>"))
        #expect(html.contains("<p class=\"bouwblad__touched\">Geraakt door: <a href=\"#bouwblad-macro-samenwerking\">Macro – Samenwerking: Titel</a>.</p>"))
    }

    @Test func escapesAndMarksTheConcept() {
        let concept = PrintHTML.render(SampleReport.make(concept: true), style: .inline)
        #expect(concept.contains("Sport &amp; spel &lt;met&gt;"))
        #expect(!concept.contains("<met>"))
        #expect(concept.contains("class=\"concept-mark\""))
        #expect(concept.contains("<style>"))
        let final = PrintHTML.render(SampleReport.make(concept: false), style: .inline)
        #expect(!final.contains("class=\"concept-mark\""))
    }
}
