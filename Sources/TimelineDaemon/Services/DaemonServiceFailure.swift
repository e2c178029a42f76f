/// A service of the daemon failed, which stops the daemon with a failure
/// (exit status 1, so that `Restart=on-failure` starts it again).
struct DaemonServiceFailure: Error, CustomStringConvertible {
    /// The service that failed, as the log names it ("ingester", "control server" …).
    var service: String
    /// Why, in a line a person can act on.
    var reason: String

    var description: String { "the \(service) failed: \(reason)" }
}
