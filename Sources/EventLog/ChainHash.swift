import Crypto

/// A SHA-256 value of the log's hash chain: the chain head after a record is
/// the SHA-256 of that record's payload, and each record's payload carries the
/// chain head before it, so changing any record changes every head after it.
///
/// Stored as four words rather than an array so that passing one around never
/// allocates (the writer computes one per record).
public struct ChainHash: Sendable, Hashable, CustomStringConvertible {
    private var word0: UInt64
    private var word1: UInt64
    private var word2: UInt64
    private var word3: UInt64

    /// The size of a chain hash in bytes.
    public static let byteCount = 32

    /// The chain head before the first record: 32 zero bytes.
    public static let zero = ChainHash(word0: 0, word1: 0, word2: 0, word3: 0)

    private init(word0: UInt64, word1: UInt64, word2: UInt64, word3: UInt64) {
        self.word0 = word0
        self.word1 = word1
        self.word2 = word2
        self.word3 = word3
    }

    /// Reads a chain hash from its 32 bytes, in the order SHA-256 produces them.
    /// - Parameters:
    ///   - bytes: at least 32 bytes; only the first 32 are read.
    /// - Important: the caller checks the length; fewer than 32 bytes is a programming error.
    public init(bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count >= Self.byteCount, "a chain hash needs 32 bytes")
        let base = bytes.baseAddress!
        word0 = base.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        word1 = base.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        word2 = base.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
        word3 = base.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
    }

    /// Reads a chain hash from 32 bytes.
    /// - Parameters:
    ///   - bytes: exactly 32 bytes.
    /// - Returns: `nil` when `bytes` is not 32 bytes long.
    public init?(_ bytes: [UInt8]) {
        guard bytes.count == Self.byteCount else { return nil }
        self = bytes.withUnsafeBytes { ChainHash(bytes: $0) }
    }

    /// Parses 64 hexadecimal digits (either case), as ``hex`` prints them.
    /// - Parameters:
    ///   - hex: the digits.
    /// - Returns: `nil` when `hex` is not 64 hexadecimal digits.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 2 * Self.byteCount else { return nil }
        var bytes = [UInt8](repeating: 0, count: Self.byteCount)
        for index in 0..<Self.byteCount {
            guard let high = Self.nibble(digits[2 * index]), let low = Self.nibble(digits[2 * index + 1]) else {
                return nil
            }
            bytes[index] = high << 4 | low
        }
        self.init(bytes)
    }

    /// The SHA-256 of some bytes.
    /// - Parameters:
    ///   - bytes: the bytes to hash (for the chain: a record's whole payload).
    /// - Returns: their digest.
    public static func sha256(of bytes: UnsafeRawBufferPointer) -> ChainHash {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        return hasher.finalize().withUnsafeBytes { ChainHash(bytes: $0) }
    }

    /// The 32 bytes, in the order SHA-256 produces them.
    public var bytes: [UInt8] {
        var result = [UInt8](repeating: 0, count: Self.byteCount)
        result.withUnsafeMutableBytes { store(into: $0.baseAddress!) }
        return result
    }

    /// The 64 lower-case hexadecimal digits of ``bytes``, as `sha256sum` prints a digest.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(2 * Self.byteCount)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The same as ``hex``.
    public var description: String { hex }

    /// Writes the 32 bytes at `destination`, which must have room for them.
    func store(into destination: UnsafeMutableRawPointer) {
        destination.storeBytes(of: word0, toByteOffset: 0, as: UInt64.self)
        destination.storeBytes(of: word1, toByteOffset: 8, as: UInt64.self)
        destination.storeBytes(of: word2, toByteOffset: 16, as: UInt64.self)
        destination.storeBytes(of: word3, toByteOffset: 24, as: UInt64.self)
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
