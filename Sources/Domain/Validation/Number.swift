import Foundation

/// Numbers as Dutch people type them: "80", "80%", "7,5", "1.200".
public enum Number {
    public static func parse(_ raw: String) -> Double? {
        var text = raw.trimmingWhitespace().replacingOccurrences(of: "%", with: "").replacingOccurrences(of: " ", with: "")
        guard !text.isEmpty, text.count <= 20 else { return nil }
        if text.contains(",") {
            text = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        } else if text.filter({ $0 == "." }).count == 1, let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) == 4 {
            text = text.replacingOccurrences(of: ".", with: "") // "1.200" is twelve hundred
        }
        guard let value = Double(text), value.isFinite, abs(value) < 1e12 else { return nil }
        return value
    }
}
