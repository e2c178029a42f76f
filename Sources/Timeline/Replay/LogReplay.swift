import Dispatch
import EventLog
import Foundation
import Synchronization

/// Replays a log into projections, as a start does, with every core at work.
///
/// Decoding the JSON of each record is most of a replay's cost, and each
/// record decodes alone; applying must go in seq order. So one thread
/// reads the records a batch at a time and starts each batch's decoding,
/// split across the cores, while the caller's thread applies the events of
/// the batches decoded before, a few batches behind at most. On two cores
/// the applying thread, the longest of the three steps, then does nothing
/// else. `Projections.apply` stays the one reducer, called in seq order on
/// one thread: the result is the same as a replay on one thread.
public enum LogReplay {
    /// Records per batch: enough to keep the decoding threads busy, small
    /// enough (about 1.5 MB of JSON) to stay in the caches.
    static let batchSize = 2_048
    /// How many batches the reading may be ahead of the applying: enough
    /// to keep both busy, few enough to bound the memory.
    static let batchesAhead = 3

    /// Applies every event of `log` after `seq` to `projections`, in seq
    /// order, up to `last` (the end of the log unless given).
    ///
    /// - Parameters:
    ///   - log: the log to read.
    ///   - seq: apply the events after this one (0 for all).
    ///   - last: apply no event after this one: a past point's projections
    ///     are the replay of the log's prefix up to it.
    ///   - projections: the projections to bring up to `last` or the end of the log.
    /// - Throws: ``EventDecodingError`` for a record that is not an event
    ///   this code reads; `EventLogError` when the log cannot be read. The
    ///   events before the failing batch have been applied.
    public static func apply(
        _ log: EventLog, after seq: UInt64, through last: UInt64 = .max, to projections: inout Projections
    ) throws {
        let parts = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        let batches = Handoff<Result<PendingDecode, any Error>>(capacity: batchesAhead)
        let reading = BackgroundWork {
            do {
                var batch = RecordBatch(firstSeq: seq + 1)
                try log.forEachRecord(after: seq, through: last) { recordSeq, body in
                    batch.append(body)
                    guard batch.count == batchSize else { return }
                    guard batches.put(.success(PendingDecode(batch, parts: parts))) else { throw CancellationError() }
                    batch = RecordBatch(firstSeq: recordSeq + 1)
                }
                if batch.count > 0 { _ = batches.put(.success(PendingDecode(batch, parts: parts))) }
            } catch is CancellationError {
                // The applying thread stopped first, and has its error.
            } catch {
                _ = batches.put(.failure(error))
            }
            batches.finish()
        }
        // Whatever ends the loop, the reading stops before this returns.
        defer {
            batches.cancel()
            _ = reading.value
        }
        while let next = batches.take() {
            try next.get().apply(to: &projections)
        }
    }
}

/// Hands items from one thread to another in order, holding at most a
/// few: the reading of a replay to its applying.
final class Handoff<Item: Sendable>: Sendable {
    private struct State {
        var items: [Item] = []
        var finished = false
        var cancelled = false
    }

    private let state = Mutex(State())
    /// Signalled once per free place.
    private let places: DispatchSemaphore
    /// Signalled once per item put, and once at the finish.
    private let ready = DispatchSemaphore(value: 0)

    init(capacity: Int) {
        places = DispatchSemaphore(value: capacity)
    }

    /// Adds an item, waiting for a free place.
    /// - Returns: false, and nothing added, when the taker has cancelled.
    func put(_ item: Item) -> Bool {
        places.wait()
        let added = state.withLock { state in
            guard !state.cancelled else { return false }
            state.items.append(item)
            return true
        }
        if added { ready.signal() } else { places.signal() }
        return added
    }

    /// Says that no item will follow: ``take()`` returns nil after the last.
    func finish() {
        state.withLock { $0.finished = true }
        ready.signal()
    }

    /// The next item, waiting for it; nil when the putter has finished and
    /// every item was taken. Call it from one thread, not after nil.
    func take() -> Item? {
        while true {
            ready.wait()
            let item: Item?? = state.withLock { state in
                if !state.items.isEmpty { return .some(state.items.removeFirst()) }
                return state.finished ? .some(nil) : nil
            }
            guard let item else { continue }
            if item != nil { places.signal() }
            return item
        }
    }

    /// Tells the putter to stop: its waiting ``put(_:)`` and every later one return false.
    func cancel() {
        state.withLock { $0.cancelled = true }
        places.signal()
    }
}

/// Record bodies copied out of the log's read buffer, end to end.
struct RecordBatch: Sendable {
    let firstSeq: UInt64
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []

    init(firstSeq: UInt64) {
        self.firstSeq = firstSeq
        bytes.reserveCapacity(LogReplay.batchSize * 1_024)
        ends.reserveCapacity(LogReplay.batchSize)
    }

    var count: Int { ends.count }

    mutating func append(_ body: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: body)
        ends.append(bytes.count)
    }

    /// Decodes records `range` of the batch, the last first: the applying
    /// thread pops them off the end in seq order, each moved out of the
    /// array (an array's own reversal would copy each on that thread).
    /// A claim whose strings have no escapes (nearly all) is read in place,
    /// its strings left in ``bytes`` for the applying thread.
    func decodeLastFirst(_ range: Range<Int>) throws -> [ReplayEventReader.Record] {
        var reader = ReplayEventReader()
        let codec = EventCodec()
        var records: [ReplayEventReader.Record] = []
        records.reserveCapacity(range.count)
        try bytes.withUnsafeBytes { raw in
            for index in range.reversed() {
                let start = index == 0 ? 0 : ends[index - 1]
                let body = UnsafeRawBufferPointer(rebasing: raw[start..<ends[index]])
                let seq = firstSeq + UInt64(index)
                switch reader.readRecord(body, seq: seq, base: raw.baseAddress!) {
                case .claim(let fields)? where fields.hasEscapes:
                    records.append(.event(Event(
                        seq: seq, schema: 1, recordedAt: fields.recordedAt,
                        payload: .claimExtracted(reader.claim(fields, in: raw)))))
                case let record?:
                    records.append(record)
                case nil:
                    records.append(.event(try codec.decodeWithFoundation(Array(body), seq: seq)))
                }
            }
        }
        return records
    }

    /// Lends the records' bytes, which the offsets of the claims read in place count from.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try bytes.withUnsafeBytes(body)
    }
}

/// A batch being decoded on other threads, its parts on all cores at once.
struct PendingDecode: Sendable {
    private let batch: RecordBatch
    private let work: BackgroundWork<Result<[[ReplayEventReader.Record]], any Error>>

    init(_ batch: RecordBatch, parts: Int) {
        self.batch = batch
        work = BackgroundWork { Self.decode(batch, parts: parts) }
    }

    /// Waits for the batch and applies its events in seq order.
    /// - Throws: the first part's decoding error, before any event of the batch is applied.
    func apply(to projections: inout Projections) throws {
        // Each part's events are moved out rather than copied, which would
        // retain and release every string of every event once more.
        var parts = try work.value.get()
        batch.withUnsafeBytes { bytes in
            for index in parts.indices {
                var part: [ReplayEventReader.Record] = []
                swap(&part, &parts[index])
                while let record = part.popLast() {
                    switch consume record {
                    case .event(let event): projections.apply(event)
                    case .claim(let fields): projections.apply(fields, in: bytes)
                    }
                }
            }
        }
    }

    /// The batch's parts in order, each decoded last first.
    private static func decode(_ batch: RecordBatch, parts: Int) -> Result<[[ReplayEventReader.Record]], any Error> {
        let count = batch.count
        let parts = min(parts, max(1, count / 64))
        let results = Mutex<[Result<[ReplayEventReader.Record], any Error>?]>(Array(repeating: nil, count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (part * count / parts)..<((part + 1) * count / parts)
            let decoded = Result { try batch.decodeLastFirst(range) }
            results.withLock { $0[part] = decoded }
        }
        // Taken out of the mutex, so that each part's array is held once.
        var decoded: [Result<[ReplayEventReader.Record], any Error>?] = []
        results.withLock { swap(&decoded, &$0) }
        return Result { try decoded.map { try $0!.get() } }
    }
}
