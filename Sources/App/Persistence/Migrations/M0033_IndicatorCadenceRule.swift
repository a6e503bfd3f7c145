import Fluent

/// An indicator can take its value from a cadence rule ("minstens 1 contactmoment per
/// kwartaal in elke wijk"): the share of it met, from the meetings held. No foreign key: a
/// deleted rule leaves the indicator saying so, with its history.
struct M0033_IndicatorCadenceRule: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("indicators").field("cadence_rule_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("indicators").deleteField("cadence_rule_id").update()
    }
}
