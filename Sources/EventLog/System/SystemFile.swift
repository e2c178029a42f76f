import DurableFiles
import CLinux
import Glibc

/// A file descriptor with the few calls the log makes, each turning a failure
/// into an ``EventLogError`` that names the file and the call.
///
/// A struct over a raw descriptor rather than FileHandle: the log needs
/// `pread`/`pwrite` at offsets, `fdatasync` and `flock`, and must see every `errno`.
struct SystemFile {
    let descriptor: Int32
    /// The file's name as errors show it (a segment's name, or a path).
    let name: String

    static func open(_ path: String, name: String, flags: Int32, mode: mode_t = 0o644) throws -> SystemFile {
        let descriptor = retryingInterrupts { Glibc.open(path, flags | O_CLOEXEC, mode) }
        guard descriptor >= 0 else { throw systemError("open", name) }
        return SystemFile(descriptor: descriptor, name: name)
    }

    func close() {
        // close(2) must not be retried on EINTR on Linux: the descriptor is
        // already released, and a retry could close one another thread opened.
        _ = Glibc.close(descriptor)
    }

    func size() throws -> Int64 {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Self.systemError("fstat", name) }
        return Int64(status.st_size)
    }

    /// Reads up to `count` bytes at `offset`; fewer only at the end of the file.
    func read(into destination: UnsafeMutableRawPointer, count: Int, at offset: Int64) throws -> Int {
        var done = 0
        while done < count {
            let result = pread(descriptor, destination + done, count - done, off_t(offset) + off_t(done))
            if result < 0 {
                if errno == EINTR { continue }
                throw Self.systemError("pread", name)
            }
            if result == 0 { break }
            done += result
        }
        return done
    }

    /// Reads the whole range, or as much of it as the file holds.
    func read(count: Int, at offset: Int64) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let got = try bytes.withUnsafeMutableBytes { try read(into: $0.baseAddress!, count: count, at: offset) }
        bytes.removeLast(count - got)
        return bytes
    }

    /// Writes every byte at `offset`, retrying short writes.
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int64) throws {
        guard var source = bytes.baseAddress else { return }
        var remaining = bytes.count
        var position = off_t(offset)
        while remaining > 0 {
            let result = pwrite(descriptor, source, remaining, position)
            if result < 0 {
                if errno == EINTR { continue }
                throw Self.systemError("pwrite", name)
            }
            source += result
            remaining -= result
            position += off_t(result)
        }
    }

    /// Makes written data durable: the bytes and the file size, not the times.
    func syncData() throws {
        guard retryingInterrupts({ fdatasync(descriptor) }) == 0 else { throw Self.systemError("fdatasync", name) }
    }

    /// Makes the file fully durable (for directories: the entries in them).
    func sync() throws {
        guard retryingInterrupts({ fsync(descriptor) }) == 0 else { throw Self.systemError("fsync", name) }
    }

    /// Gives the file `length` bytes of disk space, zeros past its end, so
    /// that appends overwrite space already allocated and a sync need not
    /// also commit a new size (about a third of an append's sync on ext4).
    /// Best effort: a file system that cannot do it, or a full disk, leaves
    /// the file as it was, and appends grow it as usual.
    func preallocate(to length: Int64) {
        _ = timelined_fallocate(descriptor, off_t(length))
    }

    /// The offset after the last byte of the file in `range` that is not
    /// zero; `range.lowerBound` when they all are.
    ///
    /// Space preallocated and never written reads as zeros without being
    /// read from disk, and on most file systems `lseek` skips it as a hole
    /// (SEEK_DATA): only the regions holding data are read, so checking the
    /// zeros after a segment's records costs what the last written blocks
    /// hold, not the segment's size.
    func endOfContent(in range: Range<Int64>) throws -> Int64 {
        var end = range.lowerBound
        var position = range.lowerBound
        while position < range.upperBound {
            let dataStart = lseek(descriptor, off_t(position), timelined_seek_data)
            guard dataStart >= 0 else {
                if errno == ENXIO { break }  // no data after `position`
                throw Self.systemError("lseek", name)
            }
            guard Int64(dataStart) < range.upperBound else { break }
            let hole = lseek(descriptor, dataStart, timelined_seek_hole)
            let holeStart = hole < 0 ? range.upperBound : min(Int64(hole), range.upperBound)
            var chunkStart = Int64(dataStart)
            while chunkStart < holeStart {
                let count = Int(min(holeStart - chunkStart, 1 << 20))
                let bytes = try read(count: count, at: chunkStart)
                if let last = Self.lastNonZero(bytes) { end = chunkStart + Int64(last) + 1 }
                chunkStart += Int64(count)
            }
            position = max(holeStart, position + 1)
        }
        return end
    }

    /// The index of the last byte that is not zero, comparing eight at a time.
    private static func lastNonZero(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { raw -> Int? in
            var index = raw.count
            while index >= 8, raw.loadUnaligned(fromByteOffset: index - 8, as: UInt64.self) == 0 { index -= 8 }
            while index > 0 {
                if raw[index - 1] != 0 { return index - 1 }
                index -= 1
            }
            return nil
        }
    }

    func truncate(to length: Int64) throws {
        guard retryingInterrupts({ ftruncate(descriptor, off_t(length)) }) == 0 else {
            throw Self.systemError("ftruncate", name)
        }
    }

    /// Takes an exclusive advisory lock without waiting.
    /// - Returns: `false` when someone else holds it.
    func tryLockExclusive() throws -> Bool {
        if retryingInterrupts({ flock(descriptor, LOCK_EX | LOCK_NB) }) == 0 { return true }
        if errno == EWOULDBLOCK { return false }
        throw Self.systemError("flock", name)
    }

    /// Takes an exclusive advisory lock, trying again for up to `patience`.
    ///
    /// A lock just released can still be held for a moment by a child that
    /// another thread of this process forked and has not yet exec'd (the
    /// descriptor is close-on-exec, but the fork shares it until then);
    /// waiting that out tells such a moment from a real second writer.
    /// - Returns: `false` when someone else still holds it.
    func lockExclusive(patience: Duration) throws -> Bool {
        let deadline = ContinuousClock.now + patience
        while true {
            if try tryLockExclusive() { return true }
            if ContinuousClock.now >= deadline { return false }
            usleep(10_000)
        }
    }

    /// Tells the kernel the file is read front to back (it reads further ahead).
    func adviseSequential() {
        _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
    }

    static func systemError(_ call: String, _ name: String) -> EventLogError {
        let code = errno
        return EventLogError(.io, "\(call) of \(name) failed: \(String(cString: strerror(code)))", segment: name, errno: code)
    }
}
