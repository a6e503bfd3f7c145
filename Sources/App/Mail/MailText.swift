import Foundation

/// The text of a mail as SMTP carries it: headers (non-ASCII words encoded, RFC 2047) and a
/// UTF-8 body in quoted-printable, lines ending in CRLF.
enum MailText {
    static func plain(from: String, to: String, subject: String, body: String, date: Date, messageID: String) -> String {
        let headers = [
            "From: Bouwstenen <\(from)>", "To: <\(to)>", "Subject: \(encodedWord(subject))", "Date: \(rfc5322(date))",
            "Message-ID: <\(messageID)>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + quotedPrintable(body)
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
}
