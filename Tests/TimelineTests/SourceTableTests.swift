import Testing
@testable import Timeline

/// The table of sources answers as a dictionary would, through additions,
/// changes and removals (a correction that moves a source's last claim
/// away removes the source), however the keys collide in its slots.
@Suite struct SourceTableTests {
    @Test func itAnswersAsADictionaryDoesThroughAdditionsAndRemovals() {
        var generator = SplitMix(seed: 7)
        var table = SourceTable()
        var model: [SourceKey: Int] = [:]
        for step in 0..<20_000 {
            let key = SourceKey(
                quantity: QuantityKey(
                    side: UInt32(generator.next() % 3), population: UInt32(generator.next() % 2),
                    metric: UInt32(generator.next() % 5)),
                per: UInt32(generator.next() % 2), speaker: UInt32(generator.next() % 40))
            if generator.next() % 4 == 0 {
                table[key] = nil
                model[key] = nil
            } else {
                table[key] = step
                model[key] = step
            }
            #expect(table[key] == model[key])
        }
        #expect(table.count == model.count)
        for (key, place) in model { #expect(table[key] == place) }
    }
}

/// A small deterministic generator, so that a failure repeats.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
