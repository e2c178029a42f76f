/// Matches a surname the text spells its own way ("Milio", "Milli",
/// "Zaluzhnyi") to a lexicon person by edit distance, so that transliteration
/// and translation errors still find the canonical name.
struct NameMatcher {
    let lexicon: LexiconView

    /// The lexicon speaker whose surname is closest to `surname`, if close
    /// enough: within a third of its length, one more when the text gives
    /// the person's title and one at most when it gives another, the first
    /// letter always the same.
    func match(surname: UnsafeBufferPointer<UInt8>, titleHead: UInt64?) -> Int? {
        guard surname.count >= 3 else { return nil }
        var best: (speaker: Int, distance: Int)?
        var tie = false
        // Only the surnames with the same first letter, from plain memory,
        // a speaker's consecutive: a copy of each speaker (name, titles,
        // surnames) per name read was most of the cost.
        let initial = Int(surname[0])
        let surnameBytes = NameMatcher.byteSet(surname)
        var k = Int(lexicon.surnameGroups[initial])
        let groupEnd = Int(lexicon.surnameGroups[initial + 1])
        while k < groupEnd {
            let number = Int(lexicon.surnames[k].speaker)
            let length = max(surname.count, 1)
            var allowed = length <= 4 ? 1 : length <= 7 ? 2 : 3
            // ("Belgorod Gov. Sergei Lavrinov" is no misspelt Foreign
            // Minister Lavrov: a title the person does not bear leaves
            // room for a slip of one letter only.)
            if let titleHead {
                if lexicon.speakers[number].titleHeads.contains(titleHead) { allowed += 1 } else { allowed = min(allowed, 1) }
            }
            var closest = Int.max
            while k < groupEnd, lexicon.surnames[k].speaker == number {
                let entry = lexicon.surnames[k]
                let candidate = UnsafeBufferPointer(rebasing: lexicon.surnameBytes[Int(entry.start)..<Int(entry.start + entry.count)])
                if abs(candidate.count - surname.count) <= allowed,
                   NameMatcher.differingBytes(surnameBytes, entry.bytes) <= allowed {
                    closest = min(closest, NameMatcher.distance(surname, candidate, limit: allowed))
                }
                k += 1
            }
            guard closest != Int.max else { continue }
            guard closest <= allowed else { continue }
            if let current = best {
                if closest < current.distance {
                    best = (number, closest)
                    tie = false
                } else if closest == current.distance, current.speaker != number {
                    tie = true
                }
            } else {
                best = (number, closest)
            }
        }
        return tie ? nil : best?.speaker
    }

    /// The bytes of `text` as a set, each byte as bit `byte & 63`: for a
    /// bound on the distance of two names that needs no table of it.
    static func byteSet(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var set: UInt64 = 0
        for byte in text { set |= 1 << (byte & 63) }
        return set
    }

    /// A lower bound on the ``distance(_:_:limit:)`` of two texts, from
    /// their ``byteSet(_:)``s: every byte one has and the other lacks
    /// must be inserted, deleted or replaced, one edit each (a swap moves
    /// none). Most of a lexicon's surnames are ruled out by it without
    /// the distance's table, which was most of the cost of a name.
    static func differingBytes(_ a: UInt64, _ b: UInt64) -> Int {
        max((a & ~b).nonzeroBitCount, (b & ~a).nonzeroBitCount)
    }

    /// Optimal string alignment distance: insertions, deletions,
    /// substitutions and swaps of neighbours each cost one.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in distance(a, b) } }
    }

    /// The distance of `a` and `b`, or any number above `limit` once it is
    /// sure to exceed it: two rows in a row all above the limit keep every
    /// later row above it (a swap reaches back two rows).
    static func distance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rows in one temporary buffer (on the stack for a name's
        // length), rotated by reference rather than three arrays a call.
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            var before = UnsafeMutableBufferPointer(rebasing: rows[0..<width])
            var previous = UnsafeMutableBufferPointer(rebasing: rows[width..<(2 * width)])
            var current = UnsafeMutableBufferPointer(rebasing: rows[(2 * width)...])
            for j in 0..<width {
                before[j] = 0
                previous[j] = j
                current[j] = 0
            }
            var previousLow = 0
            for i in 1...a.count {
                current[0] = i
                var low = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, before[j - 2] + 1)
                    }
                    current[j] = value
                    low = min(low, value)
                }
                if low > limit, previousLow > limit { return low }
                previousLow = low
                swap(&before, &previous)
                swap(&previous, &current)
            }
            return previous[b.count]
        }
    }
}
