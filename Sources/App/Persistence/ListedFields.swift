import FluentKit

/// FluentKit's default `properties` finds a model's fields with Mirror, for every row it
/// reads and every save (a quarter of the acties page in perf: Mirror resolves each field's
/// type by its mangled name). Each record therefore lists its fields by hand through
/// `listed(_:)`. In debug builds, so in every test run, the list is compared with Mirror on
/// each use: a field added to a record but not to its list stops the tests instead of
/// silently not being saved.
extension Fields {
    func listed(_ properties: [any AnyProperty]) -> [any AnyProperty] {
        assert(Self.listsEveryField(self, properties), "\(Self.self).properties must list every Fluent field, in declaration order")
        return properties
    }

    /// The listed properties are exactly the property wrappers Mirror finds, in the same order.
    static func listsEveryField(_ model: Self, _ properties: [any AnyProperty]) -> Bool {
        let mirrored = Mirror(reflecting: model).children.compactMap { $0.value as? any AnyProperty }
        return mirrored.count == properties.count && zip(mirrored, properties).allSatisfy { $0 === $1 }
    }
}
