import DurableFiles
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What the inbox watcher saw.
enum InboxSignal: Sendable, Equatable {
    /// A file was written and closed, or moved in, under this name.
    case file(FileName)
    /// A regular file appeared (created, or linked in: a hard link, an
    /// O_TMPFILE published with linkat) or changed its attributes, with
    /// no close seen: it may be whole already, or still being written.
    case appeared(FileName)
    /// The kernel's event queue overflowed: events were lost, so the whole
    /// folder must be scanned again.
    case overflow
    /// The inbox was deleted, moved away or unmounted: the watch (this
    /// watch descriptor) is gone.
    case lost(watch: Int32)
}

/// Watches the inbox with inotify and reports each file that is ready:
/// written and closed (IN_CLOSE_WRITE) or moved in whole (IN_MOVED_TO).
///
/// A name created any other way that is not a regular file (a symlink, a
/// folder, a pipe) is reported when it appears, so that it can be refused
/// rather than wait forever for a close that never comes. A regular file
/// created or linked in (IN_CREATE), or whose attributes change
/// (IN_ATTRIB), is reported as ``InboxSignal/appeared(_:)``: a hard link
/// or an O_TMPFILE published with linkat gets no close under its name.
/// The folder itself going (IN_DELETE_SELF, IN_MOVE_SELF, IN_IGNORED) is
/// reported as ``InboxSignal/lost``; ``rewatch()`` watches it anew.
///
/// - Important: dot-files and names ending in `.tmp` or `.part` are left
///   alone until renamed: writers use them for files still being written.
final class InboxWatcher: Sendable {
    let path: String
    private let inotify: Int32
    /// The inbox's watch descriptor; events of an earlier one are ignored.
    private let watch = Mutex<Int32>(-1)
    private static let mask = UInt32(
        IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
    /// A pipe whose write end wakes the reading thread to stop it.
    private let wake: (read: Int32, write: Int32)

    /// Starts watching `path`.
    ///
    /// - Throws: ``FileSystem/Failure`` when inotify cannot watch the folder.
    init(path: String) throws {
        self.path = path
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard inotify >= 0 else { throw FileSystem.Failure(operation: "inotify_init1", path: path, code: errno) }
        let descriptor = inotify_add_watch(inotify, path, Self.mask)
        guard descriptor >= 0 else {
            let code = errno
            close(inotify)
            throw FileSystem.Failure(operation: "watch", path: path, code: code)
        }
        watch.withLock { $0 = descriptor }
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

    /// Whether `watch` is the watch in use (not one replaced since).
    func isCurrent(_ watch: Int32) -> Bool { self.watch.withLock { $0 == watch } }

    /// Watches the folder at ``path`` anew, after ``InboxSignal/lost(watch:)``:
    /// the one there now, when the one watched was deleted or moved away.
    ///
    /// - Throws: ``FileSystem/Failure`` when it cannot (no folder there).
    func rewatch() throws {
        try watch.withLock { current in
            if current >= 0 { _ = inotify_rm_watch(inotify, current) }
            current = -1
            let descriptor = inotify_add_watch(inotify, path, Self.mask)
            guard descriptor >= 0 else { throw FileSystem.Failure(operation: "watch", path: path, code: errno) }
            current = descriptor
        }
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
                    guard event.wd == watch.withLock({ $0 }) else { continue }
                    if event.mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0 {
                        report(.lost(watch: event.wd))
                        continue
                    }
                    guard event.len > 0 else { continue }
                    let name = FileName(bytes: UnsafeRawBufferPointer(start: buffer + nameStart, count: Int(event.len))
                        .prefix(while: { $0 != 0 }))
                    guard Self.isCandidate(name) else { continue }
                    if event.mask & UInt32(IN_CREATE | IN_ATTRIB) != 0, event.mask & UInt32(IN_ISDIR) == 0 {
                        // A regular file may be whole (linked in) or still
                        // being written (its IN_CLOSE_WRITE will come); the
                        // ingestor tells which. Anything else never closes.
                        var info = stat()
                        guard lstat(name.path(in: path), &info) == 0 else { continue }
                        report(info.st_mode & S_IFMT == S_IFREG ? .appeared(name) : .file(name))
                        continue
                    }
                    if event.mask & UInt32(IN_ATTRIB) != 0 { continue }
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
