/// The name of a form field, as the form posts it and as errors are keyed. A typed form
/// names its fields once, in its `CodingKeys`: Vapor decodes the body by them, validation
/// reports errors by them, and the page builds ids, labels and the error summary from them.
public protocol FieldName: Sendable {
    var fieldName: String { get }
}

extension String: FieldName {
    public var fieldName: String { self }
}

extension FieldName where Self: RawRepresentable, RawValue == String {
    public var fieldName: String { rawValue }
}
