import Domain
import Fluent
import Foundation
import SQLKit

/// The only code that queries indicators and their hand values. Made with the tenant:
/// another coalition's ids find nothing and change nothing.
package struct IndicatorenStore: TenantStore {
    package let coalitionID: UUID
    package let db: any Database

    package init(coalitionID: UUID, db: any Database) { (self.coalitionID, self.db) = (coalitionID, db) }

    // MARK: indicators

    /// By result area, then name.
    package func indicators() async throws -> [IndicatorRecord] {
        try await IndicatorRecord.query(on: db).filter(\.$coalitionID == coalitionID).sort(\.$area).sort(\.$name).all()
    }

    package func indicator(_ id: UUID) async throws -> IndicatorRecord? {
        try await IndicatorRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).first()
    }

    package func add(_ indicator: IndicatorRecord) async throws {
        indicator.coalitionID = coalitionID
        try await indicator.create(on: db)
    }

    func update(_ id: UUID, from version: Int, _ input: IndicatorInput, now: Date) async throws -> Bool {
        try await update(IndicatorRecord.schema, id: id, from: version, set: [
            ("name", input.name), ("area", input.area), ("source", input.source.rawValue), ("questionnaire_id", input.questionnaireID),
            ("question_id", input.questionID), ("measure", input.measure?.rawValue), ("cadence_rule_id", input.cadenceRuleID), ("unit", input.unit.rawValue),
            ("direction", input.direction.rawValue), ("norm", input.norm), ("signal", input.signal), ("rhythm", input.rhythm.rawValue),
            ("per_location", input.perLocation),
        ], now: now)
    }

    /// Removes it with its values and their history.
    func delete(_ id: UUID) async throws {
        try await IndicatorRecord.query(on: db).filter(\.$id == id).filter(\.$coalitionID == coalitionID).delete()
    }

    // MARK: hand values

    /// Every hand value of the coalition, per indicator: one query for all indicators.
    func handValues() async throws -> [String: [IndicatorData.HandValue]] {
        let rows = try await IndicatorValueRecord.query(on: db).filter(\.$coalitionID == coalitionID).all()
        return Dictionary(grouping: rows, by: { $0.indicatorID.uuidString }).mapValues { group in
            group.map { IndicatorData.HandValue(periodKey: $0.period, locationID: $0.place.isEmpty ? nil : $0.place, value: $0.value) }
        }
    }

    func values(of indicator: UUID) async throws -> [IndicatorValueRecord] {
        try await IndicatorValueRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$indicatorID == indicator).all()
    }

    /// The newest changes first, at most 50.
    func log(of indicator: UUID) async throws -> [IndicatorValueLogRecord] {
        try await IndicatorValueLogRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$indicatorID == indicator)
            .sort(\.$at, .descending).range(..<50).all()
    }

    enum Saved { case saved, conflict }

    /// Sets (or, with nil, removes) the value of one period and place, if it is still the
    /// version the person started from (0: there was none), and writes the change to the
    /// log. Run it inside a transaction.
    func set(_ value: Double?, of indicator: UUID, period: String, place: String, from version: Int, by name: String, now: Date) async throws -> Saved {
        let existing = try await IndicatorValueRecord.query(on: db).filter(\.$coalitionID == coalitionID).filter(\.$indicatorID == indicator)
            .filter(\.$period == period).filter(\.$place == place).first()
        guard (existing?.version ?? 0) == version else { return .conflict }
        switch (existing, value) {
        case (nil, nil): return .saved
        case (let row?, nil):
            try await IndicatorValueRecord.query(on: db).filter(\.$id == row.requireID()).filter(\.$version == version).delete()
        case (nil, let value?):
            try await IndicatorValueRecord(coalitionID: coalitionID, indicatorID: indicator, period: period, place: place, value: value, by: name, at: now).create(on: db)
        case (let row?, let value?):
            let updated = try await db.sql.update(IndicatorValueRecord.schema)
                .set("value", to: value).set("entered_by_name", to: name).set("entered_at", to: now).set("version", to: version + 1)
                .where("id", .equal, row.requireID()).where("coalition_id", .equal, coalitionID).where("version", .equal, version)
                .returning("id").all()
            guard !updated.isEmpty else { return .conflict }
        }
        try await IndicatorValueLogRecord(coalitionID: coalitionID, indicatorID: indicator, period: period, place: place, value: value, by: name, at: now).create(on: db)
        return .saved
    }
}
