import Foundation
import Testing
import Varlink

@Suite("Latency", .timeLimit(.minutes(2)))
struct LatencyTests {
    /// The daemon's `Latest` must answer well under a millisecond at p99,
    /// so the protocol layer must take far less. Measured by hand on these
    /// machines (release build, a moderately busy machine): p50 60–110 µs,
    /// p99 95–170 µs. A p99 bound cannot be a reliable test on a shared two-core
    /// machine, where another build alone adds milliseconds of scheduling
    /// delay; the median can, and it catches a stall such as a poll loop or
    /// a per-call timer. The percentiles are printed for a person to read.
    @Test func smallCallRoundTripOnOneConnectionIsWellUnderAMillisecond() async throws {
        let durations = try await withServer { _, path in
            try await blocking {
                let client = try VarlinkClient(connectingTo: path, timeout: .seconds(20))
                let clock = ContinuousClock()
                var durations: [Duration] = []
                for i in 0..<2200 {
                    let started = clock.now
                    _ = try client.call(
                        "org.example.test.Add",
                        parameters: TestInterface.AddParameters(a: i, b: 1),
                        returning: TestInterface.Sum.self
                    )
                    if i >= 200 { durations.append(clock.now - started) }
                }
                return durations.sorted()
            }
        }
        let p50 = durations[durations.count / 2]
        let p99 = durations[durations.count * 99 / 100]
        print("Varlink round trip: p50 \(p50), p90 \(durations[durations.count * 9 / 10]), p99 \(p99), max \(durations.last!)")
        #expect(p50 < .milliseconds(2), "p50 \(p50), p99 \(p99)")
    }
}
