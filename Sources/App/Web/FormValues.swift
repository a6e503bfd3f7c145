import Vapor

/// A submitted field: one value, or several for checkboxes (`name[]`).
private enum FormValue: Decodable {
    case one(String)
    case many([String])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(String.self) { self = .one(value) }
        else { self = .many(try container.decode([String].self)) }
    }
}

/// The submitted form as plain strings. Missing fields are simply absent; the Domain
/// validation says what is required.
struct SubmittedForm {
    var values: [String: String]
    var lists: [String: [String]]
}

extension Request {
    func submittedForm() throws -> SubmittedForm {
        guard let contentType = headers.contentType, contentType == .urlEncodedForm || contentType == .formData else {
            throw Abort(.unsupportedMediaType)
        }
        let raw: [String: FormValue]
        do { raw = try content.decode([String: FormValue].self) } catch { throw Abort(.badRequest) }
        var form = SubmittedForm(values: [:], lists: [:])
        for (key, value) in raw where key != CSRFMiddleware.fieldName {
            switch value {
            case .one(let text): form.values[key] = text; form.lists[key] = [text]
            case .many(let items): form.values[key] = items.first; form.lists[key] = items
            }
        }
        return form
    }

    func formValues() throws -> [String: String] {
        try submittedForm().values
    }
}

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
