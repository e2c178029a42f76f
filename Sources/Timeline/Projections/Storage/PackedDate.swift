import ClaimExtraction

/// An optional ``PartialDate`` in one word: bit 63 says whether there is
/// one, bits 16…62 hold the year (two's complement), 8…15 the month and
/// 0…7 the day (0 for none).
///
/// Months and days beyond 255 and years beyond ±2^46 do not fit and are
/// clamped; no text or calendar gives one.
struct PackedDate: Sendable, Equatable {
    var bits: UInt64

    static let none = PackedDate(bits: 0)
    private static let present: UInt64 = 1 << 63
    private static let yearBits: UInt64 = 47

    init(bits: UInt64) {
        self.bits = bits
    }

    init(_ date: PartialDate?) {
        guard let date else {
            bits = 0
            return
        }
        let limit = Int(1) << (Self.yearBits - 1)
        let year = UInt64(bitPattern: Int64(min(max(date.year, -limit), limit - 1))) & ((1 << Self.yearBits) - 1)
        bits = Self.present | year << 16 | UInt64(UInt8(clamping: date.month ?? 0)) << 8 | UInt64(UInt8(clamping: date.day ?? 0))
    }

    var date: PartialDate? {
        guard bits & Self.present != 0 else { return nil }
        // Shift the year's top bit into the word's sign bit and back.
        let year = Int(Int64(bitPattern: bits << 1) >> 17)
        let month = Int(bits >> 8 & 0xFF)
        let day = Int(bits & 0xFF)
        return PartialDate(year: year, month: month == 0 ? nil : month, day: day == 0 ? nil : day)
    }
}
