import DurableFiles
import Foundation
import Testing
import TimelineTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A file the daemon creates beside people's files never replaces one.
@Suite struct FileSystemCreateTests {
    private func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func aNewFileTakesItsNameWhenFree() async throws {
        try await withTemporaryFolder { folder throws in
            #expect(try FileSystem.createNew(Array("report".utf8), named: "x.error.json", in: folder) == "x.error.json")
            #expect(try contents(folder + "/x.error.json") == "report")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["x.error.json"])
        }
    }

    @Test func aNewFileWhoseNameIsTakenGetsTheNextFreeOneAndReplacesNothing() async throws {
        try await withTemporaryFolder { folder throws in
            try Data("the user's".utf8).write(to: URL(fileURLWithPath: folder + "/x.error.json"))
            try Data("another".utf8).write(to: URL(fileURLWithPath: folder + "/x.error.json.1"))
            #expect(try FileSystem.createNew(Array("report".utf8), named: "x.error.json", in: folder) == "x.error.json.2")
            #expect(try contents(folder + "/x.error.json") == "the user's")
            #expect(try contents(folder + "/x.error.json.1") == "another")
            #expect(try contents(folder + "/x.error.json.2") == "report")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 3)
        }
    }

    @Test func aSymlinkInTheWayIsNeitherFollowedNorReplaced() async throws {
        try await withTemporaryFolder { folder throws in
            try Data("target".utf8).write(to: URL(fileURLWithPath: folder + "/target"))
            #expect(symlink(folder + "/target", folder + "/x.error.json") == 0)
            #expect(try FileSystem.createNew(Array("report".utf8), named: "x.error.json", in: folder) == "x.error.json.1")
            #expect(try contents(folder + "/target") == "target")
            var info = stat()
            #expect(lstat(folder + "/x.error.json", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        }
    }

    @Test func aWriteLeftUnnamedByACrashIsRemovedAtTheNextStart() async throws {
        try await withTemporaryFolder { folder throws in
            let temporary = try FileSystem.writeTemporary(Array("half".utf8), in: folder, mode: 0o640)
            try Data("a person's".utf8).write(to: URL(fileURLWithPath: folder + "/.notes.tmp"))
            #expect(try FileSystem.removeTemporaries(in: folder) == [String(temporary.split(separator: "/").last!)])
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [".notes.tmp"])
        }
    }

    @Test func freeNamesAvoidTheReservedAndEachReportBesideThem() async throws {
        try await withTemporaryFolder { folder throws in
            #expect(FileSystem.freeName("p", in: folder, reserving: [".error.json"], notIn: ["p.error.json"]) == "p.1")
            #expect(FileSystem.freeName("p", in: folder, reserving: [".error.json"]) == "p")
        }
    }
}

/// Names of up to 255 bytes come in; what the daemon adds to one must fit too.
@Suite struct LongNameTests {
    private let long = String(repeating: "L", count: 251) + ".txt"

    @Test func aSuffixThatFitsIsSimplyAdded() {
        #expect(FileSystem.name(FileName("a.txt"), withSuffix: ".error.json") == "a.txt.error.json")
    }

    @Test func aNameTooLongForItsSuffixIsShortenedKeepingTheSuffixWhole() {
        let shortened = FileSystem.name(FileName(long), withSuffix: ".error.json")
        #expect(shortened.bytes.count == FileSystem.maxNameBytes)
        #expect(shortened.hasSuffix(".error.json"))
        #expect(shortened.hasPrefix(String(repeating: "L", count: 200)))
        // Two long names shortened stay two names.
        #expect(shortened != FileSystem.name(FileName(String(repeating: "L", count: 251) + ".txu"), withSuffix: ".error.json"))
    }

    @Test func shorteningNeverSplitsACharacter() {
        let name = FileName(String(repeating: "é", count: 127))
        let shortened = FileSystem.name(name, withSuffix: ".1")
        #expect(shortened.bytes.count <= FileSystem.maxNameBytes)
        #expect(shortened.isUTF8)
        #expect(shortened.text.hasSuffix(".1"))
        #expect(shortened.text.hasPrefix("éé"))
    }

    @Test func aLongNameTakenInTheDestinationMovesUnderAShortenedOne() async throws {
        try await withTemporaryFolder { data throws in
            let inbox = data + "/inbox", processed = data + "/processed"
            try FileSystem.makeDirectory(inbox)
            try FileSystem.makeDirectory(processed)
            try Data("first".utf8).write(to: URL(fileURLWithPath: processed + "/" + long))
            try Data("second".utf8).write(to: URL(fileURLWithPath: inbox + "/" + long))
            let movedTo = try FileSystem.move(FileName(long), from: inbox, to: processed)
            #expect(movedTo == FileSystem.name(FileName(long), withSuffix: ".1"))
            #expect(try String(contentsOfFile: processed + "/" + movedTo.text, encoding: .utf8) == "second")
            #expect(try String(contentsOfFile: processed + "/" + long, encoding: .utf8) == "first")
        }
    }

    @Test func aReportForALongNameIsCreatedUnderAShortenedName() async throws {
        try await withTemporaryFolder { folder throws in
            let report = FileSystem.name(FileName(long), withSuffix: ".error.json")
            #expect(try FileSystem.createNew(Array("{}".utf8), named: report, in: folder) == report)
            #expect(try FileSystem.createNew(Array("{}".utf8), named: report, in: folder)
                    == FileSystem.name(report, withSuffix: ".1"))
        }
    }
}
