import Domain
import Foundation

/// A line chart of Leuven-scale averages per month, drawn on the server as SVG so it
/// works without JavaScript and prints. Betrokkenheid and welbevinden differ in colour
/// and in line style and marker shape, so the chart does not depend on colour alone; a
/// data table beside it carries the same numbers for screen readers.
struct ObservationChart: Encodable {
    struct Point: Encodable { let label: String; let betrokkenheid: Double?; let welbevinden: Double?; let observed: Int; let sessions: Int }
    struct TableRow: Encodable { let month: String; let betrokkenheid: String; let welbevinden: String; let observed: String }

    let id: String
    let title: String
    let points: [Point]
    // Stored, not computed: templates see stored properties only.
    let table: [TableRow]
    let observedShare: String
    let hasData: Bool

    init(id: String, title: String, points: [Point]) {
        self.id = id
        self.title = title
        self.points = points
        table = points.map { p in
            TableRow(month: p.label, betrokkenheid: p.betrokkenheid.map(Self.format) ?? "—", welbevinden: p.welbevinden.map(Self.format) ?? "—",
                     observed: "\(p.observed) van \(p.sessions)")
        }
        hasData = points.contains { $0.betrokkenheid != nil || $0.welbevinden != nil }
        let held = points.reduce(0) { $0 + $1.sessions }, observed = points.reduce(0) { $0 + $1.observed }
        observedShare = held == 0 ? "Nog geen sessies geweest."
            : "\(observed) van de \(held) sessies geobserveerd (\(Int((Double(observed) / Double(held) * 100).rounded())) %)."
    }

    /// Groups sessions per month: the average of the observations, and how many sessions
    /// (not cancelled, already held) were observed.
    static func monthly(id: String, title: String, sessions: [ActivitySessionRecord], today: IsoDate) -> ObservationChart {
        var byMonth: [String: [ActivitySessionRecord]] = [:]
        for s in sessions where !s.cancelled { if let d = s.isoDate, d <= today { byMonth[String(s.date.prefix(7)), default: []].append(s) } }
        let points = byMonth.keys.sorted().map { key -> Point in
            let group = byMonth[key]!
            func avg(_ scale: LeuvenScale) -> Double? {
                let values = group.compactMap { $0.observation(scale)?.average }
                return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
            }
            return Point(label: Month(key)?.shortLabel ?? key,
                         betrokkenheid: avg(.betrokkenheid), welbevinden: avg(.welbevinden),
                         observed: group.filter(\.isObserved).count, sessions: group.count)
        }
        return ObservationChart(id: id, title: title, points: points)
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",") }

    /// The SVG markup. Every text in it is escaped; titles come from user data.
    var svg: String {
        // A narrow drawing with large type: on a 375 px phone it is drawn at about two thirds,
        // so 16-unit labels stay about 11 px high. Month labels are thinned out so they never overlap.
        let width = 480.0, height = 250.0, left = 36.0, right = 20.0, top = 16.0, bottom = 44.0
        let plotW = width - left - right, plotH = height - top - bottom
        let n = max(points.count, 1)
        func x(_ i: Int) -> Double { n == 1 ? left + plotW / 2 : left + 20 + (plotW - 20) * Double(i) / Double(n - 1) }
        func y(_ v: Double) -> Double { top + plotH * (5 - v) / 4 }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" class=\"chart\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
        out += "<title id=\"\(id)-title\">\(Self.escape(title))</title>"
        out += "<desc id=\"\(id)-desc\">Gemiddelde per maand op een schaal van 1 tot 5. De cijfers staan ook in de tabel bij de grafiek.</desc>"
        for level in 1...5 {
            let yy = y(Double(level))
            out += "<line x1=\"\(left)\" y1=\"\(yy)\" x2=\"\(width - right)\" y2=\"\(yy)\" stroke=\"#d0d4d9\" stroke-width=\"1\"/>"
            out += "<text x=\"\(left - 10)\" y=\"\(yy + 5)\" text-anchor=\"end\" font-size=\"16\" fill=\"#333\">\(level)</text>"
        }
        let labelWidth = 80.0  // "sep 2026" at 16 units, with room
        let step = max(1, Int((Double(n) * labelWidth / plotW).rounded(.up)))
        for (i, p) in points.enumerated() where i % step == 0 {
            out += "<text x=\(q(x(i))) y=\(q(height - bottom + 22)) text-anchor=\"middle\" font-size=\"16\" fill=\"#333\">\(Self.escape(p.label))</text>"
        }
        out += series(points.map(\.betrokkenheid), x: x, y: y, color: "#005ea5", dash: nil, marker: .circle)
        out += series(points.map(\.welbevinden), x: x, y: y, color: "#8a3a00", dash: "6 4", marker: .square)
        out += "</svg>"
        return out
    }

    private enum Marker { case circle, square }

    private func series(_ values: [Double?], x: (Int) -> Double, y: (Double) -> Double, color: String, dash: String?, marker: Marker) -> String {
        var out = ""
        let pts = values.enumerated().compactMap { i, v in v.map { (x(i), y($0)) } }
        if pts.count > 1 {
            // One decimal, as the markers: the last digits of a mean depend on the order it was summed in.
            let path = pts.map { String(format: "%.1f,%.1f", $0.0, $0.1) }.joined(separator: " ")
            out += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.5\"\(dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
        }
        for (px, py) in pts {
            switch marker {
            case .circle: out += "<circle cx=\(q(px)) cy=\(q(py)) r=\"5\" fill=\"\(color)\"/>"
            case .square: out += "<rect x=\(q(px - 5)) y=\(q(py - 5)) width=\"10\" height=\"10\" fill=\"\(color)\"/>"
            }
        }
        return out
    }

    private func q(_ v: Double) -> String { "\"\(String(format: "%.1f", v))\"" }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
