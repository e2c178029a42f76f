import DurableFiles
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the inbox watcher saw.
enum InboxSignal: Sendable, Equatable {
    /// A file was written and closed, or moved in, under this name.
    case file(FileName)
    /// The kernel's event queue overflowed: events were lost, so the whole
    /// folder must be scanned again.
    case overflow
}

/// Watches the inbox with inotify and reports each file that is ready:
/// written and closed (IN_CLOSE_WRITE) or moved in whole (IN_MOVED_TO).
///
/// A name created any other way that is not a regular file (a symlink, a
/// folder, a pipe) is reported when it appears, so that it can be refused
/// rather than wait forever for a close that never comes.
///
/// - Important: dot-files and names ending in `.tmp` or `.part` are left
///   alone until renamed: writers use them for files still being written.
final class InboxWatcher: Sendable {
    let path: String
    private let inotify: Int32
    /// A pipe whose write end wakes the reading thread to stop it.
    private let wake: (read: Int32, write: Int32)

    /// Starts watching `path`.
    ///
    /// - Throws: ``FileSystem/Failure`` when inotify cannot watch the folder.
    init(path: String) throws {
        self.path = path
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard inotify >= 0 else { throw FileSystem.Failure(operation: "inotify_init1", path: path, code: errno) }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE_SELF | IN_MOVE_SELF)
        guard inotify_add_watch(inotify, path, mask) >= 0 else {
            let code = errno
            close(inotify)
            throw FileSystem.Failure(operation: "watch", path: path, code: code)
        }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            let code = errno
            close(inotify)
            throw FileSystem.Failure(operation: "pipe", path: path, code: code)
        }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
        }
        wake = (pipeEnds[0], pipeEnds[1])
    }

    deinit {
        close(inotify)
        close(wake.read)
        close(wake.write)
    }

    /// Reads events on a thread of its own until ``stop()``, handing each to
    /// `report`.
    func start(report: @escaping @Sendable (InboxSignal) -> Void) {
        let thread = Thread { [self] in self.run(report: report) }
        thread.name = "inbox-watcher"
        thread.start()
    }

    /// Stops the reading thread.
    func stop() {
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    private func run(report: @Sendable (InboxSignal) -> Void) {
        let bufferSize = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 8)
        defer { buffer.deallocate() }
        var fds = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
        while true {
            fds[0].revents = 0
            fds[1].revents = 0
            if poll(&fds, 2, -1) < 0 {
                if errno == EINTR { continue }
                return
            }
            if fds[1].revents != 0 { return }
            while true {
                let count = read(inotify, buffer, bufferSize)
                if count <= 0 { break }
                var offset = 0
                while offset < count {
                    let event = (buffer + offset).assumingMemoryBound(to: inotify_event.self).pointee
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    offset = nameStart + Int(event.len)
                    if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        report(.overflow)
                        continue
                    }
                    guard event.len > 0 else { continue }
                    let name = FileName(bytes: UnsafeRawBufferPointer(start: buffer + nameStart, count: Int(event.len))
                        .prefix(while: { $0 != 0 }))
                    guard Self.isCandidate(name) else { continue }
                    if event.mask & UInt32(IN_CREATE) != 0, event.mask & UInt32(IN_ISDIR) == 0 {
                        // A regular file just created is still being written:
                        // its IN_CLOSE_WRITE will come. Anything else never
                        // closes, so it is reported now.
                        var info = stat()
                        guard lstat(name.path(in: path), &info) == 0, info.st_mode & S_IFMT != S_IFREG else { continue }
                    }
                    report(.file(name))
                }
            }
        }
    }

    /// Whether a name in the inbox is one to take.
    static func isCandidate(_ name: FileName) -> Bool {
        !name.hasPrefix(".") && !name.hasSuffix(".tmp") && !name.hasSuffix(".part")
    }

    /// The names in the inbox to take, oldest name first (sorted, so that a
    /// scan takes files in a predictable order).
    static func scan(_ path: String) throws -> [FileName] {
        try FileSystem.entries(path).filter(isCandidate).sorted()
    }
}
