import DurableFiles

/// What waits for a temporary failure to pass: files left in the inbox,
/// reports not yet written, and why ingestion is paused.
struct RetryState {
    /// How long a temporary failure is given before the next try.
    static let interval: Duration = .seconds(5)

    /// Names left in the inbox by a temporary failure.
    private(set) var held: Set<FileName> = []
    /// Names held since they were last read, held again at each try: said
    /// once, not at every try.
    private var waitingSinceRead: Set<FileName> = []
    /// Reports of refused files that could not be written yet.
    var unwrittenReports: [BatchIngester.PendingReport] = []
    /// Why ingestion is paused (a full disk), while it is.
    private(set) var paused: String?
    /// The reason of the last pause, until a batch goes through again.
    private var lastPause: String?
    /// Why ingestion is paused, as the inbox's state tells it: from the
    /// pause until a batch goes through again, tries included.
    var pausedFor: String? { lastPause }
    /// When to try again.
    private(set) var due: ContinuousClock.Instant?

    /// Holds `name` for the next try.
    ///
    /// - Returns: whether it is the first time since the name was last
    ///   read (so worth a log line).
    mutating func hold(_ name: FileName) -> Bool {
        schedule()
        held.insert(name)
        return waitingSinceRead.insert(name).inserted
    }

    /// Stops holding the names not in `present`: they left the inbox.
    mutating func keepOnly(_ present: Set<FileName>) {
        held.formIntersection(present)
        waitingSinceRead.formIntersection(present)
    }

    /// Stops holding `names`: they were read since.
    mutating func forget(_ names: [FileName]) {
        held.subtract(names)
        waitingSinceRead.subtract(names)
    }

    /// Pauses ingestion until the next try.
    ///
    /// - Returns: whether this is a new pause (so worth a log line).
    mutating func pause(reason: String) -> Bool {
        schedule()
        paused = reason
        defer { lastPause = reason }
        return lastPause == nil
    }

    /// A batch went through.
    ///
    /// - Returns: the reason of the pause it ends, if any.
    mutating func resumed() -> String? {
        defer { lastPause = nil }
        return lastPause
    }

    /// The try is due: the names held, to queue again; the pause lifted
    /// (the next batch finds out whether its cause has passed).
    mutating func release() -> [FileName] {
        defer { held.removeAll() }
        // Names no longer held were read, or left the inbox.
        waitingSinceRead.formIntersection(held)
        paused = nil
        due = nil
        if !unwrittenReports.isEmpty { schedule() }
        return held.sorted()
    }

    /// Makes a try due within ``interval`` (for a cause kept elsewhere,
    /// such as an inbox to watch again).
    mutating func wake() { schedule() }

    private mutating func schedule() {
        if due == nil { due = .now + Self.interval }
    }
}
