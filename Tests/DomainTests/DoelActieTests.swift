import Foundation
import Testing

@testable import Domain

/// The labels of a doel and an actie, as the bouwblad page and the history show them.
struct DoelActieTests {
    let ids = (UUID(), UUID(), UUID())

    func doel(target: String = "", unit: TargetUnit? = nil, achieved: String = "", verdict: Verdict? = nil) -> Doel {
        Doel(id: ids.0, bouwbladID: ids.1, cycleID: ids.2, text: "Meer kinderen doen mee", measure: "deelnemers", target: target,
             unit: unit, deadline: "2026-06-01", owner: "Sanne", achieved: achieved, verdict: verdict)
    }

    @Test func targetReadsAsPeopleWriteIt() {
        #expect(doel().targetLabel == nil)
        #expect(doel(target: "80", unit: .procent).targetLabel == "80%")
        #expect(doel(target: "12", unit: .aantal).targetLabel == "12 (aantal)")
        #expect(doel(target: "12").targetLabel == "12")
        #expect(doel(target: "2026-06-01", unit: .datum).targetLabel == "1 juni 2026")
        #expect(doel(target: "2026-06-01", unit: .datum, achieved: "2026-05-20").achievedLabel == "20 mei 2026")
        #expect(doel(target: "10", unit: .aantal, achieved: "9").achievedLabel == "9")
        #expect(doel(target: "80", unit: .procent, achieved: "85").achievedLabel == "85%")
        #expect(doel(target: "80", unit: .procent, achieved: "85%").achievedLabel == "85%")
    }

    @Test func aVerdictByHandWinsOverTheComputedOne() {
        #expect(doel(target: "80", unit: .procent, achieved: "85").effectiveVerdict == .behaald)
        #expect(doel(target: "80", unit: .procent, achieved: "85", verdict: .deelsBehaald).effectiveVerdict == .deelsBehaald)
        #expect(doel(target: "80", unit: .procent).effectiveVerdict == nil)
    }

    @Test func theHistoryLineNamesWhatIsFilledIn() {
        #expect(doel(target: "80", unit: .procent, achieved: "85").summary
            == "Meer kinderen doen mee · meet: deelnemers · streefwaarde: 80 % · uiterlijk: 2026-06-01 · trekker: Sanne · bereikt: 85 · behaald")
        let actie = Actie(id: ids.0, bouwbladID: ids.1, cycleID: ids.2, text: "Sporthal regelen", ownerName: "Peter", deadline: "2026-03-01", status: .bezig)
        #expect(actie.summary == "Sporthal regelen · wie: Peter · wanneer: 2026-03-01 · bezig")
        #expect(Actie(id: ids.0, bouwbladID: ids.1, cycleID: ids.2, text: "Flyer").summary == "Flyer · gepland")
    }

    @Test func aFormChangesOnlyWhatItHolds() throws {
        var errors = FieldErrors()
        let input = try #require(DoelInput.validate(DoelForm(text: "Nieuw doel", target: "5", unit: "aantal"), into: &errors))
        var changed = doel(target: "80", unit: .procent, achieved: "85")
        changed.apply(input)
        #expect(changed.text == "Nieuw doel" && changed.target == "5" && changed.unit == .aantal && changed.deadline == nil && changed.owner == "")
        #expect(changed.achieved == "85", "the result (stap 3) is not part of the doel form")
        let new = Doel(id: ids.0, bouwbladID: ids.1, cycleID: ids.2, input)
        #expect(new.achieved == "" && new.verdict == nil && new.version == 1)
    }
}
