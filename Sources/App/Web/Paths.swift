import Foundation

/// Every address inside a coalition, spelled once: links are built here, never by hand.
/// (The route registrations still name their segments themselves; they move here next.)
enum Paths {
    static func coalition(_ slug: String) -> Coalition { Coalition(slug: slug) }

    struct Coalition: Sendable {
        let slug: String

        /// "/c/{slug}", the prefix of everything below.
        var base: String { "/c/\(slug)" }
        /// "/c/{slug}/", the raster.
        var home: String { base + "/" }
        var leden: String { base + "/leden" }
        var rapport: String { base + "/rapport" }
        var prullenbak: String { base + "/prullenbak" }
        var locaties: String { base + "/locaties" }
        var acties: String { base + "/acties" }
        var activiteiten: String { base + "/activiteiten" }

        func bouwblad(_ id: UUID) -> String { base + "/bouwbladen/\(id)" }
        func bouwsteen(_ code: String) -> String { base + "/bouwstenen/\(code)" }
        func partner(_ id: UUID) -> String { base + "/partners/\(id)" }
        func staff(_ id: UUID, of partner: UUID) -> String { self.partner(partner) + "/medewerkers/\(id)" }
    }
}
