import Domain
import Foundation

/// An indicator's values over its periods with the norm as a dashed line, drawn on the
/// server as SVG (works without JavaScript, prints). Each point's status is in the table
/// beside it by word and icon, so nothing rests on colour; the sparkline of a list is
/// decoration beside the status word and hidden from screen readers.
struct TrendChart {
    let id: String
    let title: String
    let unit: IndicatorUnit
    let norm: Norm
    let points: [IndicatorPoint]

    private var values: [Double?] { points.map(\.measurement.value) }

    /// The range drawn: percentages 0–100, otherwise from 0 (or the lowest value) to a bit above the highest.
    private var range: (low: Double, high: Double) {
        if unit == .percentage { return (0, 100) }
        let all = values.compactMap { $0 } + [norm.threshold] + (norm.signal.map { [$0] } ?? [])
        let low = min(0, all.min() ?? 0), high = max(all.max() ?? 1, low + 1)
        return (low, high + (high - low) * 0.1)
    }

    var svg: String {
        let width = 480.0, height = 240.0, left = 48.0, right = 16.0, top = 14.0, bottom = 44.0
        let plotW = width - left - right, plotH = height - top - bottom
        let (low, high) = range, n = max(points.count, 1)
        func x(_ i: Int) -> Double { n == 1 ? left + plotW / 2 : left + 12 + (plotW - 24) * Double(i) / Double(n - 1) }
        func y(_ v: Double) -> Double { top + plotH * (high - v) / (high - low) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" class=\"chart\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
        out += "<title id=\"\(id)-title\">\(ObservationChart.escape(title))</title>"
        out += "<desc id=\"\(id)-desc\">Waarde per periode, met de norm als gestreepte lijn. De cijfers en de status staan ook in de tabel.</desc>"
        for step in 0...4 {
            let v = low + (high - low) * Double(step) / 4, yy = y(v)
            out += "<line x1=\"\(f(left))\" y1=\"\(f(yy))\" x2=\"\(f(width - right))\" y2=\"\(f(yy))\" stroke=\"#d0d4d9\" stroke-width=\"1\"/>"
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(yy + 5))\" text-anchor=\"end\" font-size=\"14\" fill=\"#333\">\(ObservationChart.escape(IndicatorUnit.decimal(v, places: high - low < 10 ? 1 : 0)))</text>"
        }
        out += "<line x1=\"\(f(left))\" y1=\"\(f(y(norm.threshold)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(norm.threshold)))\" stroke=\"#8a3a00\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
        let step = max(1, Int((Double(n) * 78 / plotW).rounded(.up)))
        for (i, p) in points.enumerated() where i % step == 0 || i == n - 1 {
            guard i == n - 1 || n - 1 - i >= step else { continue }
            out += "<text x=\"\(f(x(i)))\" y=\"\(f(height - bottom + 22))\" text-anchor=\"middle\" font-size=\"14\" fill=\"#333\">\(ObservationChart.escape(p.period.shortLabel))</text>"
        }
        let pts = values.enumerated().compactMap { i, v in v.map { (x(i), y($0)) } }
        if pts.count > 1 {
            out += "<polyline points=\"\(pts.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " "))\" fill=\"none\" stroke=\"#005ea5\" stroke-width=\"2.5\"/>"
        }
        for (px, py) in pts { out += "<circle cx=\"\(f(px))\" cy=\"\(f(py))\" r=\"5\" fill=\"#005ea5\"/>" }
        return out + "</svg>"
    }

    /// A small line for a list, beside the status word; hidden from screen readers.
    var sparkline: String {
        let width = 96.0, height = 24.0
        let (low, high) = range, n = max(points.count, 1)
        func x(_ i: Int) -> Double { n == 1 ? width / 2 : 3 + (width - 6) * Double(i) / Double(n - 1) }
        func y(_ v: Double) -> Double { 3 + (height - 6) * (high - v) / (high - low) }
        let pts = values.enumerated().compactMap { i, v in v.map { (x(i), y($0)) } }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" class=\"sparkline\" aria-hidden=\"true\" focusable=\"false\">"
        out += "<line x1=\"0\" y1=\"\(f(y(norm.threshold)))\" x2=\"\(Int(width))\" y2=\"\(f(y(norm.threshold)))\" stroke=\"#8a3a00\" stroke-width=\"1\" stroke-dasharray=\"3 2\"/>"
        if pts.count > 1 { out += "<polyline points=\"\(pts.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " "))\" fill=\"none\" stroke=\"#005ea5\" stroke-width=\"2\"/>" }
        if let last = pts.last { out += "<circle cx=\"\(f(last.0))\" cy=\"\(f(last.1))\" r=\"2.5\" fill=\"#005ea5\"/>" }
        return out + "</svg>"
    }

    private func f(_ v: Double) -> String { String(format: "%.1f", v) }
}
