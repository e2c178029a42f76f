import ServiceLifecycle
import UnixSignals

/// SIGHUP asks for a reload: the configuration and the lexicon are read
/// again, by the ingest loop between two batches (see ``IngestService``).
struct ReloadService: Service {
    /// SIGHUP, trapped by the start-up step so that no SIGHUP after
    /// `READY=1` meets the default action (which ends the process).
    let hangups: UnixSignalsSequence
    let mailbox: Mailbox

    func run() async throws {
        for await _ in hangups.cancelOnGracefulShutdown() {
            mailbox.post(.reload)
        }
    }
}
