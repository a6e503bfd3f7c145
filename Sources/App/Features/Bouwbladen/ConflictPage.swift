import Domain
import Fluent
import Vapor

/// 409: someone saved this step after the page was opened. Both texts side by side,
/// so nothing typed is lost; saving again from here is based on the stored step.
enum ConflictPage {
    struct Page: Encodable {
        let layout: Layout
        let backHref: String
        let stepLabel: String
        let theirs: String
        let theirsBy: String
        let yours: String
        let action: String
        /// The version of the step as it is now: saving from here is based on it.
        let stepVersion: Int
    }

    static func render(_ req: Request, _ context: BouwbladContext, cycle: CycleRecord, step: CycleStep, yours: String) async throws -> Response {
        let store = context.store(req.db)
        let latest = try await store.latestRevision(of: cycle.requireID(), step: step)
        var by = "iemand anders"
        if let latest, let name = try await store.names(of: [latest.userID])[latest.userID] {
            by = "\(name), \(DutchDate.dayMonthYear(latest.createdAt)) om \(DutchDate.time(latest.createdAt))"
        }
        let current = cycle.text(step)
        return try await req.page("bouwbladen/conflict", title: "Iemand anders heeft dit intussen gewijzigd", current: .start, status: .conflict) { layout in
            Page(
                layout: layout,
                backHref: context.base + "#stap-\(try cycle.requireID())-\(step.rawValue)",
                stepLabel: "Cyclus \(cycle.number), stap \(step.number) – \(step.title)",
                theirs: current, theirsBy: by, yours: yours,
                action: context.paths.cycle(try cycle.requireID()).step(step.rawValue).path, stepVersion: cycle.version(of: step))
        }
    }
}
