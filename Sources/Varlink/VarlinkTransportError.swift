#if canImport(Glibc)
import Glibc
#endif

/// The socket or the byte stream failed, as opposed to the service answering
/// with a ``VarlinkError``.
///
/// Its ``code`` classifies the failure so a command-line tool can print its
/// own advice ("is timelined running?" for ``Code/connectionRefused``); its
/// ``message`` already reads well on its own: `cannot connect to
/// /run/timelined/io.timelined.Timeline: no such file`.
public struct VarlinkTransportError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure, for a caller to match on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A short name for the code, as it appears in logs.
        public let name: String

        /// The socket path does not exist (`ENOENT`): the server is not running,
        /// or the path is wrong.
        public static let noSuchFile = Code(name: "noSuchFile")
        /// The socket or its folder may not be used by this user (`EACCES`, `EPERM`).
        public static let permissionDenied = Code(name: "permissionDenied")
        /// The socket file exists but nothing listens on it (`ECONNREFUSED`):
        /// a stale socket left by a server that stopped, or a full backlog.
        public static let connectionRefused = Code(name: "connectionRefused")
        /// Another server is listening at the path (`EADDRINUSE`), or a file
        /// that is not a socket is in the way.
        public static let addressInUse = Code(name: "addressInUse")
        /// The socket path is longer than a Unix socket address holds (108 bytes).
        public static let pathTooLong = Code(name: "pathTooLong")
        /// A send or receive did not complete within the timeout.
        public static let timedOut = Code(name: "timedOut")
        /// The peer closed the connection before the expected reply.
        public static let connectionClosed = Code(name: "connectionClosed")
        /// A message exceeded the maximum message size.
        public static let messageTooLarge = Code(name: "messageTooLarge")
        /// Bytes arrived that are not a Varlink message of the expected shape.
        public static let invalidMessage = Code(name: "invalidMessage")
        /// A passed file descriptor is not a Unix stream socket.
        public static let notAUnixStreamSocket = Code(name: "notAUnixStreamSocket")
        /// The call cannot be made now: a `more` call on the same client has
        /// not received its last reply yet.
        public static let callInProgress = Code(name: "callInProgress")
        /// A handler tried to reply after the call's last reply.
        public static let callFinished = Code(name: "callFinished")
        /// Any other system error; ``VarlinkTransportError/errno`` says which.
        public static let system = Code(name: "system")

        /// The code's name.
        public var description: String { name }
    }

    /// What kind of failure.
    public var code: Code
    /// A sentence a person can act on, naming the path and the cause.
    public var message: String
    /// The socket path involved, when there is one.
    public var path: String?
    /// The `errno` behind the failure, when a system call failed.
    public var errno: Int32?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What kind of failure.
    ///   - message: A sentence naming the path and the cause.
    ///   - path: The socket path involved.
    ///   - errno: The `errno` of the failed system call.
    public init(code: Code, message: String, path: String? = nil, errno: Int32? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.errno = errno
    }

    /// The ``message``.
    public var description: String { message }

    /// An error for a failed system call, classified by its `errno`.
    ///
    /// - Parameters:
    ///   - action: What was attempted, as in "cannot connect to": `"connect to"`.
    ///   - path: The socket path.
    ///   - errno: The system call's `errno`.
    static func system(_ action: String, path: String?, errno: Int32) -> VarlinkTransportError {
        let code: Code
        let reason: String
        switch errno {
        case ENOENT: (code, reason) = (.noSuchFile, "no such file")
        case EACCES, EPERM: (code, reason) = (.permissionDenied, "permission denied")
        case ECONNREFUSED: (code, reason) = (.connectionRefused, "connection refused")
        case EADDRINUSE: (code, reason) = (.addressInUse, "address in use")
        case ENAMETOOLONG: (code, reason) = (.pathTooLong, "path too long for a Unix socket")
        case EAGAIN, ETIMEDOUT: (code, reason) = (.timedOut, "timed out")
        case EPIPE, ECONNRESET: (code, reason) = (.connectionClosed, "connection closed by the server")
        case ENOTSOCK: (code, reason) = (.notAUnixStreamSocket, "not a socket")
        default: (code, reason) = (.system, String(cString: strerror(errno)))
        }
        let target = path.map { " \($0)" } ?? ""
        return VarlinkTransportError(code: code, message: "cannot \(action)\(target): \(reason)", path: path, errno: errno)
    }
}
