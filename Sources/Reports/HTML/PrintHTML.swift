import Domain

/// The report as one HTML document with print CSS: the print view in the browser, and
/// WeasyPrint's input for the PDF. Headings h1–h5 become the PDF's bookmarks.
public enum PrintHTML {
    public enum Style: Sendable {
        /// A `<link>` to a stylesheet the server serves (its pages allow no inline style).
        case linked(String)
        /// The stylesheet inside the document, for a file that stands on its own.
        case inline
    }

    /// `backHref`: on screen, a way back into the app (not printed).
    public static func render(_ report: Report, style: Style, backHref: String? = nil) -> String {
        var html = HTMLBuilder()
        html.raw("<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        html.element("title", report.title + " – " + report.coalition)
        html.raw("<meta name=\"author\" content=\"\(XMLText.escape(report.coalition))\">")
        switch style {
        case .linked(let href): html.raw("<link rel=\"stylesheet\" href=\"\(XMLText.escape(href))\">")
        case .inline: html.raw("<style>\(PrintStyle.css)</style>")
        }
        html.raw("</head><body class=\"report\">")
        if let backHref {
            html.raw("<nav class=\"screen-only\" aria-label=\"Terug\"><a href=\"\(XMLText.escape(backHref))\">← Terug naar de rapportpagina</a>")
            html.element("p", "Afdrukken of als PDF bewaren: kies Afdrukken in je browser (Ctrl+P, op een Mac Cmd+P).", class: "muted")
            html.raw("</nav>")
        }
        // Everything but the way back is the report: one landmark holds it all.
        html.raw("<main>")
        if report.isConcept { html.raw("<p class=\"concept-mark\">\(ReportWords.concept): nog niet compleet</p>") }
        titlePage(report, &html)
        contents(report, &html)
        html.raw("<section class=\"chapter\" id=\"inleiding\">")
        html.element("h2", ReportWords.introduction)
        html.blocks(report.introduction)
        html.raw("</section>")
        raster(report, &html)
        for section in report.sections { bouwsteen(section, &html) }
        appendix(report, &html)
        html.raw("</main></body></html>\n")
        return html.output
    }

    private static func titlePage(_ report: Report, _ html: inout HTMLBuilder) {
        html.raw("<header class=\"title-page\">")
        html.element("p", "Kwaliteitsrapport School en Omgeving", class: "title-page__kicker")
        html.element("h1", report.title)
        html.element("p", report.coalition, class: "title-page__coalition")
        html.element("p", "Periode " + report.period)
        html.element("p", "Gemaakt op " + report.date)
        if report.isConcept { html.element("p", ReportWords.concept, class: "title-page__concept") }
        html.raw("</header>")
    }

    private static func contents(_ report: Report, _ html: inout HTMLBuilder) {
        html.raw("<nav class=\"toc\" aria-labelledby=\"toc-title\"><h2 id=\"toc-title\">\(ReportWords.contents)</h2><ol>")
        html.raw("<li>"); html.link(ReportWords.introduction, to: "inleiding"); html.raw("</li>")
        html.raw("<li>"); html.link(ReportWords.raster, to: "raster"); html.raw("</li>")
        for section in report.sections {
            html.raw("<li>"); html.link(section.name, to: section.anchor)
            if !section.bouwbladen.isEmpty {
                html.raw("<ol>")
                for bouwblad in section.bouwbladen { html.raw("<li>"); html.link(bouwblad.title, to: bouwblad.anchor); html.raw("</li>") }
                html.raw("</ol>")
            }
            html.raw("</li>")
        }
        html.raw("<li>"); html.link(ReportWords.openActies, to: "bijlage-acties"); html.raw("</li>")
        if !report.questionnaires.isEmpty { html.raw("<li>"); html.link(ReportWords.questionnaires, to: "bijlage-vragenlijsten"); html.raw("</li>") }
        if report.network != nil { html.raw("<li>"); html.link(ReportWords.network, to: "bijlage-overleg"); html.raw("</li>") }
        html.raw("</ol></nav>")
    }

    private static func raster(_ report: Report, _ html: inout HTMLBuilder) {
        html.raw("<section class=\"chapter\" id=\"raster\">")
        html.element("h2", ReportWords.raster)
        html.element("p", ReportWords.rasterHint)
        html.raw("<table class=\"raster-table\"><thead><tr><td></td>")
        for label in report.columnLabels { html.element("th", label, attributes: "scope=\"col\"") }
        html.raw("</tr></thead><tbody>")
        for (row, cells) in report.raster.enumerated() {
            html.raw("<tr>")
            html.element("th", report.rowLabels[row], attributes: "scope=\"row\"")
            for cell in cells {
                html.raw("<td>"); html.link(cell.name, to: cell.anchor)
                html.element("span", cell.summary, class: "raster-table__summary")
                html.raw("</td>")
            }
            html.raw("</tr>")
        }
        html.raw("</tbody></table></section>")
    }

    private static func bouwsteen(_ section: Report.Section, _ html: inout HTMLBuilder) {
        html.raw("<section class=\"chapter bouwsteen\" id=\"\(XMLText.escape(section.anchor))\">")
        html.element("h2", section.name)
        html.element("p", section.description, class: "bouwsteen__description")
        if section.bouwbladen.isEmpty { html.element("p", ReportWords.noBouwblad, class: "muted") }
        for bouwblad in section.bouwbladen {
            html.raw("<article class=\"bouwblad\" id=\"\(XMLText.escape(bouwblad.anchor))\">")
            html.element("h3", bouwblad.title)
            html.raw("<p class=\"bouwblad__question\"><strong>\(XMLText.escape(bouwblad.questionKind)):</strong> \(XMLText.escape(bouwblad.question))</p>")
            if let keeper = bouwblad.keeper { html.element("p", "Bijgehouden door " + keeper, class: "muted") }
            for cycle in bouwblad.cycles { self.cycle(cycle, &html) }
            if !bouwblad.links.isEmpty || !bouwblad.touchedBy.isEmpty { html.element("h4", ReportWords.links) }
            if !bouwblad.links.isEmpty { html.table(ReportWords.linkHeaders, bouwblad.links.map(\.row)) }
            if !bouwblad.touchedBy.isEmpty {
                html.raw("<p class=\"bouwblad__touched\">" + XMLText.escape(ReportWords.touchedBy))
                for (index, reference) in bouwblad.touchedBy.enumerated() {
                    if index > 0 { html.raw("; ") }
                    html.link(reference.name, to: reference.anchor)
                }
                html.raw(".</p>")
            }
            html.raw("</article>")
        }
        html.raw("</section>")
    }

    private static func cycle(_ cycle: Report.Cycle, _ html: inout HTMLBuilder) {
        html.raw("<section class=\"cycle\">")
        html.element("h4", cycle.title)
        html.element("p", "Periode: " + cycle.period, class: "muted")
        for (index, step) in cycle.steps.enumerated() {
            html.element("h5", step.title)
            if step.text.isEmpty { html.element("p", ReportWords.empty, class: "muted") } else { html.blocks(step.text) }
            // Goals and actions belong to step 2, "Wat zijn je doelen en acties?".
            if index == 1 {
                if !cycle.doelen.isEmpty { html.table(ReportWords.doelHeaders, cycle.doelen.map(\.row)) }
                if !cycle.acties.isEmpty { html.table(ReportWords.actieHeaders, cycle.acties.map { [$0.text, $0.owner, $0.deadline, $0.status] }) }
            }
        }
        html.raw("</section>")
    }

    private static func appendix(_ report: Report, _ html: inout HTMLBuilder) {
        html.raw("<section class=\"chapter\" id=\"bijlage-acties\">")
        html.element("h2", ReportWords.openActies)
        if report.openActies.isEmpty {
            html.element("p", ReportWords.noOpenActies)
        } else {
            html.table(ReportWords.appendixHeaders, report.openActies.map { [$0.text, $0.source, $0.owner, $0.deadline, $0.status] })
        }
        html.raw("</section>")
        if !report.questionnaires.isEmpty {
            html.raw("<section class=\"chapter\" id=\"bijlage-vragenlijsten\">")
            html.element("h2", ReportWords.questionnaires)
            for questionnaire in report.questionnaires {
                html.element("h3", questionnaire.title)
                html.element("p", questionnaire.caption)
                html.table(ReportWords.questionnaireHeaders, questionnaire.rows)
            }
            html.raw("</section>")
        }
        guard let network = report.network else { return }
        html.raw("<section class=\"chapter\" id=\"bijlage-overleg\">")
        html.element("h2", ReportWords.network)
        html.element("p", network.caption)
        if !network.meetings.isEmpty {
            html.element("h3", ReportWords.networkMeetings)
            html.table(ReportWords.networkMeetingHeaders, network.meetings)
        }
        if !network.rules.isEmpty {
            html.element("h3", ReportWords.networkRules)
            html.table(ReportWords.networkRuleHeaders, network.rules)
        }
        html.raw("</section>")
    }
}
