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
