/// The journal's `MESSAGE_ID` for each kind of event the daemon logs, so
/// that `journalctl MESSAGE_ID=…` finds every document received, every
/// rejection or every start without matching on text, and `journalctl -x`
/// explains it from the catalog (systemd/timelined.catalog).
///
/// The ids are fixed 128-bit values (made once with `systemd-id128 new`);
/// they never change, or saved queries would silently stop matching.
public struct JournalMessageID: Sendable, Hashable, CustomStringConvertible {
    /// 32 lower-case hex digits, as the journal writes them.
    public let hex: String

    init(_ hex: String) {
        precondition(hex.count == 32 && hex.allSatisfy(\.isHexDigit), "a message id is 32 hex digits")
        self.hex = hex
    }

    public var description: String { hex }

    /// The event log was opened and its tail checked.
    public static let logRecovered = JournalMessageID("ed1663bb409643dcb3b6263359945e27")
    /// A torn record was cut off the end of the log.
    public static let tornTailCut = JournalMessageID("06279aff031d4192b023e19c76b9da01")
    /// The projections were rebuilt from the log.
    public static let projectionsRebuilt = JournalMessageID("8e3182f683044612b9cb86b660100e28")
    /// The daemon serves its socket and watches its inbox (READY=1).
    public static let daemonReady = JournalMessageID("16ba490d0dab42d49c1f5919edc8884c")
    /// A document was read and its events made durable.
    public static let documentReceived = JournalMessageID("ae323223997447a789c82e59f6c3e62b")
    /// A file held bytes the log already had; no event was added.
    public static let documentDuplicate = JournalMessageID("b929007d5cd34469800f9ffd298d4d3d")
    /// A file was refused and moved to failed/.
    public static let documentRejected = JournalMessageID("d46242582d794ab2a5959dc2d31726c8")
    /// A file could not be ingested and stays in the inbox.
    public static let ingestFailed = JournalMessageID("558ebb71edb846de84dcfd50bf2518d3")
    /// A person retracted a claim.
    public static let claimRetracted = JournalMessageID("8d3bfcb79a784cc39d0217acdcb49cb7")
    /// A person corrected a claim.
    public static let claimCorrected = JournalMessageID("155549de304748b4b0264d02791f2ec3")
    /// The configuration and the lexicon were read again.
    public static let reloaded = JournalMessageID("9eed5ab1039e497aa96e5690d94cea96")
    /// A reload failed; the previous lexicon stays in use.
    public static let reloadFailed = JournalMessageID("29634923262f48859dc317d8c38ec0d1")
    /// A graceful stop began (STOPPING=1).
    public static let stopping = JournalMessageID("b46b56963e0941199e1eb52b746013f7")
    /// The daemon stopped with its log flushed and closed.
    public static let stopped = JournalMessageID("e0553346160e43888d474dc5f4a4533f")
    /// The daemon could not start.
    public static let startFailed = JournalMessageID("a16984d4bd5e4c9ab796c7c632cd0985")

    /// Every id, for the catalog and its test.
    public static let all: [JournalMessageID] = [
        logRecovered, tornTailCut, projectionsRebuilt, daemonReady, documentReceived, documentDuplicate,
        documentRejected, ingestFailed, claimRetracted, claimCorrected, reloaded, reloadFailed, stopping, stopped,
        startFailed,
    ]

    /// The id of the event a log message reports, or nil for a message
    /// that is not one of the kinds above.
    ///
    /// The daemon's messages are fixed texts (the details go in metadata),
    /// so the text names the kind; the few that end in an error's words are
    /// matched on what comes before it.
    public static func forMessage(_ message: String) -> JournalMessageID? {
        if let id = byMessage[message] { return id }
        return byPrefix.first { message.hasPrefix($0.prefix) }?.id
    }

    private static let byMessage: [String: JournalMessageID] = [
        "log opened": logRecovered,
        "cut a torn tail off the log": tornTailCut,
        "projections rebuilt": projectionsRebuilt,
        "ready": daemonReady,
        "received": documentReceived,
        "duplicate: already in the log; no events added": documentDuplicate,
        "rejected": documentRejected,
        "cannot ingest; leaving it in the inbox": ingestFailed,
        "claim retracted": claimRetracted,
        "claim corrected": claimCorrected,
        "reloaded": reloaded,
        "stopping": stopping,
        "stopped": stopped,
    ]

    private static let byPrefix: [(prefix: String, id: JournalMessageID)] = [
        ("reload failed", reloadFailed),
        ("cannot run", startFailed),
    ]
}
