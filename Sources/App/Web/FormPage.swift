import Domain
import Vapor

/// A page with one form of plain fields, for the many small "add or change X" pages.
/// Items render in order; each is a text field, a select, radio buttons or checkboxes.
struct FormPage: Encodable {
    struct Check: Encodable { let id: String; let value: String; let label: String; let checked: Bool }
    struct CheckGroup: Encodable { let id: String; let name: String; let label: String; let hint: String?; let options: [Check]; let error: String? }
    struct Item: Encodable {
        var field: FormField? = nil
        var select: ChoiceField? = nil
        var radios: ChoiceField? = nil
        var checks: CheckGroup? = nil
        var heading: String? = nil
    }
    /// What is removed from this page: a button in a form of its own below the main form,
    /// or a link to a page that asks first (`isLink`).
    /// A small table above the form, such as a contact person's history.
    struct Table: Encodable {
        struct Row: Encodable { let cells: [String] }
        let title: String
        let columns: [String]
        let rows: [Row]
        /// A link below the table, to what changes its rows.
        var link: Link? = nil
    }
    struct Link: Encodable { let href: String; let label: String }
    struct Danger: Encodable {
        let action: String
        let label: String
        var isLink = false
    }

    let layout: Layout
    let back: String
    let backLabel: String
    let title: String
    let lead: String?
    let action: String
    let items: [Item]
    let submit: String
    let version: String?
    let hasErrors: Bool
    let errorSummary: [FormState.SummaryItem]
    let danger: Danger?
    let table: Table?

    init(layout: Layout, back: String, backLabel: String, title: String, lead: String? = nil, action: String,
         items: [Item], submit: String, version: Int? = nil, form: FormState, danger: Danger? = nil, table: Table? = nil) {
        self.danger = danger
        self.table = table
        self.layout = layout
        self.back = back
        self.backLabel = backLabel
        self.title = title
        self.lead = lead
        self.action = action
        self.items = items
        self.submit = submit
        self.version = version.map(String.init)
        self.hasErrors = !form.errors.isEmpty
        self.errorSummary = form.summary
    }
}

extension FormState {
    /// Checkboxes posted as `name[]`; `chosen` holds the ticked values.
    mutating func checks(_ key: some FieldName, _ label: String, noun: String, hint: String? = nil, options: [(value: String, label: String)], chosen: Set<String>) -> FormPage.CheckGroup {
        let name = key.fieldName
        let error = errors[name].map { Messages.choiceText(for: $0, noun: noun) }
        return FormPage.CheckGroup(
            id: "f-\(name)", name: name, label: label, hint: hint,
            options: options.map { FormPage.Check(id: "f-\(name)-\($0.value)", value: $0.value, label: $0.label, checked: chosen.contains($0.value)) },
            error: error)
    }

    /// A select whose first option is "none".
    mutating func select(_ name: some FieldName, _ label: String, noun: String, empty: String?, options: [(value: String, label: String)]) -> ChoiceField {
        let all = (empty.map { [(value: "", label: $0, hint: String?.none)] } ?? []) + options.map { (value: $0.value, label: $0.label, hint: String?.none) }
        return choice(name, label, noun: noun, options: all)
    }
}
