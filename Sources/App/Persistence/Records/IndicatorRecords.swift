import Domain
import Fluent
import Foundation

/// An indicator: what is measured, against which norm, how often, from which source.
package final class IndicatorRecord: Model, @unchecked Sendable {
    package static let schema = "indicators"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "name") package var name: String
    @Field(key: "area") package var area: String
    @Field(key: "source") package var source: String
    @OptionalField(key: "questionnaire_id") package var questionnaireID: UUID?
    @OptionalField(key: "question_id") package var questionID: String?
    @OptionalField(key: "measure") package var measure: String?
    @OptionalField(key: "cadence_rule_id") package var cadenceRuleID: UUID?
    @Field(key: "unit") package var unit: String
    @Field(key: "direction") package var direction: String
    @Field(key: "norm") package var norm: Double
    @OptionalField(key: "signal") package var signal: Double?
    @Field(key: "rhythm") package var rhythm: String
    @Field(key: "per_location") package var perLocation: Bool
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] {
        listed([$id, $coalitionID, $name, $area, $source, $questionnaireID, $questionID, $measure, $cadenceRuleID, $unit, $direction, $norm, $signal, $rhythm,
                $perLocation, $version, $createdAt, $updatedAt])
    }

    package init(coalitionID: UUID, _ input: IndicatorInput) {
        self.coalitionID = coalitionID
        version = 1
        apply(input)
    }

    package func apply(_ input: IndicatorInput) {
        (name, area, source, questionnaireID, questionID, measure) = (input.name, input.area, input.source.rawValue, input.questionnaireID, input.questionID, input.measure?.rawValue)
        cadenceRuleID = input.cadenceRuleID
        (unit, direction, norm, signal, rhythm, perLocation) = (input.unit.rawValue, input.direction.rawValue, input.norm, input.signal, input.rhythm.rawValue, input.perLocation)
    }

    package var sourceValue: IndicatorSource { IndicatorSource(rawValue: source) ?? .hand }
    package var unitValue: IndicatorUnit { IndicatorUnit(rawValue: unit) ?? .aantal }
    package var rhythmValue: Rhythm { Rhythm(rawValue: rhythm) ?? .schooljaar }
    package var normValue: Norm { Norm(direction: Direction(rawValue: direction) ?? .hoger, threshold: norm, signal: signal) }

    /// As Domain computes it.
    package var definition: IndicatorDefinition {
        IndicatorDefinition(id: id?.uuidString ?? "", source: sourceValue, unit: unitValue, norm: normValue, rhythm: rhythmValue,
                            questionnaireID: questionnaireID?.uuidString, questionID: questionID, measure: measure.flatMap(QuestionnaireMeasure.init(rawValue:)),
                            perLocation: perLocation, cadenceRuleID: cadenceRuleID?.uuidString)
    }
}

/// A value typed by hand for one period and one place ("" for the coalition, else a
/// location's id), with who typed it and when.
package final class IndicatorValueRecord: Model, @unchecked Sendable {
    package static let schema = "indicator_values"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "indicator_id") package var indicatorID: UUID
    @Field(key: "period") package var period: String
    @Field(key: "place") package var place: String
    @Field(key: "value") package var value: Double
    @Field(key: "entered_by_name") package var enteredByName: String
    @Field(key: "entered_at") package var enteredAt: Date
    @Field(key: "version") package var version: Int

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $indicatorID, $period, $place, $value, $enteredByName, $enteredAt, $version]) }

    package init(coalitionID: UUID, indicatorID: UUID, period: String, place: String, value: Double, by name: String, at: Date) {
        (self.coalitionID, self.indicatorID, self.period, self.place, self.value) = (coalitionID, indicatorID, period, place, value)
        (enteredByName, enteredAt, version) = (name, at, 1)
    }

    package var locationID: UUID? { UUID(uuidString: place) }
}

/// Every change to a hand value, never changed itself: the audit of who typed what when.
package final class IndicatorValueLogRecord: Model, @unchecked Sendable {
    package static let schema = "indicator_value_log"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "indicator_id") package var indicatorID: UUID
    @Field(key: "period") package var period: String
    @Field(key: "place") package var place: String
    @OptionalField(key: "value") package var value: Double?
    @Field(key: "by_name") package var byName: String
    @Field(key: "at") package var at: Date

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $indicatorID, $period, $place, $value, $byName, $at]) }

    package init(coalitionID: UUID, indicatorID: UUID, period: String, place: String, value: Double?, by name: String, at: Date) {
        (self.coalitionID, self.indicatorID, self.period, self.place, self.value, byName, self.at) = (coalitionID, indicatorID, period, place, value, name, at)
    }
}
