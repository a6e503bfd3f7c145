import Vapor

/// Bounds on the shape of a request body, checked in one linear pass before anything
/// parses it. Vapor's form parser copies a key's whole value list for every repeat of that
/// key, so 40,000 repeats of `x[]` (240 kB, under the size limit) cost 15 s of CPU; a
/// multipart body can hold thousands of parts. Our largest form has a few hundred fields.
enum BodyShape {
    static let maxFields = 1_000
    static let maxRepeats = 300
    static let maxKeyBytes = 200
    static let maxKeyDepth = 2
    static let maxParts = 20

    enum Refusal: Error, Equatable {
        case tooManyFields, tooManyRepeats, keyTooLong, keyTooDeep, tooManyParts
    }

    /// A URL-encoded body or query: pairs separated by `&`, keys before `=`.
    static func checkURLEncoded(_ bytes: some Collection<UInt8>) -> Refusal? {
        var fields = 0
        var repeats: [String: Int] = [:]
        var pairStart = bytes.startIndex
        var index = bytes.startIndex
        while true {
            let atEnd = index == bytes.endIndex
            if atEnd || bytes[index] == UInt8(ascii: "&") {
                if pairStart != index {
                    fields += 1
                    if fields > maxFields { return .tooManyFields }
                    let pair = bytes[pairStart..<index]
                    let keyEnd = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
                    let rawKey = pair[pair.startIndex..<keyEnd]
                    // Percent-encoded keys are still short; a long one is refused before decoding.
                    if rawKey.count > maxKeyBytes * 3 { return .keyTooLong }
                    let key = decodedKey(rawKey)
                    if key.utf8.count > maxKeyBytes { return .keyTooLong }
                    if key.utf8.lazy.filter({ $0 == UInt8(ascii: "[") }).count > maxKeyDepth { return .keyTooDeep }
                    // Repeats are counted per name before the brackets: `x`, `x[]` and `x[a]` share one list.
                    let name = String(key.prefix { $0 != "[" })
                    let count = (repeats[name] ?? 0) + 1
                    if count > maxRepeats { return .tooManyRepeats }
                    repeats[name] = count
                }
                if atEnd { break }
                pairStart = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        return nil
    }

    /// A multipart body: counts the boundary lines, so the parts are bounded before parsing.
    static func checkMultipart(_ bytes: [UInt8], boundary: String) -> Refusal? {
        let marker = Array(("--" + boundary).utf8)
        guard !marker.isEmpty, marker.count <= 74 else { return .tooManyParts }
        var parts = 0
        var index = 0
        while let found = firstRange(of: marker, in: bytes, from: index) {
            parts += 1
            if parts > maxParts + 1 { return .tooManyParts }
            index = found + marker.count
        }
        return nil
    }

    private static func firstRange(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func decodedKey(_ raw: some Collection<UInt8>) -> String {
        let text = String(decoding: raw, as: UTF8.self).replacingOccurrences(of: "+", with: " ")
        return text.removingPercentEncoding ?? text
    }

    /// Checks the collected body of a form post or the query of any request.
    static func check(body: ByteBuffer?, contentType: HTTPMediaType?) -> Refusal? {
        guard let body, body.readableBytes > 0, let contentType else { return nil }
        if contentType == .urlEncodedForm {
            return body.readableBytesView.withContiguousStorageIfAvailable { checkURLEncoded($0) } ?? checkURLEncoded(Array(body.readableBytesView))
        }
        if contentType == .formData {
            guard let boundary = contentType.parameters["boundary"] else { return .tooManyParts }
            return checkMultipart(Array(body.readableBytesView), boundary: boundary)
        }
        return nil
    }

    static let problem = UserProblem(
        status: .payloadTooLarge, title: "Dit formulier is te groot",
        message: "Wat je verstuurde heeft te veel velden. Er is niets opgeslagen. Ga terug, laad de pagina opnieuw en probeer het nog eens.")
}
