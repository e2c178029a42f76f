import Foundation
import Timeline
import Varlink

/// A connection to the daemon that turns every failure into a
/// ``CommandFailure`` with the documented exit code and one clear line.
struct DaemonClient {
    let path: String
    private let client: VarlinkClient

    /// The largest reply taken: a view's answer comes in one reply (but
    /// `claims` exported, which streams), and Varlink's 16 MiB is some
    /// ten thousand statements, which an export of a large log passes.
    static let maximumReplyBytes = 512 << 20

    /// Connects to the daemon's socket.
    ///
    /// - Parameters:
    ///   - path: the socket.
    ///   - timeout: how long a reply may take; nil to wait as long as it
    ///     takes (a stream that follows the log waits for new events).
    /// - Throws: ``CommandFailure`` with exit code 3, saying what failed.
    init(path: String, timeout: Duration? = .seconds(30)) throws {
        self.path = path
        do {
            client = try VarlinkClient(connectingTo: path, timeout: timeout, maximumMessageSize: Self.maximumReplyBytes)
        } catch {
            throw CommandFailure(message: Self.explain(error, path: path), exitCode: CommandFailure.unreachable)
        }
    }

    /// Calls `method` and decodes its reply.
    ///
    /// - Throws: ``CommandFailure``: exit code 1 for an error the daemon
    ///   answered with or an answer too large to take, 3 for a connection
    ///   that failed.
    func call<Reply: Decodable>(_ method: String, _ parameters: some Encodable) throws -> Reply {
        do {
            return try client.call(method, parameters: parameters, returning: Reply.self)
        } catch let error as VarlinkError {
            throw CommandFailure(message: Self.explain(error), exitCode: CommandFailure.daemonError)
        } catch let error as VarlinkTransportError where error.code == .messageTooLarge {
            throw CommandFailure(
                message: "the answer is larger than \(Self.maximumReplyBytes >> 20) MiB: narrow it (--side, --metric, --speaker, --since, --until, --document)",
                exitCode: CommandFailure.daemonError)
        } catch {
            throw CommandFailure(message: Self.explain(error, path: path), exitCode: CommandFailure.unreachable)
        }
    }

    /// Calls `method` with `more` and hands each reply to `each`, until the
    /// last reply.
    ///
    /// - Throws: ``CommandFailure`` as ``call(_:_:)``; what `each` throws.
    func stream(_ method: String, _ parameters: some Encodable, each: (VarlinkReply) throws -> Void) throws {
        do {
            let replies = try client.callMore(method, parameters: parameters)
            while let reply = try replies.next() { try each(reply) }
        } catch let error as VarlinkError {
            throw CommandFailure(message: Self.explain(error), exitCode: CommandFailure.daemonError)
        } catch let error as VarlinkTransportError {
            throw CommandFailure(message: Self.explain(error, path: path), exitCode: CommandFailure.unreachable)
        }
    }

    static func explain(_ error: VarlinkError) -> String {
        switch error.name {
        case TimelineInterface.Error.invalidParameter:
            if let detail = try? error.parameters(as: TimelineInterface.InvalidParameter.self) { return detail.message }
        case TimelineInterface.Error.noSuchClaim:
            if let detail = try? error.parameters(as: TimelineInterface.NoSuchClaim.self) { return detail.message }
        case TimelineInterface.Error.claimRetracted:
            if let detail = try? error.parameters(as: TimelineInterface.ClaimRetracted.self) {
                return "claim \(detail.claim) was retracted (\(detail.reason)); a retracted claim can be neither retracted nor corrected"
            }
        case TimelineInterface.Error.claimSuperseded:
            if let detail = try? error.parameters(as: TimelineInterface.ClaimSuperseded.self) { return detail.message }
        case TimelineInterface.Error.reextractionRunning:
            if let detail = try? error.parameters(as: TimelineInterface.ReextractionRunning.self) {
                return "a re-extraction is under way (\(detail.done)/\(detail.total) documents); try again once it ends"
            }
        case TimelineInterface.Error.permissionDenied:
            if let detail = try? error.parameters(as: TimelineInterface.PermissionDenied.self) {
                let who = detail.uid.map { "uid \($0)" } ?? "a caller the socket cannot name"
                let allowed = "only root, the daemon's user" + (detail.group.map { " and members of the group '\($0)'" } ?? "")
                return "permission denied: \(who) may not call \(detail.method); \(allowed) may"
            }
        default:
            break
        }
        return "the daemon answered \(error)"
    }

    static func explain(_ error: any Error, path: String) -> String {
        guard let transport = error as? VarlinkTransportError else { return "\(error)" }
        switch transport.code {
        case .noSuchFile, .connectionRefused:
            return "\(transport.message) (is timelined running?)"
        case .permissionDenied:
            return "\(transport.message) (the socket's group decides who may read the timeline)"
        default:
            return transport.message
        }
    }
}
