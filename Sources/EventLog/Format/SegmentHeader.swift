/// The 64 bytes at the start of every segment file.
///
/// ```
/// offset size
///      0    8  magic 89 45 56 4C 4F 47 0D 0A ("\x89EVLOG\r\n")
///      8    2  format version (1)
///     10    2  header length in bytes (64), CRC included
///     12    4  incompatible flags: a reader refuses a bit it does not know
///     16    4  compatible flags: a reader ignores a bit it does not know
///     20    8  the segment's first seq
///     28   32  the chain head carried in from the previous segment (zeros for the first)
///     60    4  CRC32C of bytes 0..<60
/// ```
public struct SegmentHeader: Sendable, Hashable {
    /// Features a reader must understand to read a segment correctly. Version 1
    /// defines none, so any bit set makes this code refuse the segment (the
    /// systemd journal's rule: a reader that guesses misreads data).
    public struct IncompatibleFlags: OptionSet, Sendable, Hashable {
        /// The bits as stored.
        public let rawValue: UInt32
        /// Wraps the flag bits.
        /// - Parameters:
        ///   - rawValue: the bits as stored.
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// The flags this code understands.
        public static let known: IncompatibleFlags = []
    }

    /// Features a reader may ignore (a writer may record, say, how it
    /// compressed nothing). Version 1 defines none and writes zero.
    public struct CompatibleFlags: OptionSet, Sendable, Hashable {
        /// The bits as stored.
        public let rawValue: UInt32
        /// Wraps the flag bits.
        /// - Parameters:
        ///   - rawValue: the bits as stored.
        public init(rawValue: UInt32) { self.rawValue = rawValue }
    }

    /// The format version the segment was written with.
    public var formatVersion: UInt16
    /// The header's length in bytes, its CRC included; records start here.
    public var headerLength: Int
    /// Features a reader must understand.
    public var incompatibleFlags: IncompatibleFlags
    /// Features a reader may ignore.
    public var compatibleFlags: CompatibleFlags
    /// The seq of the segment's first record (the one its file name shows).
    public var firstSeq: UInt64
    /// The chain head after the last record of the previous segment.
    public var chainHeadIn: ChainHash

    /// A version-1 header.
    /// - Parameters:
    ///   - firstSeq: the seq of the segment's first record.
    ///   - chainHeadIn: the chain head after the previous segment's last record.
    ///   - incompatibleFlags: features a reader must understand (none in version 1).
    ///   - compatibleFlags: features a reader may ignore.
    public init(
        firstSeq: UInt64, chainHeadIn: ChainHash,
        incompatibleFlags: IncompatibleFlags = [], compatibleFlags: CompatibleFlags = []
    ) {
        self.formatVersion = LogFormat.formatVersion
        self.headerLength = LogFormat.segmentHeaderLength
        self.incompatibleFlags = incompatibleFlags
        self.compatibleFlags = compatibleFlags
        self.firstSeq = firstSeq
        self.chainHeadIn = chainHeadIn
    }

    /// The header's bytes as a segment file starts with them, CRC included.
    public func encoded() -> [UInt8] {
        var bytes = LogFormat.segmentMagic
        bytes.appendLittleEndian(formatVersion)
        bytes.appendLittleEndian(UInt16(LogFormat.segmentHeaderLength))
        bytes.appendLittleEndian(incompatibleFlags.rawValue)
        bytes.appendLittleEndian(compatibleFlags.rawValue)
        bytes.appendLittleEndian(firstSeq)
        bytes.append(contentsOf: chainHeadIn.bytes)
        bytes.appendLittleEndian(CRC32C.checksum(bytes))
        return bytes
    }

    /// Reads and checks a header.
    /// - Parameters:
    ///   - bytes: the start of a segment file (at least the header; more is ignored).
    ///   - segment: the file's name, for the error's context.
    /// - Throws: ``EventLogError`` with ``EventLogError/Code/badHeader`` (short,
    ///   wrong magic or length, CRC mismatch), ``EventLogError/Code/unsupportedVersion``
    ///   or ``EventLogError/Code/unknownIncompatibleFlags``.
    public init(decoding bytes: UnsafeRawBufferPointer, segment: String) throws {
        func failure(_ code: EventLogError.Code, _ message: String) -> EventLogError {
            EventLogError(code, "segment \(segment): \(message)", segment: segment, offset: 0)
        }
        guard bytes.count >= 12, let base = bytes.baseAddress else {
            throw failure(.badHeader, "the file holds \(bytes.count) bytes, too few for a segment header")
        }
        guard bytes.prefix(8).elementsEqual(LogFormat.segmentMagic) else {
            throw failure(.badHeader, "the file does not start with the segment magic; it is not a log segment or its first bytes are damaged")
        }
        let version = base.loadLittleEndian(at: 8, as: UInt16.self)
        let length = Int(base.loadLittleEndian(at: 10, as: UInt16.self))
        // The version is checked before the checksum: a newer writer may lay
        // out its header differently, and "written by a newer version" is the
        // error a person can act on.
        guard version == LogFormat.formatVersion else {
            throw failure(.unsupportedVersion, "written with format version \(version); this build reads version \(LogFormat.formatVersion) — run a timelined that supports it")
        }
        guard length >= LogFormat.segmentHeaderLength else {
            throw failure(.badHeader, "header length \(length) is below the \(LogFormat.segmentHeaderLength) bytes of version 1")
        }
        guard bytes.count >= length else {
            throw failure(.badHeader, "the file holds \(bytes.count) bytes, fewer than its \(length)-byte header")
        }
        let stored = base.loadLittleEndian(at: length - 4, as: UInt32.self)
        let computed = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<(length - 4)]))
        guard stored == computed else {
            throw failure(.badHeader, "header checksum mismatch (stored \(hex32(stored)), computed \(hex32(computed))); the header is damaged")
        }
        let incompatible = IncompatibleFlags(rawValue: base.loadLittleEndian(at: 12, as: UInt32.self))
        let unknown = incompatible.subtracting(.known)
        guard unknown.isEmpty else {
            throw failure(.unknownIncompatibleFlags, "sets incompatible feature flags \(hex32(unknown.rawValue)) that this build does not understand; reading it could misread records — run a timelined that supports them")
        }
        self.formatVersion = version
        self.headerLength = length
        self.incompatibleFlags = incompatible
        self.compatibleFlags = CompatibleFlags(rawValue: base.loadLittleEndian(at: 16, as: UInt32.self))
        self.firstSeq = base.loadLittleEndian(at: 20, as: UInt64.self)
        self.chainHeadIn = ChainHash(bytes: UnsafeRawBufferPointer(rebasing: bytes[28..<60]))
    }
}
