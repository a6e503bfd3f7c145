import Vapor

extension Request {
    /// The POST body as a typed form: Vapor decodes it by the form's coding keys (its field
    /// names), other fields such as the CSRF token are ignored. A body that does not fit the
    /// form is a 400; the body's size and shape were bounded before (`BodyShape`).
    func form<Form: Decodable>(_ type: Form.Type) throws -> Form {
        guard let contentType = headers.contentType, contentType == .urlEncodedForm || contentType == .formData else {
            throw Abort(.unsupportedMediaType)
        }
        // Day, month and year boxes (`DateParts`) become one field before decoding.
        if contentType == .urlEncodedForm, let body = body.string, body.contains("-maand=") || body.contains("-jaar=") {
            let merged = DateParts.merge(Self.pairs(body)).map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
            do { return try URLEncodedFormDecoder().decode(Form.self, from: merged) } catch { throw Abort(.badRequest) }
        }
        do { return try content.decode(Form.self) } catch { throw Abort(.badRequest) }
    }

    /// The pairs of a URL-encoded body, decoded (`+` is a space).
    static func pairs(_ body: String) -> [(String, String)] {
        body.split(separator: "&").map { pair in
            let (key, value) = pair.firstIndex(of: "=").map { (pair[..<$0], pair[pair.index(after: $0)...]) } ?? (pair[...], ""[...])
            func decode(_ s: Substring) -> String { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s) }
            return (decode(key), decode(value))
        }
    }

    /// ASCII letters, digits and `-_.~[]` as they are; everything else percent-encoded.
    private static let plain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~[]")

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: plain) ?? ""
    }
}

/// A form that changes a versioned record: its fields, and the version they were based on
/// (nil when missing or out of range: the caller answers 400, after showing the form's own
/// errors first).
struct Edit<Form: Decodable>: Decodable {
    let form: Form
    let version: Int?

    private enum CodingKeys: String, CodingKey { case version }

    init(from decoder: any Decoder) throws {
        form = try Form(from: decoder)
        version = Versioned.parse(try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .version))
    }
}
