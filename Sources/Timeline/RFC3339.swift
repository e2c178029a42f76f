import ClaimExtraction
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Timestamps as RFC 3339 text in UTC (`2023-01-20T12:00:00Z`), written
/// the same whatever encoder carries them, so that the log, the socket and
/// `--json` output agree, and read back without a formatter on the replay
/// path.
public enum RFC3339 {
    /// `date` to whole seconds in UTC, or milliseconds when it has them.
    public static func string(from date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = time_t(interval.rounded(.down))
        let millis = Int(((interval - Double(seconds)) * 1000).rounded())
        if millis == 1000 { seconds += 1 }
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
            + "T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
        if millis > 0, millis < 1000 {
            text += "." + String(millis + 1000).dropFirst()
        }
        return text + "Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)`; nil for anything else.
    public static func date(from text: String) -> Date? {
        var text = text
        return text.withUTF8 { date(from: UnsafeRawBufferPointer($0)) }
    }

    /// Parses RFC 3339 text given as UTF-8 bytes.
    public static func date(from bytes: UnsafeRawBufferPointer) -> Date? {
        guard bytes.count >= 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54 || bytes[10] == 0x20,
              bytes[13] == 0x3A, bytes[16] == 0x3A else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let digit = Int(bytes[i]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second <= 60 else { return nil }
        var i = 19
        var fraction = 0.0
        if i < bytes.count, bytes[i] == 0x2E {
            i += 1
            var scale = 0.1
            let start = i
            while i < bytes.count, (48...57).contains(bytes[i]) {
                fraction += Double(bytes[i] - 48) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        guard i < bytes.count else { return nil }
        var offset = 0
        switch bytes[i] {
        case 0x5A, 0x7A:
            guard i + 1 == bytes.count else { return nil }
        case 0x2B, 0x2D:
            guard i + 6 == bytes.count, bytes[i + 3] == 0x3A,
                  let hours = number(i + 1..<i + 3), let minutes = number(i + 4..<i + 6) else { return nil }
            offset = (hours * 60 + minutes) * 60 * (bytes[i] == 0x2B ? 1 : -1)
        default:
            return nil
        }
        // Days from the civil date: no calendar object on the replay path.
        let days = CivilDate.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}

extension KeyedEncodingContainer {
    /// Encodes a timestamp as RFC 3339 text.
    mutating func encodeTimestamp(_ date: Date, forKey key: Key) throws {
        try encode(RFC3339.string(from: date), forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// Decodes a timestamp written as RFC 3339 text.
    func decodeTimestamp(forKey key: Key) throws -> Date {
        let text = try decode(String.self, forKey: key)
        guard let date = RFC3339.date(from: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "expected an RFC 3339 timestamp, got \(text)")
        }
        return date
    }
}
