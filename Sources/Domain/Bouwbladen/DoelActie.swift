import Foundation

/// A goal of a cycle (stap 2), with what it achieved (stap 3), as the stores hand it out.
public struct Doel: Identifiable, Equatable, Sendable {
    public let id: UUID
    public let bouwbladID: UUID
    public let cycleID: UUID
    public var text: String
    public var measure: String
    public var target: String
    public var unit: TargetUnit?
    public var deadline: String?
    public var owner: String
    public var achieved: String
    /// The verdict chosen by hand; nil means: computed from target and result.
    public var verdict: Verdict?
    public var version: Int
    /// The indicator that measures it: `achieved` then comes from the indicator until the
    /// cycle is closed, when it is kept with the day (`frozenOn`).
    public var indicatorID: UUID?
    public var frozenOn: String?
    /// Filled in when the value comes from an indicator: where it came from, and whether
    /// less is better there.
    public var source: String?
    public var lowerIsBetter = false

    public init(id: UUID, bouwbladID: UUID, cycleID: UUID, text: String, measure: String = "", target: String = "", unit: TargetUnit? = nil,
                deadline: String? = nil, owner: String = "", achieved: String = "", verdict: Verdict? = nil, version: Int = 1,
                indicatorID: UUID? = nil, frozenOn: String? = nil) {
        (self.id, self.bouwbladID, self.cycleID) = (id, bouwbladID, cycleID)
        (self.text, self.measure, self.target, self.unit, self.deadline, self.owner) = (text, measure, target, unit, deadline, owner)
        (self.achieved, self.verdict, self.version, self.indicatorID, self.frozenOn) = (achieved, verdict, version, indicatorID, frozenOn)
    }

    /// A new doel of `cycleID` as typed on the form, with no result yet.
    public init(id: UUID, bouwbladID: UUID, cycleID: UUID, _ input: DoelInput) {
        self.init(id: id, bouwbladID: bouwbladID, cycleID: cycleID, text: "")
        apply(input)
    }

    public mutating func apply(_ input: DoelInput) {
        (text, measure, target, unit, deadline, owner) = (input.text, input.measure, input.target, input.unit, input.deadline?.iso, input.owner)
        indicatorID = input.indicatorID
    }

    public var computedVerdict: Verdict? { Verdict.compute(target: target, achieved: achieved, unit: unit, lowerIsBetter: lowerIsBetter) }
    public var effectiveVerdict: Verdict? { verdict ?? computedVerdict }

    /// The target as people read it: "80%", "12 (aantal)", "1 juni 2026".
    public var targetLabel: String? {
        guard !target.isEmpty else { return nil }
        if unit == .datum { return IsoDate(target)?.label ?? target }
        return target + (unit.map { $0 == .procent ? "%" : " (\($0.label))" } ?? "")
    }

    /// A result reads like its target: a date as a date, a percentage with "%".
    public var achievedLabel: String {
        switch unit {
        case .datum: return IsoDate(achieved)?.label ?? achieved
        case .procent where !achieved.isEmpty && !achieved.hasSuffix("%"): return achieved + "%"
        default: return achieved
        }
    }

    /// One line for the history page.
    public var summary: String {
        var parts = [text]
        if !measure.isEmpty { parts.append("meet: \(measure)") }
        if !target.isEmpty { parts.append("streefwaarde: \(target)\(unit.map { $0 == .datum ? "" : " \($0.label)" } ?? "")") }
        if let deadline { parts.append("uiterlijk: \(deadline)") }
        if !owner.isEmpty { parts.append("trekker: \(owner)") }
        if !achieved.isEmpty { parts.append("bereikt: \(achieved)") }
        if let verdict = effectiveVerdict { parts.append(verdict.label.lowercased()) }
        return parts.joined(separator: " · ")
    }
}

/// An action of a cycle: who does what, when, and how far it is.
public struct Actie: Identifiable, Equatable, Sendable {
    public let id: UUID
    public let bouwbladID: UUID
    public let cycleID: UUID
    public var text: String
    /// The member who does it, if it is a member; the name is kept as text too, so the
    /// action plan still reads well when they leave.
    public var ownerMemberID: UUID?
    public var ownerName: String
    /// When: an ISO date or words as typed (see `Wanneer`).
    public var deadline: String?
    public var status: ActieStatus
    public var version: Int

    public var wanneer: Wanneer? { Wanneer(stored: deadline) }

    public func isOverdue(today: IsoDate) -> Bool {
        ActieInput.isOverdue(status: status, deadline: wanneer?.date, today: today)
    }

    public init(id: UUID, bouwbladID: UUID, cycleID: UUID, text: String, ownerMemberID: UUID? = nil, ownerName: String = "",
                deadline: String? = nil, status: ActieStatus = .gepland, version: Int = 1) {
        (self.id, self.bouwbladID, self.cycleID, self.text) = (id, bouwbladID, cycleID, text)
        (self.ownerMemberID, self.ownerName, self.deadline, self.status, self.version) = (ownerMemberID, ownerName, deadline, status, version)
    }

    /// A new actie of `cycleID` as typed on the form, done by `owner`.
    public init(id: UUID, bouwbladID: UUID, cycleID: UUID, _ input: ActieInput, owner: (member: UUID?, name: String)) {
        self.init(id: id, bouwbladID: bouwbladID, cycleID: cycleID, text: "")
        apply(input, owner: owner)
    }

    public mutating func apply(_ input: ActieInput, owner: (member: UUID?, name: String)) {
        (text, ownerMemberID, ownerName, deadline, status) = (input.text, owner.member, owner.name, input.deadline?.stored, input.status)
    }

    /// One line for the history page.
    public var summary: String {
        var parts = [text]
        if !ownerName.isEmpty { parts.append("wie: \(ownerName)") }
        if let deadline { parts.append("wanneer: \(deadline)") }
        parts.append(status.label.lowercased())
        return parts.joined(separator: " · ")
    }
}
