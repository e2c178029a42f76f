/// An array kept in chunks of a fixed size, so that copies share them.
///
/// The projections are values: the daemon copies them to write a snapshot
/// while the ingest loop keeps applying events. With a plain array, the
/// first append after such a copy would copy every record (hundreds of MB
/// for a million events) while queries wait. Here a copy shares the
/// chunks, and the next change copies only the list of chunks and the one
/// chunk it touches. Growing never moves the records already stored either,
/// which also spares replay the copies of a doubling array.
public struct ChunkedArray<Element>: RandomAccessCollection {
    /// 4,096 records to a chunk: a few hundred chunks for a million records,
    /// and about 2 MB copied when a shared chunk is changed.
    static var chunkShift: Int { 12 }
    static var chunkSize: Int { 1 << chunkShift }
    static var chunkMask: Int { chunkSize - 1 }

    private var chunks: [[Element]] = []
    /// The number of elements.
    public private(set) var count = 0

    /// An empty array.
    public init() {}

    /// The elements of a sequence, in order.
    /// - Parameters:
    ///   - elements: the elements.
    public init(_ elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }

    /// Always 0.
    public var startIndex: Int { 0 }
    /// The number of elements.
    public var endIndex: Int { count }

    /// The element at `position`, which must be below ``count``.
    public internal(set) subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "ChunkedArray index out of range")
            return chunks[position >> Self.chunkShift][position & Self.chunkMask]
        }
        set {
            precondition(position >= 0 && position < count, "ChunkedArray index out of range")
            chunks[position >> Self.chunkShift][position & Self.chunkMask] = newValue
        }
    }

    /// Adds an element at the end.
    mutating func append(_ element: consuming Element) {
        if count & Self.chunkMask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    /// Changes the element at `position` in place, with no copy of it.
    mutating func update<Result>(at position: Int, _ change: (inout Element) -> Result) -> Result {
        precondition(position >= 0 && position < count, "ChunkedArray index out of range")
        return change(&chunks[position >> Self.chunkShift][position & Self.chunkMask])
    }

    /// Makes room for `capacity` elements in all, so that loading a known
    /// number of records does not grow the list of chunks step by step.
    mutating func reserveCapacity(_ capacity: Int) {
        chunks.reserveCapacity((capacity + Self.chunkMask) >> Self.chunkShift)
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}

extension ChunkedArray: Equatable where Element: Equatable {
    /// Whether both hold equal elements in the same order.
    public static func == (a: ChunkedArray, b: ChunkedArray) -> Bool {
        a.count == b.count && a.chunks == b.chunks
    }
}
