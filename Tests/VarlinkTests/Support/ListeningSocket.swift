import Foundation
import Glibc
import TimelineTestSupport

/// A Unix stream socket bound at `path` and listening, as systemd hands one over.
func listeningSocket(at path: String) throws -> Int32 {
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    let bound = try withUnixAddress(of: path) { bind(fd, $0, $1) }
    guard bound == 0, listen(fd, 16) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    return fd
}

/// The next connection on `fd`, waiting through interruptions: a signal
/// the test process takes (a child of another test ending) would otherwise
/// leave the connection in the backlog and its client waiting for ever.
func acceptConnection(_ fd: Int32) -> Int32 {
    while true {
        let connection = accept(fd, nil, nil)
        if connection >= 0 || errno != EINTR { return connection }
    }
}
