/// Where each claim is in the projections' list, by claim id.
///
/// A claim id is 16 lower-case hex digits (``ClaimID``): that is 64 bits,
/// kept as a `UInt64` key, which hashes, compares and rehashes as the
/// table grows several times faster than the string; replay inserts one
/// per claim. An id of any other form (none is written today) is kept by
/// its string.
struct ClaimIndex: Sendable {
    private var packed: [UInt64: Int] = [:]
    private var other: [String: Int] = [:]

    var count: Int { packed.count + other.count }

    subscript(id: String) -> Int? {
        if let key = Self.pack(id) { return packed[key] }
        return other[id]
    }

    /// Records that claim `id` is at `position`, unless it is already known.
    /// - Returns: the position already held, or nil when `id` was new and is now recorded.
    mutating func insert(_ id: String, at position: Int) -> Int? {
        if let key = Self.pack(id) {
            if let held = packed.updateValue(position, forKey: key) {
                packed[key] = held
                return held
            }
            return nil
        }
        if let held = other.updateValue(position, forKey: id) {
            other[id] = held
            return held
        }
        return nil
    }

    mutating func reserveCapacity(_ capacity: Int) {
        packed.reserveCapacity(capacity)
    }

    /// The 64 bits that 16 lower-case hex digits spell; nil for anything
    /// else (upper-case digits too, so that no two ids share a key).
    static func pack(_ id: String) -> UInt64? {
        var id = id
        return id.withUTF8 { utf8 -> UInt64? in
            guard utf8.count == 16 else { return nil }
            var value: UInt64 = 0
            for byte in utf8 {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte &- UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte &- UInt8(ascii: "a") &+ 10
                default: return nil
                }
                value = value << 4 | UInt64(digit)
            }
            return value
        }
    }
}
