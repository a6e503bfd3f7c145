/// The subsidy period of a coalition in whole years, e.g. 2025–2028.
public struct Period: Equatable, Sendable {
    public let startYear: Int
    public let endYear: Int

    public static let earliest = 2020
    public static let latest = 2100

    public init(startYear: Int, endYear: Int) {
        self.startYear = startYear
        self.endYear = endYear
    }

    public var label: String { "\(startYear)–\(endYear)" }

    /// The ministry's subsidy periods so far (domain: 2023–2025, 2025–2028). Each runs in
    /// school years, from August of its first year to July of its last.
    public static let subsidyPeriods = [Period(startYear: 2023, endYear: 2025), Period(startYear: 2025, endYear: 2028)]

    /// The subsidy period a coalition starting on `today` most likely works in: the one whose
    /// school years hold today; after the last known one, three school years from this one.
    public static func subsidyPeriod(on today: IsoDate) -> Period {
        let schoolYear = today.month >= 8 ? today.year : today.year - 1
        if let known = subsidyPeriods.last(where: { $0.startYear <= schoolYear && schoolYear < $0.endYear }) { return known }
        if let first = subsidyPeriods.first, schoolYear < first.startYear { return first }
        return Period(startYear: schoolYear, endYear: schoolYear + 3)
    }

    public static func validate(start: String?, end: String?, into errors: inout FieldErrors) -> Period? {
        typealias F = CoalitionForm.CodingKeys
        let startYear = year(start, field: F.periodStart, into: &errors)
        let endYear = year(end, field: F.periodEnd, into: &errors)
        guard let startYear, let endYear else { return nil }
        guard endYear >= startYear else {
            errors.add(F.periodEnd, .periodEndBeforeStart)
            return nil
        }
        return Period(startYear: startYear, endYear: endYear)
    }

    private static func year(_ raw: String?, field: some FieldName, into errors: inout FieldErrors) -> Int? {
        let text = (raw ?? "").trimmingWhitespace()
        if text.isEmpty { errors.add(field, .required); return nil }
        guard text.count <= 4, let value = Int(text) else { errors.add(field, .notAYear); return nil }
        guard (earliest...latest).contains(value) else {
            errors.add(field, .yearOutOfRange(min: earliest, max: latest))
            return nil
        }
        return value
    }
}

/// The coalition form as posted (first use, and the beheerder's new coalition).
public struct CoalitionForm: Codable, Equatable, Sendable {
    public enum CodingKeys: String, CodingKey, FieldName { case coalitionName, periodStart, periodEnd }
    public var coalitionName, periodStart, periodEnd: String?

    public init(coalitionName: String? = nil, periodStart: String? = nil, periodEnd: String? = nil) {
        (self.coalitionName, self.periodStart, self.periodEnd) = (coalitionName, periodStart, periodEnd)
    }
}

/// A new coalition as typed on the first-use or admin form.
public struct CoalitionInput: Equatable, Sendable {
    public static let nameMax = 150

    public let name: String
    public let period: Period

    public init(name: String, period: Period) {
        self.name = name
        self.period = period
    }

    public static func validate(_ form: CoalitionForm) -> Result<CoalitionInput, ValidationFailure> {
        validate(name: form.coalitionName, periodStart: form.periodStart, periodEnd: form.periodEnd)
    }

    public static func validate(name: String?, periodStart: String?, periodEnd: String?) -> Result<CoalitionInput, ValidationFailure> {
        var errors = FieldErrors()
        let name = Text.line(name, field: CoalitionForm.CodingKeys.coalitionName, max: nameMax, into: &errors)
        let period = Period.validate(start: periodStart, end: periodEnd, into: &errors)
        guard let name, let period, errors.isEmpty else { return .failure(ValidationFailure(errors)) }
        return .success(CoalitionInput(name: name, period: period))
    }
}
