import Foundation
import Testing
import TimelineTestSupport
import DurableFiles
#if canImport(Glibc)
import Glibc
#endif

/// A file leaves the inbox whole, in one step, and never replaces another.
@Suite struct FileSystemMoveTests {
    private func folders(_ data: String) throws -> (inbox: String, processed: String, failed: String) {
        let folders = (data + "/inbox", data + "/processed", data + "/failed")
        for folder in [folders.0, folders.1, folders.2] { try FileSystem.makeDirectory(folder) }
        return folders
    }

    private func names(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func aMovedFileIsInTheDestinationOnlyWithItsBytes() async throws {
        try await withTemporaryFolder { data in
            let (inbox, processed, _) = try folders(data)
            try Data("one".utf8).write(to: URL(fileURLWithPath: inbox + "/a.txt"))
            let movedTo = try FileSystem.move("a.txt", from: inbox, to: processed)
            #expect(movedTo == "a.txt")
            #expect(try names(inbox).isEmpty)
            #expect(try String(contentsOfFile: processed + "/a.txt", encoding: .utf8) == "one")
        }
    }

    @Test func aTakenNameGetsTheFirstFreeSuffixAndReplacesNothing() async throws {
        try await withTemporaryFolder { data in
            let (inbox, processed, _) = try folders(data)
            try Data("old".utf8).write(to: URL(fileURLWithPath: processed + "/a.txt"))
            try Data("older".utf8).write(to: URL(fileURLWithPath: processed + "/a.txt.1"))
            try Data("new".utf8).write(to: URL(fileURLWithPath: inbox + "/a.txt"))
            #expect(try FileSystem.move("a.txt", from: inbox, to: processed) == "a.txt.2")
            #expect(try String(contentsOfFile: processed + "/a.txt", encoding: .utf8) == "old")
            #expect(try String(contentsOfFile: processed + "/a.txt.1", encoding: .utf8) == "older")
            #expect(try String(contentsOfFile: processed + "/a.txt.2", encoding: .utf8) == "new")
            #expect(try names(inbox).isEmpty)
        }
    }

    @Test func aSymlinkMovesAsTheLinkItself() async throws {
        try await withTemporaryFolder { data in
            let (inbox, _, failed) = try folders(data)
            #expect(symlink("/etc/hostname", inbox + "/link") == 0)
            #expect(try FileSystem.move("link", from: inbox, to: failed) == "link")
            var info = stat()
            #expect(lstat(failed + "/link", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
            #expect(try names(inbox).isEmpty)
        }
    }

    @Test func aMissingFileIsAnErrorThatNamesIt() async throws {
        try await withTemporaryFolder { data in
            let (inbox, processed, _) = try folders(data)
            #expect {
                try FileSystem.move("gone.txt", from: inbox, to: processed)
            } throws: { error in
                (error as? FileSystem.Failure)?.code == ENOENT && "\(error)".contains("gone.txt")
            }
        }
    }

    /// What a crash between the link and the unlink of a move leaves (on a
    /// file system without RENAME_NOREPLACE): one file under two names.
    @Test func aMoveCutBetweenLinkAndUnlinkIsFinishedAtStart() async throws {
        try await withTemporaryFolder { data in
            let (inbox, processed, failed) = try folders(data)
            for name in ["half.txt", "bad.bin", "waiting.txt", "copy.txt"] {
                try Data(name.utf8).write(to: URL(fileURLWithPath: inbox + "/" + name))
            }
            #expect(link(inbox + "/half.txt", processed + "/half.txt.1") == 0)
            #expect(link(inbox + "/bad.bin", failed + "/bad.bin") == 0)
            // The same bytes in another file are not the same file.
            try Data("copy.txt".utf8).write(to: URL(fileURLWithPath: processed + "/copy.txt"))

            let finished = try FileSystem.finishInterruptedMoves(in: inbox, to: [processed, failed])
            #expect(finished.map(\.name).sorted() == ["bad.bin", "half.txt"])
            #expect(try names(inbox) == ["copy.txt", "waiting.txt"])
            #expect(try names(processed) == ["copy.txt", "half.txt.1"])
            #expect(try names(failed) == ["bad.bin"])
            #expect(try FileSystem.finishInterruptedMoves(in: inbox, to: [processed, failed]).isEmpty)
        }
    }
}
