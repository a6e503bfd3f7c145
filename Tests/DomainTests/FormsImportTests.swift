import Testing

@testable import Domain

@Suite struct FormsImportTests {
    let questions = QuestionList([
        .make(id: "v1", kind: .likert5, text: "Mijn kind vindt de activiteiten leuk."),
        .make(id: "v2", kind: .severalChoices, text: "Aan welke activiteiten deed uw kind mee?", options: ["Voetbal na school", "Techniek, bouwen en programmeren", "Muziek maken"]),
        .make(id: "v3", kind: .scale4, text: "Hoe tevreden bent u over de informatie die u krijgt?"),
        .make(id: "v4", kind: .number, text: "Hoeveel keer deed uw kind mee?"),
        .make(id: "v5", kind: .longText, text: "Wat kan er beter?"),
    ])

    @Test func microsoftFormsInDutchDropsNamesAndKeepsTheDay() throws {
        let rows = [
            ["ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Mijn kind vindt de activiteiten leuk.", "Aan welke activiteiten deed uw kind mee?", "Wat kan er beter?"],
            ["1", "46311.2", "46311.25", "iris.jansen@voorbeeld.example", "Iris Jansen", "Mee eens", "Voetbal na school;Techniek, bouwen en programmeren;", "Meer informatie"],
            ["2", "3-12-2026 14:05:01", "3-12-2026 14:09:40", "anoniem", "", "helemaal mee eens", "Muziek maken;", ""],
        ]
        let table = try FormsImport.read(rows).get()
        #expect(table.source == .microsoftDutch)
        #expect(table.dropped == ["E-mail", "Naam"])
        #expect(table.columns.map(\.header) == ["Mijn kind vindt de activiteiten leuk.", "Aan welke activiteiten deed uw kind mee?", "Wat kan er beter?"])
        #expect(!table.columns.flatMap(\.values).contains { $0.contains("Jansen") || $0.contains("@") })
        #expect(table.days == [IsoDate("2026-10-16"), IsoDate("2026-12-03")])
        let mapping = Dictionary(uniqueKeysWithValues: table.columns.enumerated().compactMap { i, c in FormsImport.match(c.header, in: questions.questions).map { (i, $0) } })
        #expect(mapping == [0: "v1", 1: "v2", 2: "v5"])
        let (answers, misfits) = FormsImport.responses(table, mapping: mapping, questions: questions)
        #expect(misfits.isEmpty)
        #expect(answers[0].values == ["v1": ["o4"], "v2": ["o1", "o2"], "v5": ["Meer informatie"]])
        #expect(answers[1].values == ["v1": ["o5"], "v2": ["o3"]])
    }

    @Test func microsoftFormsInEnglish() throws {
        let table = try FormsImport.read([
            ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time", "Hoeveel keer deed uw kind mee?"],
            ["1", "12/3/2026 2:05:01 PM", "12/3/2026 2:09:40 PM", "anonymous", "", "", "7,5"],
        ]).get()
        #expect(table.source == .microsoftEnglish)
        #expect(table.columns.map(\.header) == ["Hoeveel keer deed uw kind mee?"])
        #expect(table.days == [IsoDate("2026-12-03")])
        let (answers, _) = FormsImport.responses(table, mapping: [0: "v4"], questions: questions)
        #expect(answers[0]["v4"] == ["7.5"])
    }

    @Test func googleFormsWithAGridAndChoicesThatContainCommas() throws {
        for (stamp, head, english) in [("16-10-2026 05:19:27", "Tijdstempel", false), ("10/16/2026 05:19:27", "Timestamp", true)] {
            let table = try FormsImport.read([
                [head, english ? "Email Address" : "E-mailadres", "Hoe vindt u [de informatie die u krijgt]", "Aan welke activiteiten deed uw kind mee?", "Iets anders"],
                [stamp, "iris@voorbeeld.example", "Goed", "Voetbal na school, Techniek, bouwen en programmeren", "x"],
                [stamp, "", "Fantastisch", "Breakdance", ""],
            ]).get()
            #expect(table.source == (english ? .googleEnglish : .googleDutch))
            #expect(table.dropped.count == 1)
            #expect(table.days.first == IsoDate("2026-10-16"))
            // The grid's row names the question; an unknown column stays unmapped.
            #expect(FormsImport.match(table.columns[0].header, in: questions.questions) == "v3")
            #expect(FormsImport.match(table.columns[2].header, in: questions.questions) == nil)
            let (answers, misfits) = FormsImport.responses(table, mapping: [0: "v3", 1: "v2"], questions: questions)
            #expect(answers[0].values == ["v3": ["o3"], "v2": ["o1", "o2"]])
            // Labels that are not options are counted, and left out.
            #expect(misfits == [0: 1, 1: 1])
            #expect(answers[1].values.isEmpty)
        }
    }

    @Test func anUnknownFileIsReadWithItsFirstRowAsQuestionsAndLimitsHold() throws {
        let table = try FormsImport.read([["Naam", "Wat kan er beter?"], ["Piet", "Niets"]]).get()
        #expect(table.source == .other)
        #expect(table.dropped == ["Naam"])
        #expect(FormsImport.read([["Wat kan er beter?"]]) == .failure(.empty))
        let many = [["Vraag"]] + Array(repeating: ["x"], count: FormsImport.maxRows + 1)
        #expect(FormsImport.read(many) == .failure(.tooManyRows(FormsImport.maxRows + 1)))
    }

    @Test func scaleAnswersMayBeNumbersAndTextsAreBounded() {
        let scale = questions.question("v1")!
        #expect(FormsImport.answer("4", to: scale, source: .other) == ["o4"])
        #expect(FormsImport.answer("9", to: scale, source: .other) == nil)
        #expect(FormsImport.answer(String(repeating: "a", count: Answers.maxLong + 1), to: questions.question("v5")!, source: .other) == nil)
        #expect(FormsImport.answer("", to: scale, source: .other) == [])
    }
}
