import Domain
import Foundation
import Reports

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
        return oneTimeLink(.invitation, to: email, subject: subject, lines: lines, button: "Uitnodiging bekijken", link: link,
                           footer: ["Verwachtte je deze uitnodiging niet? Dan kun je deze mail negeren.", signature], validUntil: validUntil)
    }

    static func passwordReset(to email: String, name: String, link: String, validUntil: Date) -> Mail {
        let subject = "Nieuw wachtwoord voor Bouwstenen"
        let lines = [
            "Beste \(name),",
            "Iemand heeft gevraagd om een nieuw wachtwoord voor jouw account in Bouwstenen. Was jij dat? Kies dan met de link hieronder een nieuw wachtwoord.",
            "De link werkt één keer en is één uur geldig, tot \(DutchDate.time(validUntil)) uur.",
        ]
        return oneTimeLink(.passwordReset, to: email, subject: subject, lines: lines, button: "Nieuw wachtwoord kiezen", link: link,
                           footer: ["Heb jij dit niet gevraagd? Dan hoef je niets te doen: je wachtwoord blijft zoals het is.", signature], validUntil: validUntil)
    }

    static func confirmEmail(to newEmail: String, name: String, link: String, validUntil: Date) -> Mail {
        let subject = "Bevestig je nieuwe e-mailadres voor Bouwstenen"
        let lines = [
            "Beste \(name),",
            "Je wilt voortaan inloggen in Bouwstenen met dit e-mailadres: \(newEmail). Bevestig dat met de link hieronder. Tot je bevestigt, log je in met je oude adres.",
            "De link werkt één keer, tot en met \(DutchDate.dayMonthYear(validUntil)) \(DutchDate.time(validUntil)) uur.",
        ]
        return oneTimeLink(.emailChange, to: newEmail, subject: subject, lines: lines, button: "E-mailadres bevestigen", link: link,
                           footer: ["Heb jij dit niet gevraagd? Dan hoef je niets te doen.", signature], validUntil: validUntil)
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

    /// "Wat moet je nu doen?": per coalition the items of the kinds due today, with links,
    /// the settings and a one-click unsubscribe for exactly these kinds.
    static func digest(to email: String, name: String, sections: [(coalition: String, groups: [NextSteps.Group])],
                       frequencies: [(ReminderKind, ReminderFrequency)], link: (String) -> String,
                       settings: String, unsubscribe: String, validUntil: Date) -> Mail {
        let count = sections.reduce(0) { $0 + $1.groups.reduce(0) { $0 + $1.items.count } }
        let subject = "Wat moet je nu doen? \(count == 1 ? "1 punt" : "\(count) punten") in \(sections.map(\.coalition).joined(separator: " en "))"
        let intro = "Beste \(name), dit staat voor jou klaar in Bouwstenen."
        let why = "Je krijgt deze mail voor: " + frequencies.map { "\($0.0.label.lowercased()) (\($0.1.rawValue))" }.joined(separator: ", ") + "."
        var text = [intro]
        let e = XMLText.escape
        var html = "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>\(e(subject))</title></head>"
        html += "<body style=\"font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 36em\"><p>\(e(intro))</p>"
        for section in sections {
            text.append("== \(section.coalition) ==")
            html += "<h2 style=\"font-size: 18px\">\(e(section.coalition))</h2>"
            for group in section.groups {
                let items = group.items + (group.more.map { [$0] } ?? [])
                text.append(group.title + "\n" + items.map { "- \($0.text)" + ($0.detail.map { ": \($0)" } ?? "") + "\n  \(link($0.href))" }.joined(separator: "\n"))
                html += "<h3 style=\"font-size: 16px\">\(e(group.title))</h3><ul>"
                html += items.map { "<li><a href=\"\(e(link($0.href)))\">\(e($0.text))</a>" + ($0.detail.map { ": \(e($0))" } ?? "") + "</li>" }.joined()
                html += "</ul>"
            }
        }
        let footer = [why, "Kiezen hoe vaak je mail krijgt: \(settings)", "Geen mail meer over deze onderwerpen: \(unsubscribe)", signature]
        text += ["--"] + footer
        html += "<hr><p style=\"font-size: 14px; color: #555555\">\(e(why))<br><a href=\"\(e(settings))\">Kies hoe vaak je mail krijgt</a> · "
        html += "<a href=\"\(e(unsubscribe))\">Geen mail meer over deze onderwerpen</a><br>\(e(signature))</p></body></html>"
        return Mail(kind: .reminder, to: email, subject: subject, text: text.joined(separator: "\n\n"), html: html,
                    unsubscribeURL: unsubscribe, expiresAt: validUntil)
    }

    /// A mail whose point is one link that works once: text and HTML with a button, not
    /// worth sending after the link expires, and never shown on the outbox page.
    private static func oneTimeLink(_ kind: Mail.Kind, to: String, subject: String, lines: [String], button: String, link: String,
                                    footer: [String], validUntil: Date) -> Mail {
        Mail(kind: kind, to: to, subject: subject, text: (lines + [link] + ["--"] + footer).joined(separator: "\n\n"),
             html: MailText.html(title: subject, paragraphs: lines, link: (button, link), footer: footer),
             holdsSecret: true, expiresAt: validUntil)
    }
}
