/// The report's stylesheet, for screen and paper. WeasyPrint reads the @page rules:
/// page numbers in the footer, the concept mark on every page (a running element),
/// and page numbers behind the table of contents (target-counter). Plain colours, no
/// custom properties: WeasyPrint 57 (Debian 12) does not apply var() everywhere.
public enum PrintStyle {
    public static let css = """
    html { font-family: system-ui, "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1a1a1a; line-height: 1.5; }
    body.report { max-width: 52rem; margin: 0 auto; padding: 1rem; }
    h1, h2, h3, h4, h5 { line-height: 1.25; color: #1a1a1a; overflow-wrap: break-word; hyphens: auto; }
    h2 { font-size: 1.6rem; border-bottom: 2px solid #0b4f8a; padding-bottom: .2rem; margin-top: 2.5rem; }
    h3 { font-size: 1.3rem; margin-top: 2rem; }
    h4 { font-size: 1.1rem; margin-top: 1.5rem; }
    h5 { font-size: 1rem; margin: 1rem 0 .25rem; }
    a { color: #0b4f8a; }
    .muted { color: #4a4a4a; }
    .concept-mark { background: #fff4d6; border: 2px solid #8a5a00; color: #5c3d00; font-weight: 700; padding: .4rem .8rem; text-align: center; text-transform: uppercase; letter-spacing: .08em; }
    .title-page { padding: 3rem 0 2rem; }
    .title-page h1 { font-size: 2.4rem; margin: .5rem 0 1rem; }
    .title-page__kicker { text-transform: uppercase; letter-spacing: .08em; color: #4a4a4a; font-weight: 700; }
    .title-page__coalition { font-size: 1.4rem; font-weight: 700; }
    .title-page__concept { display: inline-block; border: 2px solid #8a5a00; color: #5c3d00; padding: .2rem .6rem; font-weight: 700; text-transform: uppercase; }
    .toc ol { padding-left: 1.5rem; }
    .toc li { margin: .15rem 0; }
    ol[type="a"] { list-style-type: lower-alpha; }
    .bouwsteen__description { font-style: italic; }
    .bouwblad__question { background: #eef3f8; border-left: 4px solid #0b4f8a; padding: .5rem .75rem; }
    table { border-collapse: collapse; width: 100%; margin: .75rem 0 1rem; font-size: .95rem; }
    th, td { border: 1px solid #8a8a8a; padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
    thead th { background: #eef3f8; }
    .raster-table td, .raster-table th { width: 25%; }
    .report-table th:first-child, .report-table td:first-child { width: 45%; }
    .raster-table a { font-weight: 700; display: block; }
    .raster-table__summary { display: block; color: #4a4a4a; font-size: .9rem; }
    @media (max-width: 40rem) {
      /* On a phone the columns share the width and words wrap: no region to scroll sideways. */
      .report-table, .raster-table { table-layout: fixed; }
      th, td { overflow-wrap: anywhere; padding: .3rem; }
    }
    @page {
      size: A4; margin: 22mm 18mm 24mm;
      @bottom-center { content: "Pagina " counter(page) " van " counter(pages); font-size: 9pt; color: #4a4a4a; }
      @top-right { content: element(concept); }
    }
    @page :first { @bottom-center { content: none; } }
    @media print {
      .screen-only { display: none; }
      body.report { max-width: none; padding: 0; font-size: 10.5pt; }
      .concept-mark { position: running(concept); font-size: 8pt; padding: .1rem .4rem; }
      .toc, .chapter { break-before: page; }
      #raster { break-before: page; }
      h2, h3, h4, h5 { break-after: avoid; }
      tr, .bouwblad__question { break-inside: avoid; }
      .toc a::after { content: leader(". ") target-counter(attr(href), page); }
      .toc a { text-decoration: none; color: #1a1a1a; }
      a { color: #1a1a1a; }
    }
    """
}
