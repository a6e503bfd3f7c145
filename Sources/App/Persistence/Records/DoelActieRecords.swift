import Domain
import Fluent
import Foundation

/// A goal of a cycle (step 2), with its result (step 3).
package final class DoelRecord: Model, @unchecked Sendable {
    package static let schema = "doelen"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "bouwblad_id") package var bouwbladID: UUID
    @Field(key: "cycle_id") package var cycleID: UUID
    @Field(key: "text") package var text: String
    @Field(key: "measure") package var measure: String
    @Field(key: "target") package var target: String
    @OptionalField(key: "unit") package var unit: String?
    @OptionalField(key: "deadline") package var deadline: String?
    @Field(key: "owner") package var owner: String
    @Field(key: "achieved") package var achieved: String
    /// Set by hand; nil means: computed from target and achieved value.
    @OptionalField(key: "verdict") package var verdict: String?
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwbladID, $cycleID, $text, $measure, $target, $unit, $deadline, $owner, $achieved, $verdict, $version, $createdAt, $updatedAt]) }

    package var targetUnit: TargetUnit? { unit.flatMap(TargetUnit.init(rawValue:)) }
    package var computedVerdict: Verdict? { Verdict.compute(target: target, achieved: achieved, unit: targetUnit) }
    package var effectiveVerdict: Verdict? { verdict.flatMap(Verdict.init(rawValue:)) ?? computedVerdict }

    /// The target as people read it: "80%", "12 (aantal)", "1 juni 2026".
    package var targetLabel: String? {
        guard !target.isEmpty else { return nil }
        if targetUnit == .datum { return IsoDate(target)?.label ?? target }
        return target + (targetUnit.map { $0 == .procent ? "%" : " (\($0.label))" } ?? "")
    }

    /// A date result reads as a date, like its target.
    package var achievedLabel: String {
        targetUnit == .datum ? (IsoDate(achieved)?.label ?? achieved) : achieved
    }

    /// One line for the history page.
    package var summary: String {
        var parts = [text]
        if !measure.isEmpty { parts.append("meet: \(measure)") }
        if !target.isEmpty { parts.append("streefwaarde: \(target)\(targetUnit.map { $0 == .datum ? "" : " \($0.label)" } ?? "")") }
        if let deadline { parts.append("uiterlijk: \(deadline)") }
        if !owner.isEmpty { parts.append("trekker: \(owner)") }
        if !achieved.isEmpty { parts.append("bereikt: \(achieved)") }
        if let verdict = effectiveVerdict { parts.append(verdict.label.lowercased()) }
        return parts.joined(separator: " · ")
    }
}

/// An action of a cycle: who does what, when, and how far it is.
package final class ActieRecord: Model, @unchecked Sendable {
    package static let schema = "acties"

    @ID(key: .id) package var id: UUID?
    @Field(key: "coalition_id") package var coalitionID: UUID
    @Field(key: "bouwblad_id") package var bouwbladID: UUID
    @Field(key: "cycle_id") package var cycleID: UUID
    @Field(key: "text") package var text: String
    @OptionalField(key: "owner_member_id") package var ownerMemberID: UUID?
    @Field(key: "owner_name") package var ownerName: String
    @OptionalField(key: "deadline") package var deadline: String?
    @Field(key: "status") package var status: ActieStatus
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwbladID, $cycleID, $text, $ownerMemberID, $ownerName, $deadline, $status, $version, $createdAt, $updatedAt]) }

    package var summary: String {
        var parts = [text]
        if !ownerName.isEmpty { parts.append("wie: \(ownerName)") }
        if let deadline { parts.append("wanneer: \(deadline)") }
        parts.append(status.label.lowercased())
        return parts.joined(separator: " · ")
    }
}
