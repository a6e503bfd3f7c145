import Foundation
import NIOConcurrencyHelpers
import Vapor

/// What pages read of a coalition, kept in memory until anything in that coalition changes.
///
/// Database triggers raise the coalition's `generation` in the same transaction as every
/// change to its rows (M0023), and the tenant query reads that number on every request
/// anyway. A value is kept under the number that was read before the value itself, so it is
/// never older than its number says: a page that finds a value under the number it read
/// gets what a fresh read would give, also after a change by another app instance on the
/// same PostgreSQL, a command or a script.
///
/// Only pages (GET and HEAD) use it, through `Request.cached`: the records in it are shared
/// by concurrent requests and are never changed, and every write starts from fresh rows.
final class ReadCache: Sendable {
    /// Bounds on memory: a value is about one page's worth of records (a bouwblad with its
    /// texts, a few to tens of kB), so at most 16,384 of them; a coalition has two per
    /// bouwblad and a few more.
    static let maxCoalitions = 128
    static let maxValuesPerCoalition = 128

    private struct Shelf {
        var generation: Int
        var values: [String: any Sendable]
    }

    private let shelves = NIOLockedValueBox<[UUID: Shelf]>([:])

    func value(_ key: String, coalition: UUID, generation: Int) -> (any Sendable)? {
        shelves.withLockedValue { shelves in
            guard let shelf = shelves[coalition], shelf.generation == generation else { return nil }
            return shelf.values[key]
        }
    }

    func store(_ value: any Sendable, _ key: String, coalition: UUID, generation: Int) {
        shelves.withLockedValue { shelves in
            if let shelf = shelves[coalition] {
                // The number only goes up: a request that read an older one must not push
                // out the values of a newer state.
                guard shelf.generation <= generation else { return }
                if shelf.generation < generation || shelf.values.count >= Self.maxValuesPerCoalition {
                    shelves[coalition] = Shelf(generation: generation, values: [:])
                }
            } else {
                if shelves.count >= Self.maxCoalitions { shelves.removeAll(keepingCapacity: true) }
                shelves[coalition] = Shelf(generation: generation, values: [:])
            }
            shelves[coalition]?.values[key] = value
        }
    }
}

extension Application {
    private struct ReadCacheKey: StorageKey { typealias Value = ReadCache }

    /// Set once in `configure`, before the server takes requests.
    var readCache: ReadCache {
        get { storage[ReadCacheKey.self] ?? ReadCache() }
        set { storage[ReadCacheKey.self] = newValue }
    }
}

extension Request {
    /// `read` of the current coalition, or what it gave before while nothing in the coalition
    /// changed. `key` names what is read and everything it depends on besides the
    /// coalition's rows (ids, the person's choices). Outside a coalition and for every method
    /// but GET and HEAD it simply reads.
    func cached<T: Sendable>(_ key: String, _ read: () async throws -> T) async throws -> T {
        guard method == .GET || method == .HEAD, let tenant = tenantIfAny else { return try await read() }
        let cache = application.readCache, generation = tenant.coalition.generation
        // Unwrapped before the cast: nil cast to an optional T would be a hit of nil.
        if let stored = cache.value(key, coalition: tenant.coalitionID, generation: generation), let hit = stored as? T { return hit }
        let value = try await read()
        cache.store(value, key, coalition: tenant.coalitionID, generation: generation)
        return value
    }
}
