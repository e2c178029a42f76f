/// A snapshot as ``SnapshotStore`` loads it: opaque bytes (the projections'
/// state) covering the log up to ``seq``.
public struct Snapshot: Sendable, Hashable {
    /// The last seq the snapshot covers; replay continues after it.
    public let seq: UInt64
    /// The chain head after ``seq`` when the snapshot was taken.
    public let chainHead: ChainHash
    /// Where record ``seq`` was in the log when the snapshot was taken, if
    /// the writer said (format 1 files do not).
    public let location: EventLog.RecordLocation?
    /// The writer's version string (the projection code's version); a
    /// snapshot is used only by the same version.
    public let version: String
    /// The snapshot's bytes, as given to ``SnapshotStore/write(_:seq:chainHead:version:)``.
    public let body: Body
    /// The file it was read from.
    public let fileName: String

    /// Makes a snapshot value.
    /// - Parameters:
    ///   - seq: the last seq covered.
    ///   - chainHead: the chain head after it.
    ///   - location: where record `seq` is in the log, if known.
    ///   - version: the writer's version string.
    ///   - body: the bytes.
    ///   - fileName: the file's name.
    public init(
        seq: UInt64, chainHead: ChainHash, location: EventLog.RecordLocation? = nil, version: String, body: [UInt8],
        fileName: String
    ) {
        self.init(seq: seq, chainHead: chainHead, location: location, version: version, body: Body(body), fileName: fileName)
    }

    init(seq: UInt64, chainHead: ChainHash, location: EventLog.RecordLocation?, version: String, body: Body, fileName: String) {
        self.seq = seq
        self.chainHead = chainHead
        self.location = location
        self.version = version
        self.body = body
        self.fileName = fileName
    }

    /// A snapshot's bytes: read in place from the mapped file, or held in
    /// an array. Equal when the bytes are.
    public struct Body: Sendable, Hashable {
        private enum Storage: Sendable {
            case array([UInt8])
            case mapped(MappedFile, Range<Int>)
        }

        private let storage: Storage

        /// Bytes held in an array.
        public init(_ bytes: [UInt8]) {
            storage = .array(bytes)
        }

        init(_ file: MappedFile, _ range: Range<Int>) {
            storage = .mapped(file, range)
        }

        /// The number of bytes.
        public var count: Int {
            switch storage {
            case .array(let bytes): bytes.count
            case .mapped(_, let range): range.count
            }
        }

        /// Calls `body` with the bytes, which are valid only during the call.
        public func withUnsafeBytes<Result, Failure: Error>(
            _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
        ) throws(Failure) -> Result {
            switch storage {
            case .array(let bytes):
                let result: Swift.Result<Result, Failure> = bytes.withUnsafeBytes { raw in
                    do throws(Failure) { return .success(try body(raw)) } catch { return .failure(error) }
                }
                return try result.get()
            case .mapped(let file, let range):
                return try withExtendedLifetime(file) { () throws(Failure) -> Result in
                    try body(UnsafeRawBufferPointer(rebasing: file.bytes[range]))
                }
            }
        }

        /// The bytes, copied into an array.
        public var bytes: [UInt8] {
            withUnsafeBytes { Array($0) }
        }

        public static func == (a: Body, b: Body) -> Bool {
            a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.elementsEqual(y) } }
        }

        public func hash(into hasher: inout Hasher) {
            withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
}
