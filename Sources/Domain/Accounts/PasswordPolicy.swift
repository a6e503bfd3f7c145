/// Rules for a new password, after NIST SP 800-63B and OWASP ASVS 5.0 (V6): a long minimum,
/// no composition rules (they push people to "Welkom01!"), and a check against a list of
/// common and breached passwords and against the words of the person's own context (name,
/// e-mail address, coalition), also when digits or symbols are added or letters swapped.
public struct PasswordPolicy: Sendable {
    public static let minLength = 15
    /// Bcrypt only reads the first 72 bytes; longer input would silently be cut.
    public static let maxBytes = 72
    /// "aaaaaaaaaaaaaaa" and "121212121212121" are long but not secret.
    static let minDistinct = 5
    /// What must be left of the password once the context words are taken out.
    static let minOwnLetters = 6

    private let common: Set<String>

    /// - Parameter commonPasswords: passwords that are refused, compared lowercased.
    public init(commonPasswords: Set<String>) {
        self.common = Set(commonPasswords.map { $0.lowercased() })
    }

    /// - Parameters:
    ///   - email: the account's address; its parts count as context words.
    ///   - context: other words a guesser would try first: the person's name, the coalition's name.
    public func check(_ password: String?, email: String?, context: [String] = [], field: String = "password", into errors: inout FieldErrors) {
        let password = password ?? ""
        if password.isEmpty { errors.add(field, .required); return }
        if password.count < Self.minLength { errors.add(field, .passwordTooShort(min: Self.minLength)); return }
        if password.utf8.count > Self.maxBytes { errors.add(field, .passwordTooLong(maxBytes: Self.maxBytes)); return }
        let lowered = password.lowercased()
        if let email, !email.isEmpty, lowered == Email.normalize(email) { errors.add(field, .passwordEqualsEmail); return }
        if Set(lowered).count < Self.minDistinct || Self.repeatedUnit(lowered) != nil { errors.add(field, .passwordTooSimple); return }
        if isCommon(lowered) { errors.add(field, .passwordTooCommon); return }
        if Self.ownLetters(lowered, without: Self.contextWords(email: email, context: context)) < Self.minOwnLetters {
            errors.add(field, .passwordHasContextWords)
        }
    }

    /// Checks the password and its repetition on a form that asks for both.
    public func check(_ password: String?, repeated: String?, email: String?, context: [String] = [], into errors: inout FieldErrors) {
        check(password, email: email, context: context, into: &errors)
        if errors["password"] == nil, password != repeated {
            errors.add("passwordRepeat", .passwordsDiffer)
        }
    }

    /// On the list as typed, or once digits and symbols around it are taken off and
    /// swapped letters put back ("P@ssw0rd2025!" is "password"), or as a word typed twice.
    private func isCommon(_ lowered: String) -> Bool {
        if common.contains(lowered) { return true }
        let letters = String(Self.unleet(lowered).filter(\.isLetter))
        if common.contains(letters) { return true }
        let core = String(lowered.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed())
        if common.contains(core) || common.contains(Self.unleet(core)) { return true }
        if let unit = Self.repeatedUnit(letters), common.contains(unit) { return true }
        return false
    }

    /// "passwordpassword" -> "password"; nil when the text is not one piece repeated.
    static func repeatedUnit(_ text: String) -> String? {
        let characters = Array(text)
        guard characters.count >= 2 else { return nil }
        for length in 1...(characters.count / 2) where characters.count % length == 0 {
            let unit = characters[0..<length]
            if stride(from: length, to: characters.count, by: length).allSatisfy({ characters[$0..<($0 + length)] == unit }) {
                return String(unit)
            }
        }
        return nil
    }

    /// The letters left once every context word is taken out, also where it is written with
    /// swapped letters ("R1vierstad"). Counted in the text as typed, so digits that stand
    /// for letters in a word do not count as letters of their own.
    static func ownLetters(_ lowered: String, without words: [String]) -> Int {
        let typed = Array(lowered), swapped = Array(unleet(lowered))
        var taken = [Bool](repeating: false, count: typed.count)
        for word in words.map(Array.init) where word.count <= swapped.count {
            for start in 0...(swapped.count - word.count) where swapped[start..<(start + word.count)].elementsEqual(word) {
                for i in start..<(start + word.count) { taken[i] = true }
            }
        }
        return zip(typed, taken).filter { !$0.1 && $0.0.isLetter }.count
    }

    static func unleet(_ text: String) -> String {
        let swaps: [Character: Character] = ["@": "a", "4": "a", "0": "o", "1": "i", "!": "i", "3": "e", "5": "s", "$": "s", "7": "t", "8": "b", "9": "g"]
        return String(text.map { swaps[$0] ?? $0 })
    }

    /// Words of three letters or more from the e-mail address and the context, lowercased.
    static func contextWords(email: String?, context: [String]) -> [String] {
        let sources = context + [Email.normalize(email).replacingOccurrences(of: "@", with: " ")]
        var words = Set<String>()
        for source in sources {
            for word in source.lowercased().split(whereSeparator: { !$0.isLetter }) where word.count >= 3 { words.insert(String(word)) }
        }
        return Array(words)
    }
}
