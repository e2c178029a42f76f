import Foundation

extension CSVWriter {
    /// Writes a row for each element of the array `member` of the JSON
    /// object `json`, the row ``write(_:)`` writes for the `Row` decoded
    /// from it, but read straight from the JSON: a string's text, a number
    /// or boolean as it is spelled, null or an absent field as an empty
    /// cell, a nested object's fields by their dotted names, an array as
    /// its JSON text. `claims --csv` streams a million claims so, where
    /// decoding each and encoding it again took most of its time.
    ///
    /// The columns are those of the first row written, which is decoded
    /// as a `Row` to learn them (a field `Row` leaves nil is a column all
    /// the same); a key that is not among them is left out.
    ///
    /// - Throws: `JSONScanner.Malformed` when `json` is not such an object;
    ///   what decoding the first row as a `Row` throws.
    public mutating func write<Row: Codable>(rowsOf member: StaticString, in json: Data, as type: Row.Type) throws {
        try json.withUnsafeBytes { bytes in
            var scanner = JSONScanner(bytes)
            try scanner.readObject { scanner, key in
                guard key.equals(member) else { try scanner.skipValue(); return }
                try scanner.readArray { scanner in
                    if jsonColumns == nil {
                        let element = try scanner.skipValue()
                        try write(TimelineJSON.decoder().decode(Row.self, from: Data(bytes[element])))
                        jsonColumns = JSONColumns(columns ?? [])
                    } else {
                        try writeRow(&scanner)
                    }
                }
            }
        }
    }

    private mutating func writeRow(_ scanner: inout JSONScanner) throws {
        var columns = jsonColumns!
        jsonColumns = nil  // one owner of its buffers while they change
        defer { jsonColumns = columns }
        columns.startRow()
        try columns.read(&scanner, level: 0)
        for column in columns.cells.indices {
            if column > 0 { bytes.append(UInt8(ascii: ",")) }
            guard let cell = columns.cells[column] else { continue }
            columns.text.withUnsafeBytes { append(UnsafeRawBufferPointer(rebasing: $0[cell])) }
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }
}

/// A CSV writer's columns as a tree of the JSON keys they name
/// (`interval.lower` is `lower` under `interval`), and the cells of the row
/// being read.
struct JSONColumns: Sendable {
    /// The keys of one object, sorted as the JSON's are, with the column
    /// each names or the level of its fields.
    struct Level: Sendable {
        var names: [[UInt8]] = []
        var targets: [Target] = []
        /// Where the last key was found: the next is most likely just after.
        var cursor = 0
    }

    enum Target: Sendable {
        case column(Int)
        case level(Int)
    }

    var levels = [Level()]
    /// Each column's cell in the row being read: its bytes in `text`.
    var cells: [Range<Int>?]
    var text: [UInt8] = []

    init(_ columns: [String]) {
        cells = Array(repeating: nil, count: columns.count)
        for (column, name) in columns.enumerated() {
            let path = name.split(separator: ".", omittingEmptySubsequences: false)
            var level = 0
            for (depth, component) in path.enumerated() {
                let key = Array(component.utf8)
                let last = depth == path.count - 1
                if let found = levels[level].names.firstIndex(of: key) {
                    guard !last, case .level(let next) = levels[level].targets[found] else { break }
                    level = next
                } else if last {
                    levels[level].names.append(key)
                    levels[level].targets.append(.column(column))
                } else {
                    levels.append(Level())
                    levels[level].names.append(key)
                    levels[level].targets.append(.level(levels.count - 1))
                    level = levels.count - 1
                }
            }
        }
    }

    mutating func startRow() {
        for i in cells.indices { cells[i] = nil }
        text.removeAll(keepingCapacity: true)
    }

    /// Reads the object that comes next into the cells, its keys found at
    /// `level`.
    mutating func read(_ scanner: inout JSONScanner, level: Int) throws {
        try scanner.readObject { scanner, key in
            switch find(key, at: level) {
            case nil:
                try scanner.skipValue()
            case .level(let next)?:
                if try scanner.nextByte() == UInt8(ascii: "{") {
                    try read(&scanner, level: next)
                } else {
                    try scanner.skipValue()
                }
            case .column(let column)?:
                cells[column] = try cell(&scanner)
            }
        }
    }

    /// The value that comes next as a cell's text, appended to `text`.
    private mutating func cell(_ scanner: inout JSONScanner) throws -> Range<Int>? {
        let start = text.count
        switch try scanner.nextByte() {
        case UInt8(ascii: "\""):
            if let plain = try scanner.readPlainString() {
                text.append(contentsOf: plain)
            } else {
                text.append(contentsOf: try scanner.readString().utf8)
            }
        case UInt8(ascii: "n"):
            _ = try scanner.readNull()
            return nil
        case UInt8(ascii: "{"):
            // An object where the first row had none: no column holds its fields.
            try scanner.skipValue()
            return nil
        default:
            // A number, a boolean, or an array as its JSON text.
            let span = try scanner.skipValue()
            scanner.withBytes { text.append(contentsOf: $0[span]) }
        }
        return start..<text.count
    }

    private mutating func find(_ key: UnsafeRawBufferPointer, at level: Int) -> Target? {
        let names = levels[level].names
        let start = levels[level].cursor
        for step in 0..<names.count {
            let i = (start + step) % names.count
            let found = names[i].count == key.count
                && names[i].withUnsafeBytes { memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }
            if found {
                levels[level].cursor = i + 1
                return levels[level].targets[i]
            }
        }
        return nil
    }
}
