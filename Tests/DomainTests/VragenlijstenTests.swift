import Testing

@testable import Domain

@Suite struct AnonymityTests {
    /// `n` responses at location `l`, activity `a`, year group `g`.
    func responses(_ n: Int, g: String?, a: String?, l: String?) -> [Anonymity.Cell] { Array(repeating: [g, a, l], count: n) }

    func shown(_ cells: [Anonymity.Cell], _ filter: Anonymity.Filter) -> Int { cells.filter { Anonymity.matches($0, filter) }.count }

    @Test func fewerThanFiveInAllShowsNothing() {
        #expect(Anonymity.cells(responses(4, g: "7", a: nil, l: "X")) == nil)
        #expect(Anonymity.cells(responses(5, g: "7", a: nil, l: "X"))?.count == 5)
    }

    @Test func aSmallYearGroupIsCountedAtItsLocation() throws {
        let data = responses(6, g: "7", a: nil, l: "X") + responses(3, g: "8", a: nil, l: "X") + responses(5, g: "8", a: nil, l: "Y")
        let cells = try #require(Anonymity.cells(data))
        #expect(shown(cells, ["7", nil, "X"]) == 6)
        // Group 8 at X (3) cannot count for X: "all of X" minus "group 7 at X" would show
        // it. It goes to the group with nothing known, which is too small, so the smallest
        // other group (group 8 at Y) joins it.
        #expect(shown(cells, ["8", nil, "X"]) == 0)
        #expect(shown(cells, [nil, nil, "X"]) == 6)
        #expect(shown(cells, ["8", nil, nil]) == 0)
        #expect(shown(cells, [nil, nil, nil]) == 14)
    }

    @Test func noFilterCombinationOrDifferenceRevealsAGroupUnderFive() throws {
        // Every combination of filters: each result, and each difference of two results
        // where one contains the other, is 0 or at least 5.
        let data = responses(7, g: "7", a: "judo", l: "X") + responses(1, g: "8", a: "judo", l: "X") + responses(2, g: "7", a: "koor", l: "X")
            + responses(9, g: "8", a: "koor", l: "Y") + responses(4, g: "6", a: "judo", l: "Y") + responses(3, g: nil, a: nil, l: "Z")
        let cells = try #require(Anonymity.cells(data))
        let values: [[String?]] = [[nil, "6", "7", "8"], [nil, "judo", "koor"], [nil, "X", "Y", "Z"]]
        var filters: [Anonymity.Filter] = []
        for g in values[0] { for a in values[1] { for l in values[2] { filters.append([g, a, l]) } } }
        for f in filters {
            let n = shown(cells, f)
            #expect(n == 0 || n >= 5, "filter \(f) shows \(n)")
            for wider in filters where zip(wider, f).allSatisfy({ $0 == nil || $0 == $1 }) {
                let difference = shown(cells, wider) - n
                #expect(difference == 0 || difference >= 5, "\(wider) minus \(f) is \(difference)")
            }
        }
        // Nothing is lost: the total is every response.
        #expect(shown(cells, [nil, nil, nil]) == data.count)
    }

    @Test func aTooSmallRestIsJoinedBySmallestOtherGroup() throws {
        let data = responses(20, g: "7", a: nil, l: "X") + responses(6, g: "8", a: nil, l: "Y") + responses(2, g: "5", a: nil, l: "Z")
        let cells = try #require(Anonymity.cells(data))
        // Z alone (2) would be shown as "all minus X minus Y"; Y (the smallest) joins it.
        #expect(shown(cells, [nil, nil, "Y"]) == 0)
        #expect(shown(cells, [nil, nil, "Z"]) == 0)
        #expect(shown(cells, [nil, nil, "X"]) == 20)
        #expect(shown(cells, [nil, nil, nil]) == 28)
    }
}

@Suite struct QuestionResultTests {
    let scale = Question.make(id: "v1", kind: .likert5, text: "Ik vind het leuk.")

    @Test func aScaleHasItsDistributionMeanAndTopTwo() {
        let answers = ["o1", "o4", "o5", "o5", "o3"].map { Answers(["v1": [$0]]) } + [Answers()]
        let result = QuestionResult(scale, answers: answers)
        #expect(result.answered == 5)
        #expect(result.counts.map(\.count) == [1, 0, 1, 1, 2])
        #expect(result.counts[4].share == 0.4)
        #expect(result.mean == 3.6)
        #expect(result.topShare == 0.6)
        #expect(result.topLabel == "mee eens of helemaal mee eens")
    }

    @Test func threeSmileysCountOnlyTheHighestAsTop() {
        let smileys = Question.make(id: "v2", kind: .smileys, text: "Hoe leuk?")
        let result = QuestionResult(smileys, answers: ["o1", "o2", "o3", "o3"].map { Answers(["v2": [$0]]) })
        #expect(result.topShare == 0.5)
        #expect(result.topLabel == "leuk")
    }

    @Test func severalChoicesShareEachOfTheRespondents() {
        let q = Question.make(id: "v3", kind: .severalChoices, text: "Wat?", options: ["Sport", "Cultuur", "Koken"])
        let result = QuestionResult(q, answers: [Answers(["v3": ["o1", "o2"]]), Answers(["v3": ["o1"]])])
        #expect(result.counts.map(\.count) == [2, 1, 0])
        #expect(result.counts.map(\.share) == [1.0, 0.5, 0.0])
    }
}

@Suite struct AnswersTests {
    let list = QuestionList([
        .make(id: "v1", kind: .heading, text: "Over jou"),
        .make(id: "v2", kind: .oneChoice, text: "Kies", required: true, options: ["Ja", "Nee"]),
        .make(id: "v3", kind: .severalChoices, text: "Welke?", options: ["A", "B"]),
        .make(id: "v4", kind: .number, text: "Hoeveel?"),
        .make(id: "v5", kind: .shortText, text: "Naam van je club?"),
    ])

    @Test func readsWhatWasPostedAndRefusesWhatIsNotAnOption() {
        var errors = FieldErrors()
        let answers = Answers.read(list, single: ["q-v2": "o2", "q-v4": "7,5", "q-v5": "  De Spartaan "], multiple: ["q-v3": ["o2", "o1", "o2"]],
                                   complete: true, into: &errors)
        #expect(errors.isEmpty)
        #expect(answers.values == ["v2": ["o2"], "v3": ["o1", "o2"], "v4": ["7.5"], "v5": ["De Spartaan"]])

        var bad = FieldErrors()
        _ = Answers.read(list, single: ["q-v2": "o9", "q-v4": "1e99"], multiple: ["q-v3": ["x"]], complete: true, into: &bad)
        #expect(bad.items.map(\.field) == ["q-v2", "q-v3", "q-v4"])
    }

    @Test func requiredQuestionsOnlyCountWhenSent() {
        var later = FieldErrors()
        _ = Answers.read(list, single: [:], multiple: [:], complete: false, into: &later)
        #expect(later.isEmpty)
        var done = FieldErrors()
        _ = Answers.read(list, single: [:], multiple: [:], complete: true, into: &done)
        #expect(done["q-v2"] == .required)
    }
}

@Suite struct QuestionListTests {
    @Test func answersStayValidWhenWordingChangesButNotWhenAnOptionGoes() throws {
        let old = QuestionList([.make(id: "v1", kind: .oneChoice, text: "Kies", options: ["Ja", "Nee"]), .make(id: "v2", kind: .likert5, text: "Leuk?")])
        var reworded = old
        reworded.questions[0].text = "Kies één"
        reworded.questions[0].options[1].label = "Nee, liever niet"
        reworded.questions.append(.make(id: "v3", kind: .shortText, text: "Nog iets?"))
        #expect(old.keepsAnswersValid(in: reworded))

        var fewer = old
        fewer.questions[0].options.removeLast()
        #expect(!old.keepsAnswersValid(in: fewer))
        var otherKind = old
        otherKind.questions[1].kind = .scale4
        #expect(!old.keepsAnswersValid(in: otherKind))
        var removed = old
        removed.questions.removeFirst()
        #expect(!old.keepsAnswersValid(in: removed))
    }

    @Test func aQuestionFormKeepsOptionIDsByPosition() throws {
        let old = Question.make(id: "v1", kind: .oneChoice, text: "Kies", options: ["Ja", "Nee"])
        var errors = FieldErrors()
        let new = try #require(QuestionForm.validate(QuestionForm(kind: "een-keuze", text: "Kies maar", options: "Ja hoor\nNee\nWeet ik niet"), id: "v1", old: old, into: &errors))
        #expect(new.options.map(\.id) == ["o1", "o2", "o3"])
        #expect(new.options.map(\.label) == ["Ja hoor", "Nee", "Weet ik niet"])

        var one = FieldErrors()
        #expect(QuestionForm.validate(QuestionForm(kind: "een-keuze", text: "Kies", options: "Ja"), id: "v2", old: nil, into: &one) == nil)
        #expect(one["options"] != nil)
        var scale = FieldErrors()
        let s = QuestionForm.validate(QuestionForm(kind: "schaal-4", text: "Hoe?"), id: "v3", old: nil, into: &scale)
        #expect(s?.options.map(\.label) == QuestionKind.scale4.defaultLabels)
    }

    @Test func movingStopsAtTheEnds() {
        var list = QuestionList([.make(id: "v1", kind: .shortText, text: "a"), .make(id: "v2", kind: .shortText, text: "b")])
        let up = list.move("v1", by: -1)
        #expect(!up)
        let down = list.move("v1", by: 1)
        #expect(down)
        #expect(list.questions.map(\.id) == ["v2", "v1"])
        #expect(list.newQuestionID() == "v3")
    }

    @Test func thePupilTemplateAsksAboutEveryDomain() {
        let template = QuestionnaireTemplate.named("interesses", domains: ["cultuur", "sport", "cognitief", "ontdekken", "koken"])!
        #expect(template.questions.filter { $0.kind == .smileys }.count == 5)
        #expect(template.questions.contains { $0.text.contains("koken") })
        #expect(template.audience == .leerlingen)
    }
}
