import Vapor

extension Request {
    /// The POST body as a typed form: Vapor decodes it by the form's coding keys (its field
    /// names), other fields such as the CSRF token are ignored. A body that does not fit the
    /// form is a 400; the body's size and shape were bounded before (`BodyShape`).
    func form<Form: Decodable>(_ type: Form.Type) throws -> Form {
        guard let contentType = headers.contentType, contentType == .urlEncodedForm || contentType == .formData else {
            throw Abort(.unsupportedMediaType)
        }
        do { return try content.decode(Form.self) } catch { throw Abort(.badRequest) }
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
