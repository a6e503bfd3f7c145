import Foundation

/// Horizontal bars of the shares of one question's answers, drawn on the server as SVG (it
/// works without JavaScript and prints). Each bar carries its percentage as text, so the
/// chart does not rest on colour or length alone; the table beside it holds the same numbers.
struct BarChart {
    struct Bar { let label: String; let share: Double }

    let id: String
    let title: String
    let bars: [Bar]

    var svg: String {
        let rowHeight = 34.0, labelWidth = 200.0, width = 480.0, barMax = width - labelWidth - 70
        let height = Double(bars.count) * rowHeight + 8
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" class=\"chart\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
        out += "<title id=\"\(id)-title\">\(ObservationChart.escape(title))</title>"
        out += "<desc id=\"\(id)-desc\">Staafdiagram met het deel van de antwoorden per keuze. De cijfers staan ook in de tabel.</desc>"
        for (index, bar) in bars.enumerated() {
            let y = 4 + Double(index) * rowHeight
            let label = bar.label.count > 22 ? String(bar.label.prefix(21)) + "…" : bar.label
            out += "<text x=\"\(Int(labelWidth - 8))\" y=\"\(format(y + 22))\" text-anchor=\"end\" font-size=\"14\" fill=\"#333\">\(ObservationChart.escape(label))</text>"
            let length = max(bar.share * barMax, bar.share > 0 ? 2 : 0)
            out += "<rect x=\"\(Int(labelWidth))\" y=\"\(format(y + 6))\" width=\"\(format(length))\" height=\"22\" fill=\"#005ea5\"/>"
            out += "<text x=\"\(format(labelWidth + length + 6))\" y=\"\(format(y + 22))\" font-size=\"15\" fill=\"#333\">\(Self.percent(bar.share))</text>"
        }
        return out + "</svg>"
    }

    private func format(_ v: Double) -> String { String(format: "%.1f", v) }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }
}
