/// Writes rows as CSV (RFC 4180): a header row, then one row per value,
/// fields separated by commas, lines ended by CRLF, a field holding a
/// comma, a quote, a line break or a leading or trailing space quoted with
/// its quotes doubled. UTF-8, without a byte-order mark.
///
/// The columns are those of the first row (``FlatEncoder``), in byte order
/// of their names, as the JSON's sorted keys; a later row's field that is
/// not among them is left out, and one it lacks is empty.
public struct CSVWriter: Sendable {
    /// What has been written and not yet taken with ``take()``.
    public internal(set) var bytes: [UInt8] = []
    public private(set) var columns: [String]?
    /// The columns as a tree of JSON keys, for rows written from JSON
    /// (``write(rowsOf:in:as:)``).
    var jsonColumns: JSONColumns?

    public init() {}

    /// Writes `value` as a row, and the header first when it is the first.
    /// - Throws: what the value's encoding throws.
    public mutating func write(_ value: some Encodable) throws {
        let fields = try FlatEncoder.fields(of: value)
        if columns == nil {
            let names = fields.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            columns = names
            line(names)
        }
        line(columns!.map { fields[$0] ?? "" })
    }

    /// The bytes written so far, which are then forgotten.
    public mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    mutating func line(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            append(field)
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    private mutating func append(_ field: String) {
        var field = field
        field.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// A field from its UTF-8 bytes, quoted when it must be.
    mutating func append(_ utf8: UnsafeRawBufferPointer) {
        let quoted = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ")
        guard quoted else { return bytes.append(contentsOf: utf8) }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
