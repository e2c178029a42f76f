/// Each distinct string the projections hold, kept once and named by a
/// number: names, hashes, the vocabulary, speakers, extractor versions.
///
/// A record then holds numbers rather than strings, so that it is a plain
/// value with nothing to count references of: records copy as bytes, a
/// snapshot writes and loads them as fixed-width fields, and a million
/// claims share the few hundred speakers and sides they name.
///
/// - Important: ids are stable: a string keeps its id for the life of the
///   pool and of every copy and snapshot of it. Id 0 means "none" (a
///   missing optional) and names no string; the empty string has an id of
///   its own.
struct StringPool: Sendable {
    /// The strings by id; index 0 holds the "none" placeholder.
    private(set) var strings: ChunkedArray<String>
    private var ids = StringTable()

    /// The id that stands for no string.
    static let none: UInt32 = 0

    init() {
        strings = ChunkedArray()
        strings.append("")
    }

    /// A pool holding `strings` (the placeholder first), as a snapshot wrote
    /// them, with their ``lookupTable(_:)``.
    init(strings: ChunkedArray<String>, lookup: StringTable) {
        self.strings = strings
        ids = lookup
    }

    /// The id of each of `strings` (the placeholder first) but the
    /// placeholder; nil when two of them are the same string.
    static func lookupTable(_ strings: ChunkedArray<String>) -> StringTable? {
        var ids = StringTable()
        ids.reserveCapacity(strings.count)
        for id in 1..<strings.count {
            guard ids.id(of: strings[id], in: strings) == nil else { return nil }
            ids.insert(strings[id], id: UInt32(id))
        }
        return ids
    }

    /// The number of ids handed out, the placeholder included.
    var count: Int { strings.count }

    /// The id of `string`, added if new.
    mutating func id(_ string: String) -> UInt32 {
        if let id = ids.id(of: string, in: strings) { return id }
        let id = UInt32(strings.count)
        strings.append(string)
        ids.insert(string, id: id)
        return id
    }

    /// The id of the string whose UTF-8 is `utf8`, added if new: a string
    /// read in place, made a `String` only when the pool does not hold it
    /// as ASCII already.
    mutating func id(utf8: UnsafeRawBufferPointer) -> UInt32 {
        if let id = ids.id(ofUTF8: utf8, in: strings) { return id }
        return id(String(decoding: utf8, as: UTF8.self))
    }

    /// The id of `string`, or ``none`` for nil.
    mutating func id(_ string: String?) -> UInt32 {
        guard let string else { return Self.none }
        return id(string)
    }

    /// The id `string` has, without adding it: for a query, which must
    /// not grow the pool.
    func existingID(_ string: String) -> UInt32? {
        ids.id(of: string, in: strings)
    }

    /// The string with this id.
    subscript(id: UInt32) -> String {
        strings[Int(id)]
    }

    /// The string with this id, or nil for ``none``.
    subscript(optional id: UInt32) -> String? {
        id == Self.none ? nil : strings[Int(id)]
    }

    /// Whether `id` names a string of this pool (``none`` does not).
    func contains(_ id: UInt32) -> Bool {
        id != Self.none && Int(id) < strings.count
    }

    /// Whether `id` is ``none`` or names a string of this pool.
    func containsOrNone(_ id: UInt32) -> Bool {
        Int(id) < strings.count
    }
}
