import NIOCore

extension VarlinkServer {
    /// What the connection limits did since the last report, for the log:
    /// counts rather than a line per connection, so a flood of clients
    /// cannot flood the log too.
    public struct ConnectionLimitReport: Sendable, Equatable {
        /// Connections closed because they sent nothing for the idle timeout.
        public var timedOut = 0
        /// Idle connections closed to make room for a new one over a cap.
        public var evicted = 0
        /// New connections refused, over a cap with every connection busy.
        public var refused = 0

        public init(timedOut: Int = 0, evicted: Int = 0, refused: Int = 0) {
            self.timedOut = timedOut
            self.evicted = evicted
            self.refused = refused
        }

        var isEmpty: Bool { timedOut == 0 && evicted == 0 && refused == 0 }
    }

    /// The shortest time between two reports.
    static let reportInterval: Duration = .seconds(10)

    /// Counts a new connection against the caps, making room if it can.
    ///
    /// Over a cap (the user's first, then the total), the connection idle
    /// longest is closed to make room: the user's own for the per-user cap,
    /// anyone's for the total. An idle connection costs its client only a
    /// reconnect, while refusing the newcomer would let clients that hold
    /// connections open and say nothing lock everyone else out. Only when
    /// every connection is in a call is the new one refused.
    ///
    /// - Returns: the error to send before closing, or nil if it is admitted.
    func enroll(_ connection: ServerConnection) -> VarlinkError? {
        let limits = configuration
        let uid = connection.peer?.uid
        let key = ObjectIdentifier(connection.channel)
        var evicted: [ServerConnection] = []
        let refusal: VarlinkError? = state.withLock { state in
            func makeRoom(among candidates: [ServerConnection]) -> Bool {
                let idle = candidates.compactMap { candidate in candidate.idleSince.map { (candidate, $0) } }
                guard let oldest = idle.min(by: { $0.1 < $1.1 })?.0 else { return false }
                state.open.removeValue(forKey: ObjectIdentifier(oldest.channel))
                evicted.append(oldest)
                return true
            }
            let mine = state.open.values.filter { $0.peer?.uid == uid }
            if mine.count >= limits.maximumConnectionsPerUser, !makeRoom(among: mine) {
                return .tooManyConnections(limit: "per_user", maximum: limits.maximumConnectionsPerUser)
            }
            if state.open.count >= limits.maximumConnections, !makeRoom(among: Array(state.open.values)) {
                return .tooManyConnections(limit: "total", maximum: limits.maximumConnections)
            }
            state.open[key] = connection
            return nil
        }
        for connection in evicted {
            connection.channel.close(promise: nil)
        }
        if refusal == nil {
            connection.channel.closeFuture.whenComplete { _ in
                _ = self.state.withLock { $0.open.removeValue(forKey: key) }
            }
        }
        note(ConnectionLimitReport(evicted: evicted.count, refused: refusal == nil ? 0 : 1))
        return refusal
    }

    /// Closes the connections that have had no call in progress for
    /// `timeout`, every quarter of it (at most every 5 s), until cancelled;
    /// and hands on what the limits did, at most every ``reportInterval``.
    func sweepIdleConnections() async {
        let timeout = configuration.idleTimeout
        let tick = timeout.map { min($0 / 4, .seconds(5)) } ?? Self.reportInterval
        while true {
            do { try await Task.sleep(for: tick) } catch { return }
            if let timeout { closeConnections(idleFor: timeout) }
            note(ConnectionLimitReport())
        }
    }

    private func closeConnections(idleFor timeout: Duration) {
        let now = ContinuousClock.now
        let stale = state.withLock { state in
            state.open.values.filter { connection in
                connection.idleSince.map { now - $0 >= timeout } ?? false
            }
        }
        for connection in stale {
            connection.channel.close(promise: nil)
        }
        note(ConnectionLimitReport(timedOut: stale.count))
    }

    /// Adds to the counts, and reports them if the last report is old enough.
    private func note(_ change: ConnectionLimitReport) {
        guard let report = configuration.onConnectionLimit else { return }
        let now = ContinuousClock.now
        let due: ConnectionLimitReport? = state.withLock { state in
            state.unreported.timedOut += change.timedOut
            state.unreported.evicted += change.evicted
            state.unreported.refused += change.refused
            guard !state.unreported.isEmpty else { return nil }
            if let last = state.lastReport, now - last < Self.reportInterval { return nil }
            state.lastReport = now
            defer { state.unreported = ConnectionLimitReport() }
            return state.unreported
        }
        if let due { report(due) }
    }
}
