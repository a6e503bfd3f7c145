import Testing

@testable import Domain

@Suite struct BouwbladRulesTests {
    @Test func plainTextParagraphsAndLists() {
        let blocks = PlainText.blocks("Situatie in de wijk.\nTweede regel.\n\n- eerste punt\n- tweede punt\nSlotzin.")
        #expect(blocks == [.paragraph(["Situatie in de wijk.", "Tweede regel."]), .list(bullets("eerste punt", "tweede punt")), .paragraph(["Slotzin."])])
        #expect(PlainText.blocks("a\r\n\r\nb") == [.paragraph(["a"]), .paragraph(["b"])])
    }

    func bullets(_ items: String...) -> PlainText.List { PlainText.List(.bullet, items.map { PlainText.Item($0) }) }

    /// Lists as they arrive from Word: every bullet Word pastes, numbers, letters, and nesting
    /// by indentation or by Word's second-level marker.
    @Test(arguments: ["• een\n• twee", "· een\n· twee", "\u{F0B7} een\n\u{F0B7} twee", "– een\n– twee", "* een\n* twee", "- een\n- twee"])
    func everyBulletWordPastesIsAList(_ text: String) {
        #expect(PlainText.blocks(text) == [.list(bullets("een", "twee"))])
    }

    @Test func numberedLettersAndNestedLists() {
        #expect(PlainText.blocks("1. een\n2. twee") == [.list(PlainText.List(.number, [.init("een"), .init("twee")]))])
        #expect(PlainText.blocks("1) een\n2) twee") == [.list(PlainText.List(.number, [.init("een"), .init("twee")]))])
        #expect(PlainText.blocks("a. een\nb. twee") == [.list(PlainText.List(.letter, [.init("een"), .init("twee")]))])
        // Word's "o" under "•", even when the indentation is lost; back to the outer level after.
        let nested = PlainText.List(.bullet, [.init("sport", bullets("voetbal", "judo")), .init("cultuur")])
        #expect(PlainText.blocks("• sport\no voetbal\no judo\n• cultuur") == [.list(nested)])
        #expect(PlainText.blocks("- sport\n    - voetbal\n    - judo\n- cultuur") == [.list(nested)])
        #expect(PlainText.blocks("- sport\n\t- voetbal\n\t- judo\n- cultuur") == [.list(nested)])
        // Letters under numbers.
        #expect(PlainText.blocks("1. plannen\na. met de scholen\nb. met de partners\n2. uitvoeren")
            == [.list(PlainText.List(.number, [.init("plannen", PlainText.List(.letter, [.init("met de scholen"), .init("met de partners")])), .init("uitvoeren")]))])
    }

    @Test func proseIsNotAList() {
        #expect(PlainText.blocks("2025. Een jaar vol plannen.") == [.paragraph(["2025. Een jaar vol plannen."])])
        #expect(PlainText.blocks("o zo belangrijk") == [.paragraph(["o zo belangrijk"])])
        #expect(PlainText.blocks("b. Niet het begin van een lijst") == [.paragraph(["b. Niet het begin van een lijst"])])
        #expect(PlainText.blocks("-geen spatie") == [.paragraph(["-geen spatie"])])
        #expect(PlainText.blocks("Tekst\n1. punt") == [.paragraph(["Tekst"]), .list(PlainText.List(.number, [.init("punt")]))])
    }

    @Test func listsGoAtMostThreeDeep() {
        let text = "- 1\n  - 2\n    - 3\n      - 4"
        guard case .list(let list) = PlainText.blocks(text).first else { Issue.record("no list"); return }
        #expect(list.items[0].sublist?.items[0].sublist?.items.map(\.text) == ["3", "4"])
    }

    /// A summary row shows the first words, never half a word.
    @Test func anExcerptEndsAtAWord() {
        #expect(PlainText.excerpt("Kort.\n\nTweede alinea.") == "Kort. Tweede alinea.")
        #expect(PlainText.excerpt("Wij willen meer leerlingen bereiken", limit: 20) == "Wij willen meer …")
        #expect(PlainText.excerpt("- een\n  - twee\n- drie") == "een twee drie")
        #expect(PlainText.excerpt("Onafgebrokenwoord", limit: 5) == "Onafg…")
        #expect(PlainText.excerpt("") == "")
    }

    /// Step 4 often says what was learned and then asks; the next startvraag is the asking.
    @Test func theCarriedQuestionIsTheQuestionOfStep4() {
        #expect(CycleRules.carriedQuestion(from: "Eén keer per jaar is te weinig. Hoe doen we het elk kwartaal?") == "Hoe doen we het elk kwartaal?")
        #expect(CycleRules.carriedQuestion(from: "Wie trekt het? En wanneer?\nDat weten we nog niet.") == "Wie trekt het?\nEn wanneer?")
        #expect(CycleRules.carriedQuestion(from: "We gaan door met de nabespreking.") == "We gaan door met de nabespreking.", "no question: the whole step")
        #expect(CycleRules.carriedQuestion(from: "") == "")
    }

    @Test func monthsAndPeriods() {
        #expect(Month("2025-09")?.label == "september 2025")
        #expect(Month("9-2025") == Month("2025-09"))
        #expect(Month("2025-13") == nil)
        #expect(Month("2025-02-30") == nil)
        var errors = FieldErrors()
        #expect(CyclePeriod.validate(from: "2026-01", to: "2025-12", into: &errors) == nil)
        #expect(errors["periodTo"] == .periodEndBeforeStart)
        #expect(CyclePeriod(from: nil, to: nil).label == nil)
    }

    @Test func nextPeriodFollowsOn() {
        let previous = CyclePeriod(from: Month("2025-09"), to: Month("2026-01"))
        let next = CycleRules.followingPeriod(after: previous)
        #expect(next.from == Month("2026-02"))
        #expect(next.to == Month("2026-06"))
        #expect(CycleRules.followingPeriod(after: .init(from: nil, to: Month("2025-12"))).from == Month("2026-01"))
        #expect(CycleRules.followingPeriod(after: .init(from: nil, to: nil)).from == nil)
    }

    @Test func closingNeedsStepsThreeAndFour() {
        #expect(CycleRules.missingToClose(bereikt: " ", bijgesteld: "vraag") == [.bereikt])
        #expect(CycleRules.missingToClose(bereikt: "x", bijgesteld: "y").isEmpty)
    }

    @Test func stateNeverOnlyColour() {
        #expect(Set(BouwbladState.allCases.map(\.icon)).count == BouwbladState.allCases.count)
        #expect(Set(BouwbladState.allCases.map(\.label)).count == BouwbladState.allCases.count)
    }

    static func cycle(_ number: Int, closed: Bool, empty: [CycleStep] = [], open doelen: Int = 0) -> CycleFacts {
        CycleFacts(number: number, isClosed: closed, emptySteps: empty, doelenWithoutResult: doelen)
    }

    /// What blocks a report (a closed cycle with an empty step, no cycle) against what is only
    /// a hint (a cycle that still runs, a goal without result, no link).
    @Test func theStateFollowsFromTheData() {
        let done = BouwbladCheck(cycles: [Self.cycle(1, closed: true)], hasLink: true)
        #expect(done.state == .klaarVoorRapport && done.points.isEmpty)
        // A report ends the way work ends: the last cycle open with only its startvraag.
        let ending = BouwbladCheck(cycles: [Self.cycle(1, closed: true), Self.cycle(2, closed: false, empty: [.doelen, .bereikt, .bijgesteld], open: 2)], hasLink: true)
        #expect(ending.state == .inUitvoering)
        #expect(ending.blockers.isEmpty)
        #expect(ending.hints.map(\.text) == ["Cyclus 2 loopt nog: stap 2, 3 en 4 zijn nog leeg.", "In cyclus 2 hebben 2 doelen nog geen resultaat."])
        let gap = BouwbladCheck(cycles: [Self.cycle(1, closed: true, empty: [.bereikt])], hasLink: false)
        #expect(gap.state == .nietCompleet)
        #expect(gap.blockers.map(\.text) == ["Cyclus 1 is afgerond, maar stap 3 is leeg."])
        #expect(gap.hints == [.noLink])
        #expect(BouwbladCheck(cycles: [], hasLink: true).state == .nietCompleet)
    }

    /// One point per thing to do: filling in a step of a running cycle never adds one.
    @Test func filledInMeansFewerPointsNeverMore() {
        var empty: [CycleStep] = [.doelen, .bereikt, .bijgesteld]
        var count = BouwbladCheck(cycles: [Self.cycle(1, closed: false, empty: empty)], hasLink: false).points.count
        while !empty.isEmpty {
            empty.removeFirst()
            let next = BouwbladCheck(cycles: [Self.cycle(1, closed: false, empty: empty)], hasLink: false).points.count
            #expect(next <= count)
            count = next
        }
    }

    @Test func wordDiff() {
        let diff = TextDiff.words(from: "de oude tekst", to: "de nieuwe tekst")
        #expect(diff.map(\.kind) == [.same, .removed, .added, .same])
        #expect(diff.filter { $0.kind != .removed }.map(\.text).joined() == "de nieuwe tekst")
    }

    @Test func formatOrderAndCodes() {
        #expect(BouwsteenKey.all.first?.code == "macro-samenhang")
        #expect(BouwsteenKey.all.last?.code == "micro-uitvoering")
        #expect(BouwsteenKey.reportOrder.prefix(3).map(\.code) == ["macro-samenhang", "meso-samenhang", "micro-samenhang"])
        #expect(BouwsteenKey(code: "meso-samenwerking")?.name == "Meso – Samenwerking")
        #expect(BouwsteenKey(code: "meso") == nil)
        #expect(FormatDefinition.bouwstenen2024.bouwstenen.allSatisfy { $0.questions.filter(\.mandatory).count == 1 })
    }
}

@Suite struct DoelRulesTests {
    @Test(arguments: [
        ("80", "80", TargetUnit?.some(.procent), Verdict?.some(.behaald)),
        ("80", "65", .procent, .deelsBehaald),
        ("3", "0", .aantal, .nietBehaald),
        ("7,5", "8", .aantal, .behaald),
        ("2026-06-30", "2026-06-01", .datum, .behaald),
        ("2026-06-30", "2026-07-01", .datum, .nietBehaald),
        ("80", "", .procent, nil),
        ("veel", "80", nil, nil),
    ])
    func verdict(target: String, achieved: String, unit: TargetUnit?, expected: Verdict?) {
        #expect(Verdict.compute(target: target, achieved: achieved, unit: unit) == expected)
    }

    @Test func numbersAsDutchPeopleTypeThem() {
        #expect(Number.parse("1.200") == 1200)
        #expect(Number.parse("7,5") == 7.5)
        #expect(Number.parse("80%") == 80)
        #expect(Number.parse("") == nil)
        #expect(Number.parse("1e400") == nil)
    }

    @Test func datesMustExist() {
        #expect(IsoDate("2025-02-30") == nil)
        #expect(IsoDate("2024-02-29") != nil)
        #expect(IsoDate("2025-02-29") == nil)
    }

    @Test func smartHintsPointOutWhatIsMissing() {
        #expect(SmartHint.hints(text: "Meer kinderen doen mee", target: "", deadline: nil, owner: "") == [.noNumber, .noDate, .noOwner])
        #expect(SmartHint.hints(text: "Binnen drie maanden 3 contactpersonen", target: "", deadline: nil, owner: "Lotte").isEmpty)
    }

    @Test func overdueActions() {
        let today = IsoDate("2026-01-10")!
        #expect(ActieInput.isOverdue(status: .bezig, deadline: IsoDate("2026-01-09"), today: today))
        #expect(!ActieInput.isOverdue(status: .klaar, deadline: IsoDate("2026-01-09"), today: today))
        #expect(!ActieInput.isOverdue(status: .gepland, deadline: nil, today: today))
    }
}

@Suite struct LinkKindTests {
    let microSamenwerking = BouwsteenKey(level: .micro, aspect: .samenwerking)
    let mesoUitvoering = BouwsteenKey(level: .meso, aspect: .uitvoering)

    @Test func theCoalitionsWordLeadsAndTheGridOnlyFillsIn() {
        // The grid calls this move "schuin, trap op"; a coalition that says "verticaal" is printed as it said.
        #expect(LinkKind.words(.verticaal, from: microSamenwerking, to: mesoUitvoering) == "verticaal")
        #expect(LinkKind.words(nil, from: microSamenwerking, to: mesoUitvoering) == "trap op", "a link from before the choice")
        #expect(LinkKind.words(nil, from: mesoUitvoering, to: microSamenwerking) == "verticaal")
        #expect(LinkKind.words(.horizontaal, from: microSamenwerking, to: microSamenwerking) == "horizontaal", "its own bouwsteen")
        #expect(LinkKind.words(nil, from: microSamenwerking, to: nil) == "", "an open target and no word")
        #expect(LinkKind.words(.trapOp, from: microSamenwerking, to: nil) == "trap op")
    }

    @Test func storedCodesAndLabels() {
        #expect(LinkKind(rawValue: "trap-op") == .trapOp)
        #expect(LinkKind(rawValue: "schuin") == nil)
        #expect(LinkKind.naastgelegen.choice == "Naastgelegen bouwsteen")
        #expect(Set(LinkKind.allCases.map(\.hint)).count == LinkKind.allCases.count)
    }

    @Test func aCarriedQuestionNamesItsMove() {
        let macro = BouwsteenKey(level: .macro, aspect: .samenhang)
        #expect(LinkKind.carried(from: microSamenwerking, to: mesoUitvoering) == .trapOp)
        #expect(LinkKind.carried(from: mesoUitvoering, to: macro) == .trapOp)
        #expect(LinkKind.carried(from: microSamenwerking, to: .init(level: .micro, aspect: .uitvoering)) == .horizontaal)
        #expect(LinkKind.carried(from: macro, to: mesoUitvoering) == .verticaal)
    }
}
