import App
import Domain
import Fluent
import Foundation

/// Generated coalitions for the performance harness. Each coalition has what a busy
/// coalition has after two years: 10 members, 9 mandatory and 3 extra bouwbladen of 3
/// cycles (two closed) with goals, actions and revisions, and an activiteitenboek of 30
/// activities with 600 sessions, nabespreking and observations. Rows are written in
/// batches, one transaction per coalition, so L (200 coalitions) fills in well under two
/// minutes on SQLite.
struct BenchData {
    enum Size: String {
        case S, M, L, XL
        var coalitions: Int { [.S: 1, .M: 20, .L: 200, .XL: 1000][self]! }
    }

    struct Totals: CustomStringConvertible {
        var coalitions = 0, users = 0, bouwbladen = 0, cycles = 0, activities = 0, sessions = 0
        var description: String {
            "\(coalitions) coalities, \(users) gebruikers, \(bouwbladen) bouwbladen, \(cycles) cycli, \(activities) activiteiten, \(sessions) sessies"
        }
    }

    static let password = "Bench-wachtwoord-2025"
    static func slug(_ n: Int) -> String { String(format: "bench-%04d", n) }

    let seed: UInt64
    let passwordHash: String
    var today = WallClock.system.today

    /// Adds coalitions bench-0001 … bench-N that are not there yet (so a second run, or a
    /// larger size after a smaller one, only adds what is missing).
    func fill(_ db: any Database, coalitions count: Int, progress: (Int) -> Void) async throws -> Totals {
        let catalog = try await FormatCatalog.load(on: db)
        let existing = Set(try await CoalitionRecord.query(on: db).filter(\.$slug =~ "bench-").all().map(\.slug))
        var totals = Totals()
        for n in 1...max(1, count) {
            if !existing.contains(Self.slug(n)) {
                var random = SplitMix64(seed: seed &* 1_000_003 &+ UInt64(n))
                let rows = try Coalition(n: n, catalog: catalog, passwordHash: passwordHash, today: today, random: &random)
                try await db.transaction { try await rows.insert(on: $0) }
                totals.add(rows)
            }
            progress(n)
        }
        return totals
    }
}

extension BenchData.Totals {
    mutating func add(_ c: BenchData.Coalition) {
        coalitions += 1; users += c.users.count; bouwbladen += c.bouwbladen.count; cycles += c.cycles.count
        activities += c.activities.count; sessions += c.sessions.count
    }
}

/// A small, fast generator with a fixed sequence per seed (the standard one is random by design).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func uuid() -> UUID {
        let a = next(), b = next()
        var bytes = (0..<8).map { UInt8(truncatingIfNeeded: a >> ($0 * 8)) } + (0..<8).map { UInt8(truncatingIfNeeded: b >> ($0 * 8)) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40 // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80 // RFC 4122 variant
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
}
