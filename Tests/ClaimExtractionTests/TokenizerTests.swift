import Testing
@testable import ClaimExtraction

@Suite struct TokenizerTests {
    @Test func aTokenKeepsEveryKindAndMarkInOneByte() {
        #expect(MemoryLayout<Token>.stride == 32)
        for kind in Token.Kind.allCases {
            for mark in Token.Mark.allCases {
                var token = Token(
                    start: 1, end: 2, kind: kind, mark: mark, flags: .capitalized, keyword: .none, digits: 3, hash: 4,
                    entry: 5, value: 6)
                #expect(token.kind == kind && token.mark == mark)
                token.kind = .punctuation
                #expect(token.kind == .punctuation && token.mark == mark)
                token.mark = .other
                #expect(token.kind == .punctuation && token.mark == .other && token.flags == .capitalized && token.digits == 3)
            }
        }
    }

    private func numbers(_ text: String) -> [Double] {
        Scoped(text).tokens.filter { $0.kind == .number }.map(\.value)
    }

    @Test func commasGroupThousands() {
        #expect(numbers("Moscow said 5,937 soldiers and 100,000 troops") == [5937, 100_000])
        #expect(numbers("1,067 military bases") == [1067])
    }

    @Test func aDateWrittenWithDotsIsThreeNumbers() {
        #expect(numbers("from 24.02.22 to 05.10.2023") == [24, 2, 22, 5, 10, 2023])
        #expect(numbers("3.392 soldiers and 1.500.000 people, 1.5 million and 2.05") == [3392, 1_500_000, 1.5, 2.05])
        #expect(numbers("version 1.2.3.4 and 12.05.20245") == [1.2, 3.4, 12.05, 20245])
    }

    @Test func indianGroupingReadsLakhsOfDigits() {
        #expect(numbers("1,00,000 Russian soldiers and 10,00,000 people") == [100_000, 1_000_000])
    }

    @Test func spacesAndDotsGroupThousandsInTranslatedText() {
        #expect(numbers("about 100 000 soldiers") == [100_000])
        #expect(numbers("about 100\u{00A0}000 soldiers") == [100_000])
        #expect(numbers("killed 1.500 soldiers and 2.000.000 fled") == [1500, 2_000_000])
    }

    @Test func decimalsStayDecimalsBeforeAScale() {
        #expect(numbers("1.5 million refugees, 7.8 million people") == [1.5, 7.8])
        #expect(numbers("1.500 million") == [1.5])
        #expect(numbers("1,5 million refugees") == [1.5])
    }

    @Test func aScaleGluedToDigitsMultiplies() {
        #expect(numbers("8m refugees and 15k dead") == [8_000_000, 15_000])
    }

    @Test func ordinalsAndCodesAreNotNumbers() {
        let tokens = Scoped("(10th November) T-72 tanks and M1 Abrams, 2S19 guns").tokens
        #expect(tokens.first { $0.kind == .ordinal }?.value == 10)
        #expect(tokens.contains { $0.kind == .code })
        #expect(tokens.filter { $0.kind == .number }.map(\.value) == [72])
    }

    @Test func anEmojiIsAMarkNotAWord() {
        let tokens = Scoped("🔴 Kharkiv 📊, Mediazona").tokens
        #expect(tokens.filter(\.isWord).count == 2)
        #expect(tokens.first { $0.isWord }?.has(.capitalized) == true)
    }

    @Test func aPossessiveIsAWordOfItsOwn() {
        let scoped = Scoped("Moscow’s latest update and Russia's losses")
        let clitics = scoped.tokens.filter { $0.hash == WordHash.of("'s") }
        #expect(clitics.count == 2)
    }

    @Test func abbreviationsKeepTheirFullStop() {
        let tokens = Scoped("Gen. Mark A. Milley of the U.S. said").tokens
        #expect(tokens.filter { $0.mark == .period }.isEmpty)
        #expect(tokens.contains { $0.hash == WordHash.of("us") && $0.has(.abbreviation) })
    }

    @Test func wordsHashAndCapitaliseAlikeReadEightLettersAtATime() {
        // Every length across the eight-byte blocks, alone and before an
        // apostrophe, a letter outside ASCII or a comma, capitals or not.
        let letters = Array("KyivKHARKIVdonetskZaporizhzhiaUNSCmariupol")
        for length in 1...24 {
            let word = String(letters.prefix(length))
            for text in [word, word.uppercased(), word + "'s", word + "é", "x " + word + ", y"] {
                let tokens = Scoped(text).tokens
                let found = tokens.first { Int($0.start) == (text.hasPrefix("x ") ? 2 : 0) }
                let written = text.hasPrefix("x ") ? word : String(text.prefix { $0.isLetter || $0.isNumber })
                #expect(found?.hash == WordHash.of(written), "\(text)")
                let capitals = written.allSatisfy { $0.isASCII && $0.isUppercase } && written.count >= 2
                #expect(found?.has(.allCaps) == capitals, "\(text)")
            }
        }
    }

    @Test func curlyQuotesOpenAndClose() {
        let tokens = Scoped("Russia has ‘well over’ 100,000 and “significantly more than”").tokens
        #expect(tokens.filter { $0.mark == .openQuote }.count == 2)
        #expect(tokens.filter { $0.mark == .closeQuote }.count == 2)
    }
}
