import Domain
import Fluent
import Foundation

/// A goal of a cycle (step 2), with its result (step 3).
final class DoelRecord: Model, @unchecked Sendable {
    static let schema = "doelen"

    @ID(key: .id) var id: UUID?
    @Field(key: "coalition_id") var coalitionID: UUID
    @Field(key: "bouwblad_id") var bouwbladID: UUID
    @Field(key: "cycle_id") var cycleID: UUID
    @Field(key: "text") var text: String
    @Field(key: "measure") var measure: String
    @Field(key: "target") var target: String
    @OptionalField(key: "unit") var unit: String?
    @OptionalField(key: "deadline") var deadline: String?
    @Field(key: "owner") var owner: String
    @Field(key: "achieved") var achieved: String
    /// Set by hand; nil means: computed from target and achieved value.
    @OptionalField(key: "verdict") var verdict: String?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwbladID, $cycleID, $text, $measure, $target, $unit, $deadline, $owner, $achieved, $verdict, $version, $createdAt, $updatedAt]) }

    var targetUnit: TargetUnit? { unit.flatMap(TargetUnit.init(rawValue:)) }
    var computedVerdict: Verdict? { Verdict.compute(target: target, achieved: achieved, unit: targetUnit) }
    var effectiveVerdict: Verdict? { verdict.flatMap(Verdict.init(rawValue:)) ?? computedVerdict }

    /// The target as people read it: "80%", "12 (aantal)", "1 juni 2026".
    var targetLabel: String? {
        guard !target.isEmpty else { return nil }
        if targetUnit == .datum { return IsoDate(target)?.label ?? target }
        return target + (targetUnit.map { $0 == .procent ? "%" : " (\($0.label))" } ?? "")
    }

    /// A date result reads as a date, like its target.
    var achievedLabel: String {
        targetUnit == .datum ? (IsoDate(achieved)?.label ?? achieved) : achieved
    }

    /// One line for the history page.
    var summary: String {
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
final class ActieRecord: Model, @unchecked Sendable {
    static let schema = "acties"

    @ID(key: .id) var id: UUID?
    @Field(key: "coalition_id") var coalitionID: UUID
    @Field(key: "bouwblad_id") var bouwbladID: UUID
    @Field(key: "cycle_id") var cycleID: UUID
    @Field(key: "text") var text: String
    @OptionalField(key: "owner_member_id") var ownerMemberID: UUID?
    @Field(key: "owner_name") var ownerName: String
    @OptionalField(key: "deadline") var deadline: String?
    @Field(key: "status") var status: ActieStatus
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var properties: [any AnyProperty] { listed([$id, $coalitionID, $bouwbladID, $cycleID, $text, $ownerMemberID, $ownerName, $deadline, $status, $version, $createdAt, $updatedAt]) }

    var summary: String {
        var parts = [text]
        if !ownerName.isEmpty { parts.append("wie: \(ownerName)") }
        if let deadline { parts.append("wanneer: \(deadline)") }
        parts.append(status.label.lowercased())
        return parts.joined(separator: " · ")
    }
}
