import Domain

/// The Dutch wording of every validation problem, in one place for the copy editor.
enum Messages {
    /// - Parameter noun: what the field asks for, as it reads in a sentence ("je e-mailadres").
    static func text(for issue: FieldIssue, noun: String) -> String {
        switch issue {
        case .required: return "Vul \(noun) in."
        case .tooLong(let max): return "Dit is te lang. Gebruik hoogstens \(max) tekens."
        case .controlCharacters: return "Hier staan tekens in die niet zijn toegestaan, zoals tabs of regeleinden. Haal ze weg."
        case .invalidEmail: return "Vul een e-mailadres in zoals naam@school.nl."
        case .passwordTooShort(let min): return "Kies een wachtwoord van minstens \(min) tekens."
        case .passwordTooLong(let max): return "Dit wachtwoord is te lang. Gebruik hoogstens \(max) tekens (letters met accenten en emoji tellen dubbel of meer)."
        case .passwordTooCommon: return "Dit wachtwoord wordt heel vaak gebruikt en is makkelijk te raden. Kies een ander wachtwoord, bijvoorbeeld een zin van een paar woorden."
        case .passwordEqualsEmail: return "Je wachtwoord mag niet hetzelfde zijn als je e-mailadres. Kies een ander wachtwoord."
        case .passwordsDiffer: return "De twee wachtwoorden zijn niet hetzelfde. Typ het wachtwoord nog een keer."
        case .wrongPassword: return "Dit wachtwoord klopt niet."
        case .notAYear: return "Vul een jaartal in, zoals 2025."
        case .notADate: return "Vul een bestaande datum in, zoals 2026-06-30."
        case .notANumber: return "Vul een getal in, zoals 80 of 7,5."
        case .notAMonth: return "Vul een maand in als jaar en maand, zoals 2025-09."
        case .yearOutOfRange(let min, let max): return "Vul een jaartal in tussen \(min) en \(max)."
        case .periodEndBeforeStart: return "Het einde kan niet vóór het begin liggen."
        case .unknownChoice: return "Kies een van de mogelijkheden."
        case .alreadyMember: return "Deze persoon is al lid van de coalitie."
        case .alreadyInvited: return "Deze persoon heeft al een open uitnodiging. Trek die eerst in als je een nieuwe wilt maken."
        case .lastProjectleider: return "Een coalitie heeft altijd minstens één projectleider. Maak eerst iemand anders projectleider."
        case .slugTaken: return "Er bestaat al een coalitie met deze naam. Kies een andere naam."
        }
    }

    static func roleLabel(_ role: Role) -> String {
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
