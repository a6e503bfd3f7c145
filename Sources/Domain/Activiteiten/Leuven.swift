/// The Leuven scales (Laevers): an observer scores betrokkenheid (involvement) or
/// welbevinden (well-being) from 1 (zeer laag) to 5 (zeer hoog), with the in-between
/// scores 1+ … 4+ the instrument allows. Never about a named pupil: either one score for
/// the group, or how many pupils were seen at each level.
public enum LeuvenScale: String, CaseIterable, Sendable {
    case betrokkenheid, welbevinden

    public var label: String { self == .betrokkenheid ? "Betrokkenheid" : "Welbevinden" }

    /// The nine scores in half steps: "1", "1+", … "5".
    public static let levels: [String] = ["1", "1+", "2", "2+", "3", "3+", "4", "4+", "5"]

    public static func value(of level: String) -> Double? {
        guard let index = levels.firstIndex(of: level.trimmingWhitespace()) else { return nil }
        return 1 + Double(index) / 2
    }

    public static func level(of value: Double) -> String {
        levels[max(0, min(8, Int((value - 1) * 2 + 0.5)))]
    }

    /// The scale's level descriptions in Dutch, shown as help while scoring.
    public var descriptions: [(level: String, text: String)] {
        switch self {
        case .betrokkenheid:
            return [
                ("1", "Zeer laag: het kind doet nauwelijks iets, kijkt wat rond, is afwezig of herhaalt steeds hetzelfde."),
                ("2", "Laag: het kind is wel bezig, maar wordt vaak afgeleid en haakt snel af."),
                ("3", "Matig: het kind is bezig, maar zonder echte concentratie of inzet."),
                ("4", "Hoog: er zijn duidelijke momenten waarop het kind geconcentreerd en geboeid bezig is."),
                ("5", "Zeer hoog: het kind gaat helemaal op in de activiteit, is geconcentreerd, gedreven en laat zich niet afleiden."),
            ]
        case .welbevinden:
            return [
                ("1", "Zeer laag: het kind laat duidelijk merken dat het zich niet goed voelt: huilen, angst, boosheid of terugtrekken."),
                ("2", "Laag: houding en gezicht laten onbehagen zien, maar minder sterk."),
                ("3", "Matig: het kind is neutraal; geen duidelijke signalen van plezier of onbehagen."),
                ("4", "Hoog: het kind laat duidelijk merken dat het zich prettig voelt, maar niet de hele tijd."),
                ("5", "Zeer hoog: het kind geniet, is ontspannen, straalt en voelt zich helemaal thuis."),
            ]
        }
    }
}

/// One scale's observation of a session.
public enum Observation: Equatable, Sendable {
    case group(score: Double)
    case counts([Int])  // pupils at each of the nine levels

    public var average: Double? {
        switch self {
        case .group(let score): return score
        case .counts(let counts):
            let total = counts.reduce(0, +)
            guard total > 0 else { return nil }
            let sum = zip(counts, LeuvenScale.levels).reduce(0.0) { $0 + Double($1.0) * LeuvenScale.value(of: $1.1)! }
            return sum / Double(total)
        }
    }

    public var pupils: Int? { if case .counts(let c) = self { return c.reduce(0, +) } else { return nil } }

    public var stored: String {
        switch self {
        case .group(let score): return "g:\(LeuvenScale.level(of: score))"
        case .counts(let counts): return "c:" + counts.map(String.init).joined(separator: ",")
        }
    }

    public init?(stored: String?) {
        guard let stored, stored.count > 2 else { return nil }
        let body = String(stored.dropFirst(2))
        if stored.hasPrefix("g:"), let v = LeuvenScale.value(of: body) { self = .group(score: v); return }
        if stored.hasPrefix("c:") {
            let counts = body.split(separator: ",").compactMap { Int($0) }
            if counts.count == 9 { self = .counts(counts); return }
        }
        return nil
    }

    /// Reads one scale of the session form: `<scale>-mode` is "geen", "groep" or "aantallen";
    /// "groep" needs `<scale>-score`, "aantallen" needs `<scale>-n0` … `<scale>-n8`, whose sum
    /// may not exceed the pupils present.
    public static func validate(_ values: [String: String], scale: LeuvenScale, present: Int?, into errors: inout FieldErrors) -> Observation?? {
        let key = scale.rawValue
        switch (values["\(key)-mode"] ?? "geen").trimmingWhitespace() {
        case "", "geen":
            return .some(nil)
        case "groep":
            guard let v = LeuvenScale.value(of: values["\(key)-score"] ?? "") else { errors.add("\(key)-score", .unknownChoice); return nil }
            return .some(.group(score: v))
        case "aantallen":
            var counts: [Int] = []
            for index in 0..<9 {
                let field = "\(key)-n\(index)"
                let text = (values[field] ?? "").trimmingWhitespace()
                if text.isEmpty { counts.append(0); continue }
                guard let n = ActivityInput.count(text, field: field, max: 500, into: &errors) else { return nil }
                counts.append(n)
            }
            let total = counts.reduce(0, +)
            if total == 0 { errors.add("\(key)-n0", .required); return nil }
            if let present, total > present { errors.add("\(key)-n0", .moreThanPresent(present: present)); return nil }
            return .some(.counts(counts))
        default:
            errors.add("\(key)-mode", .unknownChoice)
            return nil
        }
    }
}
