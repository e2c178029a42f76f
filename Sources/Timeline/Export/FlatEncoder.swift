import Foundation

/// Turns a value into the flat row a spreadsheet takes: every field its
/// JSON (``TimelineJSON``) has, one cell each, nested objects' fields
/// named with dots (`interval.lower`, `extractor.version`), an array as
/// its JSON text in one cell (`["a.txt","b.txt"]`), and a null or absent
/// optional as an empty cell. A field that JSON leaves out when it is nil
/// is a column all the same, so that every row of a type has the same
/// columns.
public enum FlatEncoder {
    /// The fields of `value`, by column name.
    /// - Throws: what the value's `encode(to:)` throws.
    public static func fields(of value: some Encodable) throws -> [String: String] {
        let storage = FlatStorage()
        try value.encode(to: FlatValueEncoder(storage: storage, codingPath: []))
        return storage.finished()
    }
}

/// A type whose fields are columns even where a row's value is nil: a
/// nil nested object would otherwise be one empty column, and the rows
/// that have one would name columns the first row lacked.
public protocol FlatShaped {
    /// Any value of the type: only its columns are used, every cell empty.
    static var blank: any Encodable { get }
}

/// What one value's encoding has written so far.
private final class FlatStorage {
    var cells: [String: String] = [:]
    /// Arrays, written as JSON text once their elements are all in.
    var arrays: [(column: String, elements: ArrayElements)] = []

    final class ArrayElements {
        var json: [String] = []
    }

    func finished() -> [String: String] {
        for (column, elements) in arrays { cells[column] = "[" + elements.json.joined(separator: ",") + "]" }
        return cells
    }

    static func column(_ path: [any CodingKey]) -> String {
        path.map(\.stringValue).joined(separator: ".")
    }
}

private struct FlatValueEncoder: Encoder {
    let storage: FlatStorage
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(FlatKeyedContainer<Key>(storage: storage, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let elements = FlatStorage.ArrayElements()
        storage.arrays.append((FlatStorage.column(codingPath), elements))
        return FlatArrayContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        FlatSingleContainer(storage: storage, codingPath: codingPath)
    }
}

/// Writes one cell: text as it is, numbers and booleans as JSON spells them.
private func cell(_ value: some Encodable) -> String? {
    switch value {
    case let text as String: return text
    case let flag as Bool: return flag ? "true" : "false"
    case let number as any BinaryInteger: return "\(number)"
    case let number as Double: return "\(number)"
    default: return nil
    }
}

private struct FlatKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: FlatStorage
    let codingPath: [any CodingKey]

    private func column(_ key: Key) -> String { FlatStorage.column(codingPath + [key]) }

    mutating func encodeNil(forKey key: Key) throws {
        storage.cells[column(key)] = ""
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let text = cell(value) {
            storage.cells[column(key)] = text
        } else {
            try value.encode(to: FlatValueEncoder(storage: storage, codingPath: codingPath + [key]))
        }
    }

    // An absent optional is an empty cell, not a missing column; an
    // absent object of a FlatShaped type is its columns, empty.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { return try encode(value, forKey: key) }
        guard let shaped = T.self as? any FlatShaped.Type else { return try encodeNil(forKey: key) }
        let shape = FlatStorage()
        try shaped.blank.encode(to: FlatValueEncoder(storage: shape, codingPath: codingPath + [key]))
        for column in shape.finished().keys { storage.cells[column] = "" }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(FlatKeyedContainer<NestedKey>(storage: storage, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        FlatValueEncoder(storage: storage, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { FlatValueEncoder(storage: storage, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        FlatValueEncoder(storage: storage, codingPath: codingPath + [key])
    }
}

private struct FlatSingleContainer: SingleValueEncodingContainer {
    let storage: FlatStorage
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        storage.cells[FlatStorage.column(codingPath)] = ""
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let text = cell(value) {
            storage.cells[FlatStorage.column(codingPath)] = text
        } else {
            try value.encode(to: FlatValueEncoder(storage: storage, codingPath: codingPath))
        }
    }
}

/// An array's elements, each as its compact JSON.
private struct FlatArrayContainer: UnkeyedEncodingContainer {
    let elements: FlatStorage.ArrayElements
    let codingPath: [any CodingKey]
    var count: Int { elements.json.count }

    mutating func encodeNil() throws { elements.json.append("null") }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let data = try TimelineJSON.encoder().encode(value)
        elements.json.append(String(decoding: data, as: UTF8.self))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("a flat row writes an array's elements as JSON; nest a value, not a container")
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("a flat row writes an array's elements as JSON; nest a value, not a container")
    }

    mutating func superEncoder() -> any Encoder {
        preconditionFailure("a flat row writes an array's elements as JSON; nest a value, not a container")
    }
}
