import Domain
import Fluent
import Foundation

/// A coalition: the tenant. Everything a coalition owns carries its id.
package final class CoalitionRecord: Model, @unchecked Sendable {
    package static let schema = "coalitions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "slug") package var slug: String
    @Field(key: "name") package var name: String
    @Field(key: "period_start") package var periodStart: Int
    @Field(key: "period_end") package var periodEnd: Int
    @Field(key: "version") package var version: Int
    /// Raised by database triggers with every change to the coalition's rows (M0023); the
    /// app only reads it (`ReadCache`).
    @Field(key: "generation") package var generation: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $slug, $name, $periodStart, $periodEnd, $version, $generation, $createdAt, $updatedAt]) }

    package init(id: UUID? = nil, slug: String, name: String, period: Period) {
        self.id = id
        self.slug = slug
        self.name = name
        self.periodStart = period.startYear
        self.periodEnd = period.endYear
        self.version = 1
        self.generation = 0
    }

    package var period: Period { Period(startYear: periodStart, endYear: periodEnd) }
}
