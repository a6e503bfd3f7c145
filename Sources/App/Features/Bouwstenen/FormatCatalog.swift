import Domain
import Fluent
import Vapor

/// The format's bouwstenen and questions as stored by the data migration. Reference
/// data that only a migration changes, so it is read once and kept in memory.
package struct FormatCatalog: Sendable {
    package struct Question: Sendable { package let id: UUID; package let text: String; package let mandatory: Bool; package let position: Int }
    package struct Bouwsteen: Sendable { package let id: UUID; package let key: BouwsteenKey; package let description: String; package let questions: [Question] }

    package let formatName: String
    package let bouwstenen: [Bouwsteen]

    package func bouwsteen(_ key: BouwsteenKey) -> Bouwsteen? { bouwstenen.first { $0.key == key } }
    package func bouwsteen(id: UUID) -> Bouwsteen? { bouwstenen.first { $0.id == id } }
    package func question(id: UUID) -> (Bouwsteen, Question)? {
        for b in bouwstenen { if let q = b.questions.first(where: { $0.id == id }) { return (b, q) } }
        return nil
    }

    /// "2.3: " and the bouwblad's title, else its question: how a list of acties names a bouwblad.
    func name(of b: BouwbladRecord) -> String {
        "\(bouwsteen(id: b.bouwsteenID)?.key.name ?? ""): \(b.title.isEmpty ? (b.questionID.flatMap { question(id: $0)?.1.text } ?? b.ownQuestion ?? "") : b.title)"
    }

    package static func load(on db: any Database) async throws -> FormatCatalog {
        let code = FormatDefinition.bouwstenen2024.code
        guard let format = try await FormatRecord.query(on: db).filter(\.$code == code).first() else {
            throw Abort(.internalServerError, reason: "format \(code) missing: migrations have not run")
        }
        let formatID = try format.requireID()
        let bouwstenen = try await BouwsteenRecord.query(on: db).filter(\.$formatID == formatID).all()
        let ids = try bouwstenen.map { try $0.requireID() }
        let questions = try await FormatQuestionRecord.query(on: db).filter(\.$bouwsteenID ~~ ids).all()
        let grouped = Dictionary(grouping: questions, by: \.bouwsteenID)
        return FormatCatalog(
            formatName: format.name,
            bouwstenen: try bouwstenen.map { b in
                Bouwsteen(id: try b.requireID(), key: b.key, description: b.description,
                          questions: try (grouped[(try b.requireID())] ?? []).sorted { $0.position < $1.position }
                            .map { Question(id: try $0.requireID(), text: $0.text, mandatory: $0.mandatory, position: $0.position) })
            }.sorted { BouwsteenKey.all.firstIndex(of: $0.key)! < BouwsteenKey.all.firstIndex(of: $1.key)! })
    }
}

extension Request {
    /// The format catalog, loaded on first use.
    func formatCatalog() async throws -> FormatCatalog {
        try await application.formatCatalog(on: db)
    }
}

extension Application {
    /// The format, read once (the digest has no request).
    func formatCatalog(on db: any Database) async throws -> FormatCatalog {
        let cache = formatCatalogCache
        if let catalog = cache.value { return catalog }
        let catalog = try await FormatCatalog.load(on: db)
        cache.value = catalog
        return catalog
    }
}

extension Application {
    final class FormatCatalogCache: @unchecked Sendable {
        private let lock = NSLock()
        private var _value: FormatCatalog?
        var value: FormatCatalog? {
            get { lock.withLock { _value } }
            set { lock.withLock { _value = newValue } }
        }
    }

    private struct FormatCatalogKey: StorageKey { typealias Value = FormatCatalogCache }

    var formatCatalogCache: FormatCatalogCache {
        if let cache = storage[FormatCatalogKey.self] { return cache }
        let cache = FormatCatalogCache()
        storage[FormatCatalogKey.self] = cache
        return cache
    }
}
