import Vapor
import Foundation

/// Random secrets for cookies, CSRF and invitation links.
enum Tokens {
    /// 32 random bytes, URL-safe base64 without padding (43 characters).
    static func random() -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        var rng = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = UInt8.random(in: .min ... .max, using: &rng) }
        return base64URL(Data(bytes))
    }

    static func sha256(_ token: String) -> String {
        sha256(Data(token.utf8))
    }

    /// Lowercase hex. By hand: `String(format:)` per byte showed in the profile of every page.
    static func sha256(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: data) { hex += [digits[Int(byte >> 4)], digits[Int(byte & 15)]] }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Compares two secrets in time that does not depend on where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }

    /// The CSRF token as a page carries it: a fresh random pad, then the token XOR that pad,
    /// so no two pages hold the same bytes. With HTML compressed, a constant secret next to
    /// reflected input would leak through the compressed size (BREACH); a masked one cannot.
    static func masked(_ token: String) -> String {
        let secret = Array(token.utf8)
        var rng = SystemRandomNumberGenerator()
        let pad = secret.map { _ in UInt8.random(in: .min ... .max, using: &rng) }
        return base64URL(Data(pad + zip(pad, secret).map { $0 ^ $1 }))
    }

    /// The token inside a masked one, or nil when it is not one (a wrong length, not base64).
    static func unmasked(_ presented: String) -> String? {
        guard presented.utf8.count <= 200 else { return nil }
        var base64 = String(decoding: presented.utf8.map { $0 == 45 ? 43 : $0 == 95 ? 47 : $0 }, as: UTF8.self)  // - → +, _ → /
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), data.count % 2 == 0, !data.isEmpty else { return nil }
        let bytes = Array(data), half = bytes.count / 2
        return String(decoding: zip(bytes[..<half], bytes[half...]).map { $0 ^ $1 }, as: UTF8.self)
    }

    /// Byte by byte: Foundation's `replacingOccurrences` went through NSString on every page.
    private static func base64URL(_ data: Data) -> String {
        let url = data.base64EncodedString().utf8.compactMap { c -> UInt8? in
            switch c {
            case 43: 45  // + → -
            case 47: 95  // / → _
            case 61: nil  // no padding
            default: c
            }
        }
        return String(decoding: url, as: UTF8.self)
    }

    /// A token from a cookie or link can be anything; only plausible ones reach the database.
    static func isPlausible(_ token: String) -> Bool {
        token.utf8.count == 43 && token.utf8.allSatisfy { c in
            (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 45 || c == 95
        }
    }
}
