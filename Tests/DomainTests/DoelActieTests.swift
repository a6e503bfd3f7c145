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

    /// A target in words is kept as typed; a number needs a unit to be computed from.
    @Test func aTargetMayBeWords() {
        var errors = FieldErrors()
        let words = DoelInput.validate(DoelForm(text: "Aanbod overal", target: "minimaal één activiteit per domein op elke locatie"), into: &errors)
        #expect(errors.isEmpty && words?.target == "minimaal één activiteit per domein op elke locatie")
        #expect(doel(target: "gereed in oktober 2025").targetLabel == "gereed in oktober 2025")
        #expect(doel(target: "gereed in oktober 2025", achieved: "ja").effectiveVerdict == nil, "words are judged by hand")
        _ = DoelInput.validate(DoelForm(text: "Aanbod", target: "veel", unit: "aantal"), into: &errors)
        #expect(errors[DoelForm.CodingKeys.target] == .notANumber)
    }

    /// "Wanneer" as reports write it: a date, or words with the last day they allow.
    @Test func whenIsADateOrWords() {
        #expect(Wanneer.parse("15-3-2026")?.stored == "2026-03-15")
        #expect(Wanneer.parse("2026-03-15")?.label == "15 maart 2026")
        let cases: [(String, String?)] = [
            ("voor de zomervakantie 2025", "2025-07-15"), ("najaar 2025", "2025-11-30"), ("schooljaar 2025–2026", "2026-07-31"),
            ("oktober 2025", "2025-10-31"), ("Q1 2026", "2026-03-31"), ("eind 2025", "2025-12-31"), ("voorjaar 2026", "2026-05-31"),
            ("zo snel mogelijk", nil),
        ]
        for (words, date) in cases {
            let wanneer = Wanneer.parse(words)
            #expect(wanneer?.stored == words, "kept as typed")
            #expect(wanneer?.date?.iso == date, "\(words)")
        }
        let late = Actie(id: ids.0, bouwbladID: ids.1, cycleID: ids.2, text: "Flyer", deadline: "najaar 2025", status: .bezig)
        #expect(late.isOverdue(today: IsoDate("2025-12-01")!))
        #expect(!late.isOverdue(today: IsoDate("2025-11-30")!))
        #expect(late.wanneer?.label == "najaar 2025")
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
