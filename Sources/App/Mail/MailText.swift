import Foundation
import Reports

/// The text of a mail as SMTP carries it: headers (non-ASCII words encoded, RFC 2047) and
/// UTF-8 parts in quoted-printable, lines ending in CRLF.
enum MailText {
    struct Message {
        var from: String
        var to: String
        var subject: String
        var text: String
        /// The same content as simple HTML; nil: a text-only mail.
        var html: String?
        var date: Date
        var messageID: String
        /// One-click unsubscribe (RFC 8058): shown as `List-Unsubscribe` with `List-Unsubscribe-Post`.
        var unsubscribeURL: String?
    }

    static func render(_ m: Message) -> String {
        var headers = [
            "From: Bouwstenen <\(m.from)>", "To: <\(m.to)>", "Subject: \(encodedWord(m.subject))", "Date: \(rfc5322(m.date))",
            "Message-ID: <\(m.messageID)>", "MIME-Version: 1.0", "Auto-Submitted: auto-generated",
        ]
        if let unsubscribe = m.unsubscribeURL {
            headers += ["List-Unsubscribe: <\(unsubscribe)>", "List-Unsubscribe-Post: List-Unsubscribe=One-Click"]
        }
        guard let html = m.html else {
            return (headers + part("text/plain")).joined(separator: "\r\n") + "\r\n\r\n" + quotedPrintable(m.text)
        }
        // The boundary cannot occur in quoted-printable text: it has "=_" that QP never writes.
        let boundary = "=_bouwstenen_\(m.messageID.prefix(36))"
        headers.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
        let body = [
            "--\(boundary)", part("text/plain").joined(separator: "\r\n"), "", quotedPrintable(m.text),
            "--\(boundary)", part("text/html").joined(separator: "\r\n"), "", quotedPrintable(html),
            "--\(boundary)--", "",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + body.joined(separator: "\r\n")
    }

    private static func part(_ type: String) -> [String] {
        ["Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: quoted-printable"]
    }

    /// A header word with anything but printable ASCII as =?utf-8?B?…?=.
    static func encodedWord(_ text: String) -> String {
        text.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value < 127 }) ? text : "=?utf-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    /// Lines of at most 76 characters; "=" and bytes outside printable ASCII as =XX.
    static func quotedPrintable(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var out = "", width = 0
            let bytes = Array(line.utf8)
            for (i, byte) in bytes.enumerated() {
                let last = i == bytes.count - 1
                let plain = (byte >= 33 && byte <= 126 && byte != 61) || (byte == 32 && !last)
                let piece = plain ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
                if width + piece.count > 75 { out += "=\r\n"; width = 0 }
                out += piece
                width += piece.count
            }
            return out
        }.joined(separator: "\r\n")
    }

    static func rfc5322(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return f.string(from: date)
    }

    /// Paragraphs of plain text and one button-like link as a small HTML page that every mail
    /// program shows: no images, no styles from elsewhere.
    static func html(title: String, paragraphs: [String], link: (label: String, url: String)?, footer: [String]) -> String {
        let e = XMLText.escape
        var out = "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>\(e(title))</title></head>"
        out += "<body style=\"font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 36em\">"
        for p in paragraphs { out += "<p>\(e(p))</p>" }
        if let link {
            out += "<p><a href=\"\(e(link.url))\" style=\"display: inline-block; padding: 0.5em 1em; background: #154273; color: #ffffff; text-decoration: none\">\(e(link.label))</a></p>"
            out += "<p style=\"font-size: 14px\">Werkt de knop niet? Kopieer dan dit adres in je browser:<br>\(e(link.url))</p>"
        }
        if !footer.isEmpty { out += "<hr><p style=\"font-size: 14px; color: #555555\">" + footer.map(e).joined(separator: "<br>") + "</p>" }
        return out + "</body></html>"
    }
}
