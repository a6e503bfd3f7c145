import Domain
import Vapor

/// Views of the structured parts of a cycle: doelen (step 2, results in step 3) and acties.
extension BouwbladPage {
    struct DoelView: Encodable {
        let id: String
        let anchor: String
        let blocks: [Block]
        let meta: String?
        let hints: [String]
        let hasHints: Bool
        let verdict: String?
        let achieved: String?
        let version: Int
        let editOpen: Bool
        let resultOpen: Bool
        let fields: [FormField]
        let unit: ChoiceField
        let resultAchieved: FormField
        let resultVerdict: ChoiceField
        let action: String
        let resultAction: String
        let deleteAction: String
    }

    struct ActieView: Encodable {
        let id: String
        let text: String
        let owner: String
        let deadline: String
        let status: String
        let overdue: Bool
        let version: Int
        let editOpen: Bool
        let fields: [FormField]
        let ownerMember: ChoiceField
        let statusChoice: ChoiceField
        let action: String
        let deleteAction: String
    }

    struct NewForms: Encodable {
        let doelOpen: Bool
        let doelFields: [FormField]
        let doelUnit: ChoiceField
        let doelAction: String
        let actieOpen: Bool
        let actieFields: [FormField]
        let actieOwner: ChoiceField
        let actieStatus: ChoiceField
        let actieAction: String
    }

    static func doelFields(_ form: inout FormState, _ prefix: String, _ doel: Doel?) -> ([FormField], ChoiceField) {
        typealias F = DoelForm.CodingKeys
        let fields = [
            form.subField(prefix, F.text, "Doel", noun: "het doel", type: "textarea", hint: "Wat willen jullie bereiken?", value: doel?.text ?? ""),
            form.subField(prefix, F.measure, "Wat meten jullie? (mag leeg)", noun: "wat jullie meten", hint: "Bijvoorbeeld: activiteiten met een nabespreking", value: doel?.measure ?? ""),
            form.subField(prefix, F.target, "Streefwaarde (mag leeg)", noun: "de streefwaarde", hint: "Een getal, of bij ‘datum’ een datum", value: doel?.target ?? ""),
            form.subField(prefix, F.deadline, "Uiterlijk op (mag leeg)", noun: "de datum", type: "date", value: doel?.deadline ?? ""),
            form.subField(prefix, F.owner, "Wie trekt dit? (mag leeg)", noun: "wie dit trekt", value: doel?.owner ?? ""),
        ]
        let unit = form.subChoice(prefix, F.unit, "Eenheid van de streefwaarde", noun: "een eenheid", value: doel?.unit?.rawValue ?? "",
                                  options: [("", "geen")] + TargetUnit.allCases.map { ($0.rawValue, $0.label) })
        return (fields, unit)
    }

    static func actieFields(_ form: inout FormState, _ prefix: String, _ actie: Actie?, members: [(UUID, String)]) -> ([FormField], ChoiceField, ChoiceField) {
        typealias F = ActieForm.CodingKeys
        let fields = [
            form.subField(prefix, F.text, "Actie", noun: "de actie", type: "textarea", value: actie?.text ?? ""),
            form.subField(prefix, F.ownerName, "Of een andere naam, zoals een partnerorganisatie", noun: "een naam", value: actie.map { $0.ownerMemberID == nil ? $0.ownerName : "" } ?? ""),
            form.subField(prefix, F.deadline, "Wanneer (mag leeg)", noun: "de datum", type: "date", value: actie?.deadline ?? ""),
        ]
        let owner = form.subChoice(prefix, F.ownerMember, "Wie doet het?", noun: "een lid", value: actie?.ownerMemberID?.uuidString ?? "",
                                   options: [("", "niemand van de leden")] + members.map { ($0.0.uuidString, $0.1) })
        let status = form.subChoice(prefix, F.status, "Status", noun: "een status", value: actie?.status.rawValue ?? ActieStatus.gepland.rawValue,
                                    options: ActieStatus.allCases.map { ($0.rawValue, $0.label) })
        return (fields, owner, status)
    }

    static func doelView(_ context: BouwbladContext, _ doel: Doel, form: inout FormState) throws -> DoelView {
        let id = doel.id
        let prefix = "doel-\(id)"
        let (fields, unit) = doelFields(&form, prefix, doel)
        var meta: [String] = []
        if !doel.measure.isEmpty { meta.append("Meet: \(doel.measure)") }
        if let target = doel.targetLabel { meta.append("Streefwaarde: \(target)") }
        if let deadline = doel.deadline { meta.append("Uiterlijk: \(IsoDate(deadline)?.label ?? deadline)") }
        if !doel.owner.isEmpty { meta.append("Trekker: \(doel.owner)") }
        let hints = SmartHint.hints(text: doel.text, target: doel.target, deadline: doel.deadline, owner: doel.owner).map(\.text)
        let computed = doel.computedVerdict
        let resultPrefix = "result-\(id)"
        let paths = context.paths.doel(id)
        return DoelView(
            id: id.uuidString, anchor: "doel-\(id)", blocks: blocks(doel.text), meta: meta.isEmpty ? nil : meta.joined(separator: " · "),
            hints: hints, hasHints: !hints.isEmpty, verdict: doel.effectiveVerdict?.label, achieved: doel.achieved.isEmpty ? nil : doel.achievedLabel,
            version: doel.version, editOpen: form.hasErrors(prefix: prefix), resultOpen: form.hasErrors(prefix: resultPrefix),
            fields: fields, unit: unit,
            resultAchieved: form.subField(resultPrefix, ResultForm.CodingKeys.achieved, "Bereikte waarde", noun: "de bereikte waarde", hint: doel.target.isEmpty ? nil : "Streefwaarde: \(doel.target)", value: doel.achieved),
            resultVerdict: form.subChoice(resultPrefix, ResultForm.CodingKeys.verdict, "Oordeel", noun: "een oordeel", value: doel.verdict?.rawValue ?? "",
                                          options: [("", "Automatisch" + (computed.map { " (nu: \($0.label.lowercased()))" } ?? " uit streefwaarde en bereikte waarde"))]
                                            + Verdict.allCases.map { ($0.rawValue, $0.label) }),
            action: paths.path, resultAction: context.paths.doelResult(id).path, deleteAction: paths.delete.path)
    }

    static func actieView(_ context: BouwbladContext, _ actie: Actie, members: [(UUID, String)], today: IsoDate, form: inout FormState) throws -> ActieView {
        let id = actie.id
        let prefix = "actie-\(id)"
        let (fields, owner, status) = actieFields(&form, prefix, actie, members: members)
        let deadline = actie.deadline.flatMap(IsoDate.init)
        let overdue = ActieInput.isOverdue(status: actie.status, deadline: deadline, today: today)
        return ActieView(
            id: id.uuidString, text: actie.text, owner: actie.ownerName.isEmpty ? "—" : actie.ownerName,
            deadline: deadline?.label ?? "—", status: actie.status.label + (overdue ? " (te laat)" : ""), overdue: overdue,
            version: actie.version, editOpen: form.hasErrors(prefix: prefix), fields: fields, ownerMember: owner, statusChoice: status,
            action: context.paths.actie(id).path, deleteAction: context.paths.actie(id).delete.path)
    }

    static func newForms(_ context: BouwbladContext, _ cycle: CycleRecord, members: [(UUID, String)], form: inout FormState) throws -> NewForms {
        let doelPrefix = "doel-new-\(try cycle.requireID())", actiePrefix = "actie-new-\(try cycle.requireID())"
        let (doelFields, doelUnit) = doelFields(&form, doelPrefix, nil)
        let (actieFields, actieOwner, actieStatus) = actieFields(&form, actiePrefix, nil, members: members)
        return NewForms(
            doelOpen: form.hasErrors(prefix: doelPrefix), doelFields: doelFields, doelUnit: doelUnit,
            doelAction: context.paths.cycle(try cycle.requireID()).newDoel.path,
            actieOpen: form.hasErrors(prefix: actiePrefix), actieFields: actieFields, actieOwner: actieOwner, actieStatus: actieStatus,
            actieAction: context.paths.cycle(try cycle.requireID()).newActie.path)
    }
}
