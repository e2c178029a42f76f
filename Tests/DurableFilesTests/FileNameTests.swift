import DurableFiles
import Foundation
import Testing
import TimelineTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Names are bytes; they are shown escaped.
@Suite struct FileNameTests {
    @Test func aUTF8NameIsItsText() {
        let name = FileName("Воєнні втрати.txt")
        #expect(name.isUTF8)
        #expect(name.text == "Воєнні втрати.txt")
        #expect(name.shown == "Воєнні втрати.txt")
    }

    @Test func bytesThatAreNotUTF8AreWrittenAsHexInItsText() {
        let name = FileName(bytes: Array("bad".utf8) + [0xFF, 0xFE] + Array("name-é.txt".utf8))
        #expect(!name.isUTF8)
        #expect(name.text == "bad\\xFF\\xFEname-é.txt")
    }

    @Test func controlCharactersAreShownEscaped() {
        #expect(FileName("new\nline.txt").shown == "new\\x0Aline.txt")
        #expect(FileName("\u{1B}[2J\u{1B}[31mFAKE\u{1B}[0m.txt").shown == "\\x1B[2J\\x1B[31mFAKE\\x1B[0m.txt")
        #expect(FileName("evil\u{202E}txt.exe").shown == "evil\\u{202E}txt.exe")
        #expect(FileName("tab\tand\u{7F}del").description == "tab\\x09and\\x7Fdel")
        // The text recorded keeps the name as it is.
        #expect(FileName("new\nline.txt").text == "new\nline.txt")
    }

    @Test func aNameThatIsNotUTF8IsListedMovedAndFoundByItsBytes() async throws {
        try await withTemporaryFolder { data throws in
            let inbox = data + "/inbox", processed = data + "/processed"
            try FileSystem.makeDirectory(inbox)
            try FileSystem.makeDirectory(processed)
            let name = FileName(bytes: Array("bad".utf8) + [0xFF, 0xFE, 0x0A] + Array(".txt".utf8))
            let fd = open(name.path(in: inbox), O_WRONLY | O_CREAT | O_EXCL, 0o644)
            #expect(fd >= 0)
            close(fd)
            #expect(try FileSystem.entries(inbox) == [name])
            #expect(try FileSystem.move(name, from: inbox, to: processed) == name)
            #expect(try FileSystem.entries(processed) == [name])
            #expect(FileSystem.exists(name, in: processed))
            #expect(try FileSystem.entries(inbox).isEmpty)
        }
    }
}
