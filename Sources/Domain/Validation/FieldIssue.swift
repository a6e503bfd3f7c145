/// A problem with one field of a form. Domain only names the problem;
/// the Dutch wording lives in the App's message table.
public enum FieldIssue: Equatable, Sendable {
    case required
    case tooLong(max: Int)
    case controlCharacters
    case invalidEmail
    case passwordTooShort(min: Int)
    case passwordTooLong(maxBytes: Int)
    case passwordTooCommon
    case passwordEqualsEmail
    case passwordTooSimple
    case passwordHasContextWords
    case passwordsDiffer
    case wrongPassword
    case notAYear
    case notAMonth
    case notADate
    case notANumber
    case yearOutOfRange(min: Int, max: Int)
    case periodEndBeforeStart
    case unknownChoice
    case alreadyMember
    case alreadyInvited
    case sameEmail
    case lastProjectleider
    case slugTaken
    case notATime
    case endBeforeStart
    case notYearGroups
    case notAWholeNumber
    case numberOutOfRange(min: Int, max: Int)
    case moreThanPresent(present: Int)
    case notAFile
    case dateInFuture
    case staffNotOfPartner
    case requiredForCounts
    case sessionExists
    /// An indicator's signal value lies on the wrong side of its norm.
    case signalOnWrongSide(higherIsBetter: Bool)
    case percentageOutOfRange
    /// A date more than this many years after another one (a series of meetings).
    case tooFarAhead(years: Int)
    case notAPhoneNumber
    /// A date that must lie after the given one (written out).
    case notAfter(String)
    /// A date more than a year from today.
    case moreThanAYearAhead
}

/// The problems of one form, in the order of its fields.
public struct FieldErrors: Equatable, Sendable {
    public private(set) var items: [(field: String, issue: FieldIssue)] = []

    public init() {}

    public var isEmpty: Bool { items.isEmpty }

    public mutating func add(_ field: some FieldName, _ issue: FieldIssue) {
        // One message per field is enough: the first problem is the one to fix.
        guard self[field] == nil else { return }
        items.append((field.fieldName, issue))
    }

    public subscript(field: some FieldName) -> FieldIssue? {
        items.first { $0.field == field.fieldName }?.issue
    }

    public static func == (lhs: FieldErrors, rhs: FieldErrors) -> Bool {
        lhs.items.map(\.field) == rhs.items.map(\.field) && lhs.items.map(\.issue) == rhs.items.map(\.issue)
    }
}

/// Thrown by Domain services when input does not pass validation.
public struct ValidationFailure: Error, Sendable {
    public let errors: FieldErrors
    public init(_ errors: FieldErrors) { self.errors = errors }
}
