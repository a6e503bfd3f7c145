import Domain
import Foundation

/// The words of every mail the app sends: plain Dutch, the coalition's name, a link, and
/// never a pupil's data or the text of an incident.
enum Mails {
    static let signature = "Deze mail is automatisch verstuurd door Bouwstenen. Je kunt er niet op antwoorden."

    static func invitation(to email: String, name: String, coalition: String, role: Role, invitedBy: String,
                           link: String, validUntil: Date) -> Mail {
        let subject = "Uitnodiging voor \(coalition) in Bouwstenen"
        let lines = [
            "Beste \(name),",
            "\(invitedBy) nodigt je uit voor de coalitie \(coalition) in Bouwstenen, als \(Messages.roleLabel(role).lowercased()). In Bouwstenen werkt de coalitie samen aan het kwaliteitsrapport van School en Omgeving.",
            "Met de link hieronder maak je een account of log je in. De link werkt één keer, tot en met \(DutchDate.dayMonthYear(validUntil)).",
        ]
        let footer = ["Verwachtte je deze uitnodiging niet? Dan kun je deze mail negeren.", signature]
        return Mail(kind: .invitation, to: email, subject: subject,
                    text: text(lines, link: link, footer: footer),
                    html: MailText.html(title: subject, paragraphs: lines, link: ("Uitnodiging bekijken", link), footer: footer),
                    holdsSecret: true, expiresAt: validUntil)
    }

    static func passwordReset(to email: String, name: String, link: String, validUntil: Date) -> Mail {
        let subject = "Nieuw wachtwoord voor Bouwstenen"
        let lines = [
            "Beste \(name),",
            "Iemand heeft gevraagd om een nieuw wachtwoord voor jouw account in Bouwstenen. Was jij dat? Kies dan met de link hieronder een nieuw wachtwoord.",
            "De link werkt één keer en is één uur geldig, tot \(DutchDate.time(validUntil)) uur.",
        ]
        let footer = ["Heb jij dit niet gevraagd? Dan hoef je niets te doen: je wachtwoord blijft zoals het is.", signature]
        return Mail(kind: .passwordReset, to: email, subject: subject,
                    text: text(lines, link: link, footer: footer),
                    html: MailText.html(title: subject, paragraphs: lines, link: ("Nieuw wachtwoord kiezen", link), footer: footer),
                    holdsSecret: true, expiresAt: validUntil)
    }

    static func confirmEmail(to newEmail: String, name: String, link: String, validUntil: Date) -> Mail {
        let subject = "Bevestig je nieuwe e-mailadres voor Bouwstenen"
        let lines = [
            "Beste \(name),",
            "Je wilt voortaan inloggen in Bouwstenen met dit e-mailadres: \(newEmail). Bevestig dat met de link hieronder. Tot je bevestigt, log je in met je oude adres.",
            "De link werkt één keer, tot en met \(DutchDate.dayMonthYear(validUntil)) \(DutchDate.time(validUntil)) uur.",
        ]
        let footer = ["Heb jij dit niet gevraagd? Dan hoef je niets te doen.", signature]
        return Mail(kind: .emailChange, to: newEmail, subject: subject,
                    text: text(lines, link: link, footer: footer),
                    html: MailText.html(title: subject, paragraphs: lines, link: ("E-mailadres bevestigen", link), footer: footer),
                    holdsSecret: true, expiresAt: validUntil)
    }

    /// To the old address: someone asked to move the account away from it.
    static func emailChangeNotice(to oldEmail: String, name: String, newEmail: String) -> Mail {
        let subject = "Je e-mailadres voor Bouwstenen wordt gewijzigd"
        let lines = [
            "Beste \(name),",
            "Er is gevraagd om voor jouw account in Bouwstenen voortaan dit adres te gebruiken: \(newEmail). Pas als iemand dat bevestigt vanuit dat adres, verandert het.",
            "Was jij dit niet? Wijzig dan meteen je wachtwoord onder ‘Mijn account’, of vraag een nieuw wachtwoord aan op de inlogpagina.",
        ]
        return Mail(kind: .emailChange, to: oldEmail, subject: subject, text: (lines + ["--", signature]).joined(separator: "\n\n"),
                    html: MailText.html(title: subject, paragraphs: lines, link: nil, footer: [signature]))
    }

    private static func text(_ lines: [String], link: String, footer: [String]) -> String {
        (lines + [link] + ["--"] + footer).joined(separator: "\n\n")
    }
}
