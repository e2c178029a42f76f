import Testing
@testable import Timeline

/// How a file's bytes become the text the extractor reads.
@Suite struct DocumentContentTests {
    let text = "Russia has lost 70,000 soldiers, the ministry said. Київ"

    @Test func utf8IsReadAsItIs() {
        let content = DocumentContent(bytes: Array(text.utf8))
        #expect(content.text == text)
        #expect(content.encoding == .utf8)
        #expect(!content.repaired)
        #expect(content.refusal == nil)
    }

    @Test func utf16IsDecodedByItsByteOrderMark() {
        let littleEndian: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bigEndian: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(DocumentContent(bytes: littleEndian).text == text)
        #expect(DocumentContent(bytes: littleEndian).encoding == .utf16LittleEndian)
        #expect(DocumentContent(bytes: bigEndian).text == text)
        #expect(DocumentContent(bytes: bigEndian).encoding == .utf16BigEndian)
    }

    @Test func asciiInUTF16IsKnownWithoutAMark() {
        let ascii = "Ukraine said 500 soldiers were killed."
        let content = DocumentContent(bytes: ascii.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(content.encoding == .utf16LittleEndian)
        #expect(content.text == ascii)
        #expect(content.refusal == nil)
    }

    @Test func aCutUTF16TextIsRepaired() {
        let bytes: [UInt8] = [0xFF, 0xFE] + "Kyiv".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0x41]
        let content = DocumentContent(bytes: bytes)
        #expect(content.text == "Kyiv\u{FFFD}")
        #expect(content.repaired)
    }

    @Test func latin1IsTextWithItsBadBytesReplaced() {
        let content = DocumentContent(bytes: Array("Caf".utf8) + [0xE9] + Array(" 500 killed".utf8))
        #expect(content.refusal == nil)
        #expect(content.repaired)
        #expect(content.text == "Caf\u{FFFD} 500 killed")
    }

    @Test(arguments: [
        (Array("%PDF-1.7 5000".utf8), "not a text: a PDF"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], "not a text: a PNG image"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14], "not a text: a ZIP archive"),
        (Array("500 killed".utf8) + [0x00] + Array("more".utf8), "not a text: it holds zero bytes"),
        (Array(repeating: 0x01, count: 5) + Array(repeating: 0x41, count: 100), "not a text: 5 control codes in its first 105 bytes"),
    ] as [([UInt8], String)])
    func whatIsNotTextIsRefused(bytes: [UInt8], message: String) {
        let content = DocumentContent(bytes: bytes)
        #expect(content.refusal == DocumentContent.Refusal(reason: "binary", message: message))
        #expect(content.text == "")
    }
}
