import EventLog

/// The long strings that do not repeat (claims' quotes), kept end to end in
/// large byte chunks rather than each in an allocation of its own.
///
/// A claim holds a ``TextRef``; its quote becomes a `String` only when the
/// claim is read. Chunks fill and are never changed after, so a copy of
/// the arena (for a snapshot) shares them all, and the next append copies
/// at most the one chunk being filled.
struct TextArena: Sendable {
    /// 1 MiB to a chunk: a few hundred for a million quotes.
    static let chunkSize = 1 << 20

    /// The chunks a snapshot held, read in place from its body (mapped
    /// from its file): a start copies none of their bytes.
    private var loaded: [(body: Snapshot.Body, range: Range<Int>)] = []
    /// The chunks filled since, numbered after the loaded ones.
    private var owned: [[UInt8]] = []

    init() {}

    /// An arena of the chunks at `ranges` of a snapshot's body.
    init(loading ranges: [Range<Int>], of body: Snapshot.Body) {
        loaded = ranges.map { (body, $0) }
    }

    /// The number of chunks.
    var chunkCount: Int { loaded.count + owned.count }

    /// Calls `body` with the bytes of chunk `index`.
    func withChunk<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        if index < loaded.count {
            let (snapshot, range) = loaded[index]
            return snapshot.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[range])) }
        }
        return owned[index - loaded.count].withUnsafeBytes(body)
    }

    private func chunkLength(_ index: Int) -> Int {
        index < loaded.count ? loaded[index].range.count : owned[index - loaded.count].count
    }

    /// Stores `text`; a text longer than a chunk gets a chunk of its own.
    mutating func append(_ text: String) -> TextRef {
        var text = text
        return text.withUTF8 { append(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// Stores the text whose UTF-8 is `utf8`.
    mutating func append(utf8: UnsafeRawBufferPointer) -> TextRef {
        if let last = owned.last, last.count + utf8.count <= max(Self.chunkSize, last.capacity) {
            // Fits in the chunk being filled.
        } else {
            var chunk: [UInt8] = []
            chunk.reserveCapacity(max(Self.chunkSize, utf8.count))
            owned.append(chunk)
        }
        let offset = owned[owned.count - 1].count
        owned[owned.count - 1].append(contentsOf: utf8)
        return TextRef(chunk: UInt32(chunkCount - 1), offset: UInt32(offset), length: UInt32(utf8.count))
    }

    /// The text at `ref`, which must come from this arena (or be checked
    /// with ``contains(_:)``).
    subscript(ref: TextRef) -> String {
        withChunk(Int(ref.chunk)) { chunk in
            String(decoding: UnsafeRawBufferPointer(rebasing: chunk[Int(ref.offset)..<(Int(ref.offset) + Int(ref.length))]), as: UTF8.self)
        }
    }

    /// Whether `ref` lies within this arena's bytes.
    func contains(_ ref: TextRef) -> Bool {
        Int(ref.chunk) < chunkCount && UInt64(ref.offset) + UInt64(ref.length) <= UInt64(chunkLength(Int(ref.chunk)))
    }
}

/// Where a text is in a ``TextArena``.
struct TextRef: Sendable, Equatable {
    var chunk: UInt32
    var offset: UInt32
    var length: UInt32
}
