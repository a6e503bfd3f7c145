import Domain
import Foundation

/// One field of a form as the template needs it: label, typed value, error and the
/// ARIA links between them.
struct FormField: Encodable {
    let id: String
    let name: String
    let label: String
    let type: String
    let value: String
    let autocomplete: String?
    let hint: String?
    let error: String?
    let required: Bool
    // Stored, not computed: the template encoder sees what Encodable encodes.
    let hintID: String?
    let errorID: String?
    let describedBy: String?
    let isTextarea: Bool
    /// Day, month and year boxes (`type: "date"`), or a month and a year (`type: "month"`),
    /// each showing what is stored or exactly what was typed (`DateParts`).
    let isDate: Bool
    let isMonth: Bool
    let day, month, year: String
    let months: [ChoiceOption]

    init(
        id: String, name: String, label: String, type: String, value: String, autocomplete: String?,
        hint: String?, error: String?, required: Bool
    ) {
        self.id = id
        self.name = name
        self.label = label
        // A time is typed as text: a native time box shows "--:--" for "25:00" after a refused save.
        self.type = type == "time" ? "text" : type
        self.value = value
        isDate = type == "date"
        isMonth = type == "month"
        (day, month, year) = isDate || isMonth ? DateParts.parts(of: value, hasDay: isDate) : ("", "", "")
        let chosen = month
        months = isMonth ? [ChoiceOption(value: "", label: "Kies een maand", hint: nil, selected: chosen.isEmpty, id: "\(id)-maand-leeg")]
            + Month.names.enumerated().map { ChoiceOption(value: String($0 + 1), label: $1, hint: nil, selected: chosen == String($0 + 1), id: "\(id)-maand-\($0 + 1)") } : []
        self.autocomplete = autocomplete
        self.hint = hint
        self.error = error
        self.required = required
        self.isTextarea = type == "textarea"
        // A date field always has a hint: the example of how to fill it in.
        self.hintID = hint == nil && type != "date" && type != "month" ? nil : "\(id)-hint"
        self.errorID = error == nil ? nil : "\(id)-error"
        let ids = [hintID, errorID].compactMap { $0 }
        self.describedBy = ids.isEmpty ? nil : ids.joined(separator: " ")
    }
}

extension FormField {
    /// A date in a filter form (GET): the same day, month and year boxes as in every form.
    init(filter name: String, label: String, value: String) {
        self.init(id: "f-\(name)", name: name, label: label, type: "date", value: value, autocomplete: nil, hint: nil, error: nil, required: false)
    }
}

/// An option of a filter's select (a GET form above a list or result).
struct SelectOption: Encodable { let value: String; let label: String; let selected: Bool }

/// An option of a select or radio group.
struct ChoiceOption: Encodable {
    let value: String
    let label: String
    let hint: String?
    let selected: Bool
    let id: String
}

/// A choice (radio buttons or select) as the template needs it.
struct ChoiceField: Encodable {
    let id: String
    let name: String
    let label: String
    let options: [ChoiceOption]
    let error: String?
    let errorID: String?

    init(id: String, name: String, label: String, options: [ChoiceOption], error: String?) {
        self.id = id
        self.name = name
        self.label = label
        self.options = options
        self.error = error
        self.errorID = error == nil ? nil : "\(id)-error"
    }
}

extension FieldErrors {
    /// The same errors with field names under a prefix ("doel-new-<id>.text"), for pages
    /// with several small forms.
    func prefixed(_ prefix: String) -> FieldErrors {
        var out = FieldErrors()
        for item in items { out.add("\(prefix).\(item.field)", item.issue) }
        return out
    }
}

extension Dictionary where Key == String, Value == String {
    func prefixed(_ prefix: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: map { ("\(prefix).\($0.key)", $0.value) })
    }
}

/// The values and errors of a submitted form; builds the fields and the error summary.
struct FormState {
    struct SummaryItem: Encodable { let href: String; let message: String }

    var values: [String: String]
    var errors: FieldErrors
    /// Field name -> noun used in messages ("je e-mailadres").
    private var nouns: [String: String] = [:]
    /// Fields where one picks rather than types: their messages say "Kies …".
    private var choices: Set<String> = []

    init(values: [String: String] = [:], errors: FieldErrors = FieldErrors()) {
        self.values = values
        self.errors = errors
    }

    /// A typed form as it was posted, to show again what was typed.
    init(_ form: some Encodable, errors: FieldErrors = FieldErrors()) {
        let object = (try? JSONEncoder().encode(form)).flatMap { try? JSONSerialization.jsonObject(with: $0) } as? [String: Any]
        self.init(values: object?.compactMapValues { $0 as? String } ?? [:], errors: errors)
    }

    mutating func field(
        _ key: some FieldName, _ label: String, noun: String, type: String = "text", autocomplete: String? = nil,
        hint: String? = nil, required: Bool = true, keepValue: Bool = true
    ) -> FormField {
        let name = key.fieldName
        nouns[name] = noun
        return FormField(
            id: "f-\(name)", name: name, label: label, type: type,
            value: keepValue ? (values[name] ?? "") : "", autocomplete: autocomplete, hint: hint,
            error: message(name), required: required)
    }

    /// A field of one of several small forms on a page: its id and error key carry the
    /// prefix, its name does not (the form posts plain names).
    mutating func subField(
        _ prefix: String, _ field: some FieldName, _ label: String, noun: String, type: String = "text",
        hint: String? = nil, value: String
    ) -> FormField {
        let name = field.fieldName
        let key = "\(prefix).\(name)"
        nouns[key] = noun
        return FormField(
            id: "f-\(prefix)-\(name)", name: name, label: label, type: type, value: values[key] ?? value,
            autocomplete: nil, hint: hint, error: message(key), required: false)
    }

    mutating func subChoice(_ prefix: String, _ field: some FieldName, _ label: String, noun: String, value: String, options: [(value: String, label: String)]) -> ChoiceField {
        let name = field.fieldName
        let key = "\(prefix).\(name)"
        nouns[key] = noun
        choices.insert(key)
        let chosen = values[key] ?? value
        return ChoiceField(
            id: "f-\(prefix)-\(name)", name: name, label: label,
            options: options.map { ChoiceOption(value: $0.value, label: $0.label, hint: nil, selected: $0.value == chosen, id: "f-\(prefix)-\(name)-\($0.value)") },
            error: message(key))
    }

    func hasErrors(prefix: String) -> Bool {
        errors.items.contains { $0.field.hasPrefix(prefix + ".") }
    }

    mutating func choice(_ key: some FieldName, _ label: String, noun: String, options: [(value: String, label: String, hint: String?)]) -> ChoiceField {
        let name = key.fieldName
        nouns[name] = noun
        choices.insert(name)
        let chosen = values[name] ?? ""
        return ChoiceField(
            id: "f-\(name)", name: name, label: label,
            options: options.map { ChoiceOption(value: $0.value, label: $0.label, hint: $0.hint, selected: $0.value == chosen, id: "f-\(name)-\($0.value)") },
            error: message(name))
    }

    func message(_ name: String) -> String? {
        errors[name].map { text(for: $0, field: name) }
    }

    private func text(for issue: FieldIssue, field: String) -> String {
        let noun = nouns[field] ?? "dit veld"
        return choices.contains(field) ? Messages.choiceText(for: issue, noun: noun) : Messages.text(for: issue, noun: noun)
    }

    /// The links at the top of the page, in field order. Call after building the fields.
    var summary: [SummaryItem] {
        errors.items.map {
            SummaryItem(href: "#f-\($0.field.replacingOccurrences(of: ".", with: "-"))", message: text(for: $0.issue, field: $0.field))
        }
    }
}
