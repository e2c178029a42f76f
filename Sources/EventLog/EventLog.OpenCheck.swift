extension EventLog {
    /// How much of the log ``EventLog/open(directory:options:)`` reads.
    public struct OpenCheck: Sendable, Hashable {
        let checksEveryRecord: Bool

        /// Every record of every segment: CRC, seq and hash chain, and each seal.
        /// Damage anywhere stops the open. The default: a log that held years of
        /// claims is still read in seconds.
        public static let everyRecord = OpenCheck(checksEveryRecord: true)
        /// Every record of the last segment; of the sealed ones, only the header,
        /// the seal and their links. Damage inside a sealed segment then surfaces
        /// when a read reaches it (reads check CRC and seq) or in ``EventLog/verify(directory:)``.
        public static let sealsAndTail = OpenCheck(checksEveryRecord: false)
    }
}
