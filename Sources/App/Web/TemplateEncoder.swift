import Foundation
import Mustache

/// Turns an `Encodable` view model into what the templates read: `TemplateModel.Fields` for
/// a struct, `[Any]` for an array, the value itself for a string, number or flag. The
/// compiler writes `encode(to:)` for each view model, so this walks the model without
/// Mirror, which looks up every field's type by its mangled name on each visit (20% of a
/// bouwblad page in perf). Same rules as Mirror: stored properties only, and a nil field
/// is absent (synthesised `encode(to:)` skips it), so a lookup goes on to the enclosing object.
enum TemplateEncoder {
    static func encode(_ value: any Encodable) -> Any {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let number as Int: return number
        default:
            let encoder = Node()
            do { try value.encode(to: encoder) } catch { return TemplateModel.mirrored(value) }
            return encoder.resolved()
        }
    }

    /// One value under construction. Containers write into it; `resolved()` turns the tree
    /// of nodes into plain values once encoding is done (nested containers may still be
    /// filled after they were handed out).
    fileprivate final class Node: Encoder {
        enum Content { case empty, value(Any), keyed([String: Any]), unkeyed([Any]) }
        var content = Content.empty
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] = [:]

        func resolved() -> Any {
            switch content {
            case .empty: return TemplateModel.Fields(fields: [:])
            case .value(let value): return Self.resolve(value)
            case .keyed(let fields): return TemplateModel.Fields(fields: fields.mapValues(Self.resolve))
            case .unkeyed(let items): return items.map(Self.resolve)
            }
        }

        private static func resolve(_ value: Any) -> Any {
            (value as? Node)?.resolved() ?? value
        }

        func set(_ key: String, _ value: Any) {
            if case .keyed(var fields) = content {
                content = .empty  // keep the dictionary uniquely referenced while it changes
                fields[key] = value
                content = .keyed(fields)
            } else {
                content = .keyed([key: value])
            }
        }

        func append(_ value: Any) {
            if case .unkeyed(var items) = content {
                content = .empty
                items.append(value)
                content = .unkeyed(items)
            } else {
                content = .unkeyed([value])
            }
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .keyed = content {} else { content = .keyed([:]) }
            return KeyedEncodingContainer(Keyed<Key>(node: self))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .unkeyed = content {} else { content = .unkeyed([]) }
            return Unkeyed(node: self)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: self) }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) {}
        // The protocol names each primitive type; all of them store the value as it is.
        mutating func encode(_ value: Bool, forKey key: Key) { node.set(key.stringValue, value) }
        mutating func encode(_ value: String, forKey key: Key) { node.set(key.stringValue, value) }
        mutating func encode(_ value: Double, forKey key: Key) { node.set(key.stringValue, value) }
        mutating func encode(_ value: Float, forKey key: Key) { node.set(key.stringValue, value) }
        mutating func encode(_ value: Int, forKey key: Key) { node.set(key.stringValue, value) }
        mutating func encode(_ value: Int8, forKey key: Key) { node.set(key.stringValue, value) }
        mutating func encode(_ value: Int16, forKey key: Key) { node.set(key.stringValue, value) }
        mutating func encode(_ value: Int32, forKey key: Key) { node.set(key.stringValue, value) }
        mutating func encode(_ value: Int64, forKey key: Key) { node.set(key.stringValue, value) }
        mutating func encode(_ value: UInt, forKey key: Key) { node.set(key.stringValue, value) }
        mutating func encode(_ value: UInt8, forKey key: Key) { node.set(key.stringValue, value) }
        mutating func encode(_ value: UInt16, forKey key: Key) { node.set(key.stringValue, value) }
        mutating func encode(_ value: UInt32, forKey key: Key) { node.set(key.stringValue, value) }
        mutating func encode(_ value: UInt64, forKey key: Key) { node.set(key.stringValue, value) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { node.set(key.stringValue, TemplateEncoder.encode(value)) }
        mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
            let child = Node()
            node.set(key.stringValue, child)
            return child.container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = Node()
            node.set(key.stringValue, child)
            return child.unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }
        private func superEncoder(named name: String) -> any Encoder {
            let child = Node()
            node.set(name, child)
            return child
        }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] { [] }
        var count: Int {
            if case .unkeyed(let items) = node.content { return items.count }
            return 0
        }

        mutating func encodeNil() {}
        mutating func encode(_ value: Bool) { node.append(value) }
        mutating func encode(_ value: String) { node.append(value) }
        mutating func encode(_ value: Double) { node.append(value) }
        mutating func encode(_ value: Float) { node.append(value) }
        mutating func encode(_ value: Int) { node.append(value) }
        mutating func encode(_ value: Int8) { node.append(value) }
        mutating func encode(_ value: Int16) { node.append(value) }
        mutating func encode(_ value: Int32) { node.append(value) }
        mutating func encode(_ value: Int64) { node.append(value) }
        mutating func encode(_ value: UInt) { node.append(value) }
        mutating func encode(_ value: UInt8) { node.append(value) }
        mutating func encode(_ value: UInt16) { node.append(value) }
        mutating func encode(_ value: UInt32) { node.append(value) }
        mutating func encode(_ value: UInt64) { node.append(value) }
        mutating func encode<T: Encodable>(_ value: T) { node.append(TemplateEncoder.encode(value)) }
        mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type) -> KeyedEncodingContainer<N> {
            let child = Node()
            node.append(child)
            return child.container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = Node()
            node.append(child)
            return child.unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder {
            let child = Node()
            node.append(child)
            return child
        }
    }

    private struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() {}
        mutating func encode(_ value: Bool) { node.content = .value(value) }
        mutating func encode(_ value: String) { node.content = .value(value) }
        mutating func encode(_ value: Double) { node.content = .value(value) }
        mutating func encode(_ value: Float) { node.content = .value(value) }
        mutating func encode(_ value: Int) { node.content = .value(value) }
        mutating func encode(_ value: Int8) { node.content = .value(value) }
        mutating func encode(_ value: Int16) { node.content = .value(value) }
        mutating func encode(_ value: Int32) { node.content = .value(value) }
        mutating func encode(_ value: Int64) { node.content = .value(value) }
        mutating func encode(_ value: UInt) { node.content = .value(value) }
        mutating func encode(_ value: UInt8) { node.content = .value(value) }
        mutating func encode(_ value: UInt16) { node.content = .value(value) }
        mutating func encode(_ value: UInt32) { node.content = .value(value) }
        mutating func encode(_ value: UInt64) { node.content = .value(value) }
        mutating func encode<T: Encodable>(_ value: T) { node.content = .value(TemplateEncoder.encode(value)) }
    }
}
