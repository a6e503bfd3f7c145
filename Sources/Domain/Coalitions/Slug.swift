import Foundation

/// The readable part of a coalition's address: /c/{slug}/.
public enum Slug {
    public static let maxLength = 60

    /// "Coalitie Rivierstad – Zuid" -> "coalitie-rivierstad-zuid".
    public static func make(from name: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in name.decomposedLowercase.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                let dash = pendingDash && !out.isEmpty
                if out.count + (dash ? 2 : 1) > maxLength { break }
                if dash { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "coalitie" : out
    }

    /// Whether a path segment can be a slug at all (saves a query on junk).
    public static func isWellFormed(_ value: String) -> Bool {
        !value.isEmpty && value.count <= maxLength + 6
            && value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

extension String {
    fileprivate var decomposedLowercase: String {
        // Canonical decomposition splits "é" into "e" + a combining mark, which make() skips.
        lowercased().decomposedStringWithCanonicalMapping
    }
}
