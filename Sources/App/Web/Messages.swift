import Domain

/// The Dutch wording of every validation problem, in one place for the copy editor.
package enum Messages {
    /// - Parameter noun: what the field asks for, as it reads in a sentence ("je e-mailadres").
    static func text(for issue: FieldIssue, noun: String) -> String {
        switch issue {
        case .required: return "Vul \(noun) in."
        case .tooLong(let max): return "\(subject(noun)) is te lang. Gebruik hoogstens \(max) tekens."
        case .controlCharacters: return "Hier staan tekens in die niet zijn toegestaan, zoals tabs of regeleinden. Haal ze weg."
        case .invalidEmail: return "Vul een e-mailadres in zoals naam@school.nl."
        case .passwordTooShort(let min): return "Kies een wachtwoord van minstens \(min) tekens."
        case .passwordTooLong(let max): return "Dit wachtwoord is te lang. Gebruik hoogstens \(max) tekens (letters met accenten en emoji tellen dubbel of meer)."
        case .passwordTooCommon: return "Dit wachtwoord wordt heel vaak gebruikt en is makkelijk te raden. Kies een ander wachtwoord, bijvoorbeeld een zin van een paar woorden."
        case .passwordEqualsEmail: return "Je wachtwoord mag niet hetzelfde zijn als je e-mailadres. Kies een ander wachtwoord."
        case .passwordTooSimple: return "Dit wachtwoord is te makkelijk te raden: het herhaalt steeds dezelfde tekens. Kies bijvoorbeeld een zin van een paar woorden."
        case .passwordHasContextWords: return "Dit wachtwoord is te makkelijk te raden: het bestaat vooral uit je naam, je e-mailadres of de naam van je coalitie. Kies bijvoorbeeld een zin van een paar andere woorden."
        case .passwordsDiffer: return "De twee wachtwoorden zijn niet hetzelfde. Typ het wachtwoord nog een keer."
        case .wrongPassword: return "Dit wachtwoord klopt niet."
        case .notAYear: return "Vul bij \(noun) een jaartal in, zoals 2025."
        case .notADate: return "\(subject(noun)) moet een bestaande datum zijn, met dag, maand en jaar, zoals 30 6 2026."
        case .notANumber: return "Vul bij \(noun) een getal in, zoals 80 of 7,5."
        case .notAMonth: return "Kies bij \(noun) een maand en vul het jaar in, zoals 2025."
        case .yearOutOfRange(let min, let max): return "Vul bij \(noun) een jaartal in tussen \(min) en \(max)."
        case .periodEndBeforeStart: return "Het einde kan niet vóór het begin liggen."
        case .tooFarAhead(let years): return "\(subject(noun)) mag hoogstens \(years) jaar na de eerste datum liggen."
        case .notAPhoneNumber: return "Vul bij \(noun) een telefoonnummer in, met alleen cijfers, spaties, + en -, zoals 06 12345678."
        case .notAfter(let day): return "\(subject(noun)) moet na \(day) liggen."
        case .moreThanAYearAhead: return "\(subject(noun)) mag hoogstens een jaar vooruit liggen."
        case .unknownChoice: return "Kies \(noun) uit de lijst."
        case .alreadyMember: return "Deze persoon is al lid van de coalitie."
        case .alreadyInvited: return "Deze persoon heeft al een open uitnodiging. Trek die eerst in als je een nieuwe wilt maken."
        case .sameEmail: return "Dit is al je e-mailadres. Vul het nieuwe adres in."
        case .lastProjectleider: return "Een coalitie heeft altijd minstens één projectleider. Maak eerst iemand anders projectleider."
        case .slugTaken: return "Er bestaat al een coalitie met deze naam. Kies een andere naam."
        case .notATime: return "Vul bij \(noun) een tijd in, zoals 15:30."
        case .endBeforeStart: return "De eindtijd moet na de begintijd liggen."
        case .notYearGroups: return "Vul groepen in zoals 5-8 of 3, 4 en 5. Groepen lopen van 1 tot en met 8."
        case .notAWholeNumber: return "Vul bij \(noun) een heel getal in, zoals 12."
        case .numberOutOfRange(let min, let max): return "Vul bij \(noun) een getal in van \(min) tot en met \(max)."
        case .moreThanPresent(let present): return "Samen zijn dit meer leerlingen dan er aanwezig waren (\(present))."
        case .dateInFuture: return "Deze datum ligt in de toekomst. Vul de datum in die op de VOG staat."
        case .staffNotOfPartner: return "Kies alleen begeleiders die bij de gekozen partner werken."
        case .requiredForCounts: return "Vul in hoeveel leerlingen er waren. Dat is nodig als je aantallen per niveau invult."
        case .sessionExists: return "Op deze datum is al een sessie van deze activiteit. Kies een andere datum."
        case .notAFile: return "Kies een CSV-bestand om in te lezen."
        case .signalOnWrongSide(let higher): return higher
            ? "De signaalwaarde moet hoger zijn dan de norm: tussen de norm en de signaalwaarde staat de indicator op aandacht."
            : "De signaalwaarde moet lager zijn dan de norm: tussen de signaalwaarde en de norm staat de indicator op aandacht."
        case .percentageOutOfRange: return "Vul bij \(noun) een percentage in van 0 tot en met 100."
        }
    }

    /// A problem with a field where one picks from options (a select, radios): "Kies een rol."
    static func choiceText(for issue: FieldIssue, noun: String) -> String {
        switch issue {
        case .required, .unknownChoice: return "Kies \(noun)."
        default: return text(for: issue, noun: noun)
        }
    }

    /// The noun as the start of a sentence: "De naam is te lang."
    private static func subject(_ noun: String) -> String {
        noun.isEmpty || noun == "dit veld" ? "Dit" : noun.capitalizedFirst
    }

    package static func roleLabel(_ role: Role) -> String {
        switch role {
        case .projectleider: return "Projectleider"
        case .coordinator: return "Coördinator"
        case .partner: return "Partner"
        case .lezer: return "Lezer"
        }
    }

    static func roleHelp(_ role: Role) -> String {
        switch role {
        case .projectleider: return "regelt de kwaliteitscyclus, nodigt mensen uit en maakt het rapport"
        case .coordinator: return "houdt het werk op één of meer schoollocaties bij"
        case .partner: return "werkt voor een partnerorganisatie en vult de eigen activiteiten in"
        case .lezer: return "kan alles lezen, maar niets wijzigen"
        }
    }
}
