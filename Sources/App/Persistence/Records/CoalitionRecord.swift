import Domain
import Fluent
import Foundation

/// A coalition: the tenant. Everything a coalition owns carries its id.
final class CoalitionRecord: Model, @unchecked Sendable {
    static let schema = "coalitions"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @Field(key: "period_start") var periodStart: Int
    @Field(key: "period_end") var periodEnd: Int
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var properties: [any AnyProperty] { listed([$id, $slug, $name, $periodStart, $periodEnd, $version, $createdAt, $updatedAt]) }

    init(id: UUID? = nil, slug: String, name: String, period: Period) {
        self.id = id
        self.slug = slug
        self.name = name
        self.periodStart = period.startYear
        self.periodEnd = period.endYear
        self.version = 1
    }

    var period: Period { Period(startYear: periodStart, endYear: periodEnd) }
}
