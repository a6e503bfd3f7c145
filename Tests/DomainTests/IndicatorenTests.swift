import Foundation
import Testing

@testable import Domain

@Suite struct IndicatorPeriodTests {
    func day(_ s: String) -> IsoDate { IsoDate(s)! }

    @Test func theSchoolYearRunsFromAugustToJuly() {
        let july = IndicatorPeriod(.schooljaar, containing: day("2026-07-31")), august = IndicatorPeriod(.schooljaar, containing: day("2026-08-01"))
        #expect(july.firstDay == day("2025-08-01") && july.lastDay == day("2026-07-31"))
        #expect(august.firstDay == day("2026-08-01") && august.lastDay == day("2027-07-31"))
        #expect(july.label == "schooljaar 2025-2026" && august.schoolYear == "2026-2027")
        #expect(july.next == august && august.previous == july)
    }

    @Test func halfYearsSplitAtFebruary() {
        let first = IndicatorPeriod(.halfjaar, containing: day("2026-01-31")), second = IndicatorPeriod(.halfjaar, containing: day("2026-02-01"))
        #expect(first.firstDay == day("2025-08-01") && first.lastDay == day("2026-01-31"))
        #expect(second.firstDay == day("2026-02-01") && second.lastDay == day("2026-07-31"))
        #expect(first.label == "1e helft 2025-2026" && second.label == "2e helft 2025-2026")
    }

    @Test func quartersStartInAugustNovemberFebruaryAndMay() {
        let starts = ["2025-08-15", "2025-12-31", "2026-03-01", "2026-07-31"].map { IndicatorPeriod(.kwartaal, containing: day($0)).firstDay.iso }
        #expect(starts == ["2025-08-01", "2025-11-01", "2026-02-01", "2026-05-01"])
        #expect(IndicatorPeriod(.kwartaal, containing: day("2025-12-31")).lastDay == day("2026-01-31"))
        #expect(IndicatorPeriod(.kwartaal, containing: day("2024-02-10")).lastDay == day("2024-04-30"))
    }

    @Test func monthsEndOnTheirLastDayIncludingLeapFebruary() {
        #expect(IndicatorPeriod(.maand, containing: day("2028-02-10")).lastDay == day("2028-02-29"))
        #expect(IndicatorPeriod(.maand, containing: day("2027-02-10")).lastDay == day("2027-02-28"))
    }

    @Test func keysRoundTripAndRejectAMisalignedStart() {
        for rhythm in Rhythm.allCases {
            let period = IndicatorPeriod(rhythm, containing: day("2026-03-17"))
            #expect(IndicatorPeriod(key: period.key) == period)
        }
        #expect(IndicatorPeriod(key: "kwartaal/2025-09") == nil)
        #expect(IndicatorPeriod(key: "week/2025-09") == nil)
        #expect(IndicatorPeriod(key: "") == nil)
    }

    @Test func threeYearsOfQuartersEndWithTheCurrentOne() {
        let periods = IndicatorPeriod.recent(IndicatorPeriod.threeYears(.kwartaal), .kwartaal, upTo: day("2026-12-03"))
        #expect(periods.count == 13)
        #expect(periods.last?.first.iso == "2026-11" && periods.first?.first.iso == "2023-11")
        #expect(zip(periods, periods.dropFirst()).allSatisfy { $0.next == $1 })
    }
}

@Suite struct NormTests {
    @Test func higherIsBetterWithASignal() {
        let norm = Norm(direction: .hoger, threshold: 80, signal: 90)
        #expect(norm.status(of: 95) == .opKoers)
        #expect(norm.status(of: 90) == .opKoers)
        #expect(norm.status(of: 85) == .aandacht)
        #expect(norm.status(of: 80) == .aandacht)
        #expect(norm.status(of: 79.9) == .onderDeNorm)
        #expect(norm.status(of: nil) == .geenMeting)
        #expect(norm.status(of: .nan) == .geenMeting)
    }

    @Test func lowerIsBetterMirrorsIt() {
        let norm = Norm(direction: .lager, threshold: 5, signal: 3)
        #expect(norm.status(of: 2) == .opKoers)
        #expect(norm.status(of: 4) == .aandacht)
        #expect(norm.status(of: 5) == .aandacht)
        #expect(norm.status(of: 6) == .onderDeNorm)
        #expect(Norm(direction: .lager, threshold: 5).status(of: 5) == .opKoers)
    }

    @Test func theNormReadsAsWords() {
        #expect(Norm(direction: .hoger, threshold: 100).label(.percentage) == "minstens 100 %")
        #expect(Norm(direction: .hoger, threshold: 3.5, signal: 3.8).label(.gemiddelde) == "minstens 3,5, aandacht onder 3,8")
    }
}

@Suite struct IndicatorSourceTests {
    let today = IsoDate("2026-03-15")!
    var year: IndicatorPeriod { IndicatorPeriod(.schooljaar, containing: today) }
    let whole = DateRange(from: IsoDate("2025-09-01")!, to: IsoDate("2026-07-15")!)!

    func definition(_ source: IndicatorSource, unit: IndicatorUnit = .percentage, perLocation: Bool = false,
                    questionnaire: String? = nil, question: String? = nil, measure: QuestionnaireMeasure? = nil) -> IndicatorDefinition {
        IndicatorDefinition(id: "i1", source: source, unit: unit, norm: Norm(direction: .hoger, threshold: 100), rhythm: .schooljaar,
                            questionnaireID: questionnaire, questionID: question, measure: measure, perLocation: perLocation)
    }

    func activity(_ id: String, _ location: String, _ domain: String, partner: String? = nil, status: ActivityStatus = .loopt) -> IndicatorData.Activity {
        IndicatorData.Activity(id: id, locationID: location, partnerID: partner, domain: domain, period: whole, status: status)
    }

    func data(_ activities: [IndicatorData.Activity], _ sessions: [IndicatorData.Session] = []) -> IndicatorData {
        IndicatorData(locations: ["A", "B"], domains: ["sport", "cultuur"], minimumPerCell: 1, activities: activities, sessions: sessions)
    }

    func value(_ d: IndicatorDefinition, _ data: IndicatorData) -> Double? { d.measure(year, in: data, today: today).value }

    @Test func emptyDataIsNoMeasurementNeverADivisionByZero() {
        let empty = IndicatorData(locations: [], domains: [], minimumPerCell: 1, activities: [], sessions: [])
        for source in IndicatorSource.allCases where source != .activiteiten {
            let point = definition(source).point(year, in: empty, today: today)
            #expect(point.measurement.value == nil, "\(source)")
            #expect(point.status == .geenMeting)
            #expect(!point.measurement.explanation.isEmpty)
        }
        #expect(value(definition(.activiteiten, unit: .aantal), empty) == 0)
    }

    @Test func aPeriodThatHasNotBegunHasNoValue() {
        let next = year.next
        #expect(definition(.activiteiten, unit: .aantal).measure(next, in: data([activity("a", "A", "sport")]), today: today).value == nil)
    }

    @Test func coverageCountsLocationsWithEveryDomain() {
        var d = data([activity("1", "A", "sport"), activity("2", "A", "cultuur"), activity("3", "B", "sport")])
        let m = definition(.dekking).measure(year, in: d, today: today)
        #expect(m.value == 50)
        #expect(m.explanation == "1 van de 2 locaties hebben in elk domein minstens 1 activiteit.")
        // An activity still being prepared does not count; a running one closes the gap.
        d.activities.append(activity("4", "B", "cultuur", status: .concept))
        #expect(value(definition(.dekking), d) == 50)
        d.activities.append(activity("5", "B", "cultuur"))
        #expect(value(definition(.dekking), d) == 100)
    }

    @Test func sessionsHeldAgainstPlannedUpToToday() {
        let s = [("2026-01-10", false), ("2026-02-10", true), ("2026-03-10", false), ("2026-04-10", false)].map {
            IndicatorData.Session(activityID: "1", date: IsoDate($0.0)!, cancelled: $0.1, pupils: nil)
        }
        let m = definition(.sessies).measure(year, in: data([activity("1", "A", "sport")], s), today: today)
        #expect(m.value.map { ($0 * 10).rounded() } == 667)
        #expect(m.explanation == "2 van de 3 geplande sessies tot nu gingen door.")
    }

    @Test func reachIsTheLargestGroupPerActivityAddedUp() {
        let s = [("1", 12), ("1", 15), ("2", 8), ("2", 30)].map { IndicatorData.Session(activityID: $0.0, date: IsoDate("2026-02-01")!, cancelled: false, pupils: $0.1) }
            + [IndicatorData.Session(activityID: "2", date: IsoDate("2026-02-02")!, cancelled: true, pupils: 99)]
        #expect(value(definition(.bereik, unit: .aantal), data([activity("1", "A", "sport"), activity("2", "B", "sport")], s)) == 45)
    }

    @Test func observationsAtFourOrHigher() {
        let s = [4.0, 3.5, 4.5, 5].map { IndicatorData.Session(activityID: "1", date: IsoDate("2026-02-01")!, cancelled: false, pupils: 10, betrokkenheid: $0) }
            + [IndicatorData.Session(activityID: "1", date: IsoDate("2026-02-01")!, cancelled: false, pupils: 10, welbevinden: 2)]
        let d = data([activity("1", "A", "sport")], s)
        #expect(value(definition(.betrokkenheid), d) == 75)
        #expect(value(definition(.welbevinden), d) == 0)
    }

    @Test func incidentsHandledWithinAWeekAndUndecidedOnesWait() {
        func incident(_ date: String, handled: String?) -> IndicatorData.Session {
            IndicatorData.Session(activityID: "1", date: IsoDate(date)!, cancelled: false, pupils: 10, incident: true, handledOn: handled.flatMap(IsoDate.init))
        }
        let s = [incident("2026-01-05", handled: "2026-01-12"), incident("2026-01-05", handled: "2026-01-13"), incident("2026-02-01", handled: nil),
                 incident("2026-03-14", handled: nil)]
        let m = definition(.incidenten).measure(year, in: data([activity("1", "A", "sport")], s), today: today)
        #expect(m.value.map { ($0 * 10).rounded() } == 333)
        #expect(m.explanation.hasPrefix("1 van de 3"))
    }

    @Test func aQuestionnaireResultNeedsFiveAnswers() throws {
        let question = Question(id: "v1", kind: .likert5, text: "Vond je het leuk?", hint: "", required: true,
                                options: QuestionKind.likert5.defaultLabels.enumerated().map { QuestionOption(id: "o\($0.offset + 1)", label: $0.element) })
        func responses(_ points: [Int]) -> [IndicatorData.Response] {
            points.map { IndicatorData.Response(day: IsoDate("2026-02-01")!, locationID: "A", answers: Answers(["v1": ["o\($0)"]])) }
        }
        var d = data([])
        let share = definition(.vragenlijst, questionnaire: "q", question: "v1", measure: .topTwo)
        let mean = definition(.vragenlijst, unit: .gemiddelde, questionnaire: "q", question: "v1", measure: .mean)
        d.questionnaires["q"] = ([question], responses([5, 4, 2, 1]))
        #expect(value(share, d) == nil)
        d.questionnaires["q"] = ([question], responses([5, 4, 2, 1, 4]))
        #expect(value(share, d) == 60)
        #expect(value(mean, d) == 3.2)
        #expect(value(definition(.vragenlijst, questionnaire: "q", question: "weg", measure: .topTwo), d) == nil)
        #expect(value(share, d.limited(toLocations: ["B"])) == nil)
    }

    @Test func handValuesForTheCoalitionOrPerLocation() {
        var d = data([])
        d.hand["i1"] = [IndicatorData.HandValue(periodKey: year.key, locationID: nil, value: 91),
                        IndicatorData.HandValue(periodKey: year.key, locationID: "A", value: 10),
                        IndicatorData.HandValue(periodKey: year.key, locationID: "B", value: 20),
                        IndicatorData.HandValue(periodKey: year.previous.key, locationID: nil, value: 70)]
        #expect(value(definition(.hand), d) == 91)
        #expect(value(definition(.hand, perLocation: true), d) == 15)
        #expect(value(definition(.hand, unit: .aantal, perLocation: true), d) == 30)
        #expect(value(definition(.hand, unit: .aantal, perLocation: true), d.limited(toLocations: ["B"])) == 20)
    }

    @Test func aPartnerSeesOnlyTheirOwnActivities() {
        let d = data([activity("1", "A", "sport", partner: "p"), activity("2", "B", "sport", partner: "q")])
        #expect(value(definition(.activiteiten, unit: .aantal), d.limited(toPartner: "p")) == 1)
        #expect(value(definition(.activiteiten, unit: .aantal), d.limited(toPartner: nil)) == 0)
    }

    @Test func theLatestPointIsTheNewestWithAValue() {
        var d = data([])
        d.hand["i1"] = [IndicatorData.HandValue(periodKey: year.previous.key, locationID: nil, value: 70)]
        let trend = definition(.hand).trend(in: d, today: today)
        #expect(trend.count == 4)
        #expect(trend.latest?.period == year.previous)
        #expect(trend.latest?.status == .onderDeNorm)
    }
}

@Suite struct DoelIndicatorTests {
    @Test func lowerIsBetterReachesAtOrBelowTheTarget() {
        #expect(Verdict.compute(target: "5", achieved: "4", unit: .aantal, lowerIsBetter: true) == .behaald)
        #expect(Verdict.compute(target: "5", achieved: "5", unit: .aantal, lowerIsBetter: true) == .behaald)
        #expect(Verdict.compute(target: "5", achieved: "6", unit: .aantal, lowerIsBetter: true) == .nietBehaald)
        #expect(Verdict.compute(target: "80", achieved: "60", unit: .procent) == .deelsBehaald)
    }

    @Test func aGoalPointsOnlyToTheCoalitionsIndicators() {
        let known = UUID()
        var errors = FieldErrors()
        #expect(DoelInput.validate(DoelForm(text: "Doel", indicator: known.uuidString), indicators: [known], into: &errors)?.indicatorID == known)
        #expect(DoelInput.validate(DoelForm(text: "Doel", indicator: ""), indicators: [known], into: &errors)?.indicatorID == nil)
        #expect(DoelInput.validate(DoelForm(text: "Doel", indicator: UUID().uuidString), indicators: [known], into: &errors) == nil)
        #expect(errors[DoelForm.CodingKeys.indicator] == .unknownChoice)
        errors = FieldErrors()
        #expect(DoelInput.validate(DoelForm(text: "Doel", indicator: "geen-id"), indicators: [known], into: &errors) == nil)
    }
}
