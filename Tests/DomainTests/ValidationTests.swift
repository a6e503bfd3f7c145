import Testing

@testable import Domain

@Suite struct SlugTests {
    @Test(arguments: [
        ("Coalitie Rivierstad", "coalitie-rivierstad"),
        ("  Coalitie Zuid-Oost & Centrum ", "coalitie-zuid-oost-centrum"),
        ("Coöperatie Één", "cooperatie-een"),
        ("!!!", "coalitie"),
    ])
    func makesReadableSlugs(name: String, slug: String) {
        #expect(Slug.make(from: name) == slug)
    }

    @Test func slugsStayShort() {
        #expect(Slug.make(from: String(repeating: "lang ", count: 40)).count <= Slug.maxLength)
        #expect(!Slug.make(from: String(repeating: "lang ", count: 40)).hasSuffix("-"))
    }

    @Test func recognisesWellFormedSlugs() {
        #expect(Slug.isWellFormed("coalitie-rivierstad-2"))
        #expect(!Slug.isWellFormed("Coalitie"))
        #expect(!Slug.isWellFormed("../etc"))
        #expect(!Slug.isWellFormed(""))
    }
}

@Suite struct EmailTests {
    @Test func normalisesCaseAndSpaces() {
        var errors = FieldErrors()
        #expect(Email.validate("  Sanne@School.NL ", into: &errors) == "sanne@school.nl")
        #expect(errors.isEmpty)
    }

    @Test func oneAddressInEveryUnicodeForm() {
        let composed = "jos\u{E9}@school.nl", decomposed = "jose\u{301}@school.nl"
        #expect(Array(composed.unicodeScalars) != Array(decomposed.unicodeScalars))
        #expect(Array(Email.normalize(decomposed).unicodeScalars) == Array(composed.unicodeScalars))
        #expect(Array(Email.normalize("JOSE\u{301}@School.nl").unicodeScalars) == Array(composed.unicodeScalars))
    }

    @Test(arguments: ["", "geen-apenstaart", "a@b", "@school.nl", "a b@school.nl", "a@school.", "a@@school.nl", "<a>@school.nl"])
    func refusesWhatCannotBeAnAddress(raw: String) {
        var errors = FieldErrors()
        #expect(Email.validate(raw, into: &errors) == nil)
        #expect(errors["email"] != nil)
    }
}

@Suite struct PasswordPolicyTests {
    let policy = PasswordPolicy(commonPasswords: ["1234567890", "wachtwoord123", "wachtwoord"])

    @Test func acceptsALongUncommonPassword() {
        var errors = FieldErrors()
        policy.check("drie lange woorden", email: "a@b.nl", into: &errors)
        #expect(errors.isEmpty)
    }

    @Test func refusesShortCommonAndEmailLikePasswords() {
        func issue(_ password: String, email: String = "sanne@school.nl") -> FieldIssue? {
            var errors = FieldErrors()
            policy.check(password, email: email, into: &errors)
            return errors["password"]
        }
        #expect(issue("") == .required)
        #expect(issue("kort") == .passwordTooShort(min: 15))
        #expect(issue("Welkom01!!") == .passwordTooShort(min: 15))
        #expect(issue("WACHTWOORD123456") == .passwordTooCommon, "a common word with digits after it")
        #expect(issue("W@chtw00rd!!2026") == .passwordTooCommon, "swapped letters and symbols around it")
        #expect(issue("wachtwoord123wachtwoord123") == .passwordTooSimple, "one piece typed twice")
        #expect(issue("aaaaaaaaaaaaaaaa") == .passwordTooSimple)
        #expect(issue("0000000000000000") == .passwordTooSimple)
        #expect(issue("121212121212121212") == .passwordTooSimple)
        #expect(issue("sanne@school.nl") == .passwordEqualsEmail)
        #expect(issue(String(repeating: "é", count: 40)) == .passwordTooLong(maxBytes: 72))
    }

    @Test func refusesTheirOwnWordsWithDigits() {
        func issue(_ password: String) -> FieldIssue? {
            var errors = FieldErrors()
            policy.check(password, email: "sanne.de.vries@school.nl", context: ["Sanne de Vries", "Coalitie Rivierstad"], into: &errors)
            return errors["password"]
        }
        #expect(issue("CoalitieRivierstad2026") == .passwordHasContextWords)
        #expect(issue("Rivierstad2026!!!!") == .passwordHasContextWords)
        #expect(issue("SanneDeVries123456") == .passwordHasContextWords)
        #expect(issue("sannedevries@school.nl") == .passwordHasContextWords)
        #expect(issue("de rivier stroomt snel") == nil, "a phrase of other words is fine")
        #expect(issue("sanne fietst elke dag langs de rivier") == nil, "a name inside a real sentence is fine")
    }

    @Test func repeatedPasswordMustMatch() {
        var errors = FieldErrors()
        policy.check("drie lange woorden", repeated: "drie lange woorde", email: nil, into: &errors)
        #expect(errors["passwordRepeat"] == .passwordsDiffer)
    }
}

@Suite struct CoalitionInputTests {
    @Test func validInput() throws {
        let input = try CoalitionInput.validate(name: " Coalitie Noord ", periodStart: "2025", periodEnd: "2028").get()
        #expect(input.name == "Coalitie Noord")
        #expect(input.period.label == "2025–2028")
    }

    @Test func reportsEveryProblemOncePerField() {
        guard case .failure(let failure) = CoalitionInput.validate(name: "Naam\u{0}", periodStart: "twintig", periodEnd: "1999") else {
            Issue.record("expected a failure"); return
        }
        #expect(failure.errors["coalitionName"] == .controlCharacters)
        #expect(failure.errors["periodStart"] == .notAYear)
        #expect(failure.errors["periodEnd"] == .yearOutOfRange(min: 2020, max: 2100))
    }

    @Test func endBeforeStartIsRefused() {
        guard case .failure(let failure) = CoalitionInput.validate(name: "X", periodStart: "2028", periodEnd: "2025") else {
            Issue.record("expected a failure"); return
        }
        #expect(failure.errors["periodEnd"] == .periodEndBeforeStart)
    }
}

@Suite struct MembershipRuleTests {
    @Test func lastProjectleiderCannotLeave() {
        #expect(!Membership.mayLeave(currentRole: .projectleider, newRole: .lezer, projectleiders: 1))
        #expect(!Membership.mayLeave(currentRole: .projectleider, newRole: nil, projectleiders: 1))
        #expect(Membership.mayLeave(currentRole: .projectleider, newRole: .lezer, projectleiders: 2))
        #expect(Membership.mayLeave(currentRole: .lezer, newRole: nil, projectleiders: 1))
        #expect(Membership.mayLeave(currentRole: .projectleider, newRole: .projectleider, projectleiders: 1))
    }
}
