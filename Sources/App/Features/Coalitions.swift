import Domain
import Fluent
import Vapor

enum Coalitions {
    /// Creates a coalition with a unique slug ("rivierstad", "rivierstad-2", …).
    static func create(_ input: CoalitionInput, on db: any Database) async throws -> CoalitionRecord {
        let base = Slug.make(from: input.name)
        var slug = base
        var n = 1
        while try await CoalitionRecord.query(on: db).filter(\.$slug == slug).count() > 0 {
            n += 1
            slug = "\(base)-\(n)"
        }
        let coalition = CoalitionRecord(slug: slug, name: input.name, period: input.period)
        try await coalition.create(on: db)
        return coalition
    }
}
