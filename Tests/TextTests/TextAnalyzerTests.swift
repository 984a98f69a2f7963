import Foundation
import Text
import XCTest

final class TextAnalyzerTests: XCTestCase {
    private let analyzer = TextAnalyzer()

    func testAnalysesOnManyThreadsAtOnceAgreeWithOneThread() {
        let analyzer = TextAnalyzer()
        let texts = (0..<64).map { "Melding \($0): de lantaarnpalen branden niet, stankoverlast bij woningen \($0 % 7)." }
        let expected = texts.map { analyzer.analyze($0).stems }
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for round in 0..<200 {
                let index = (worker * 31 + round) % texts.count
                XCTAssertEqual(analyzer.analyze(texts[index]).stems, expected[index])
            }
        }
    }

    func testFoldsCaseAndDiacritics() {
        XCTAssertEqual(TextFolding.fold("Één CAFÉ, ĳzer en Ĳsselmeer; naïef, Straße"), "een cafe, ijzer en ijsselmeer; naief, strasse")
    }

    func testFoldedStreamHasOneSpaceBetweenWordsAndBarsBetweenSentences() {
        assertFolded("De lamp is KAPOT. Graag snel!", " de lamp is kapot | graag snel ")
    }

    func testApostropheAndSoftHyphenStayInsideWords() {
        assertFolded("auto's en stoep\u{AD}tegels, ’s avonds", " autos en stoeptegels s avonds ")
    }

    func testHyphenSplitsWords() {
        assertFolded("ID-kaart", " id kaart ")
    }

    func testKeepsOriginalRangesOfEveryWord() {
        let text = "Één  lantaarnpaal"
        let analysed = analyzer.analyze(text)
        let words = analysed.tokens.map { String(decoding: Array(text.utf8)[$0.original], as: UTF8.self) }
        XCTAssertEqual(words, ["Één", "lantaarnpaal"])
    }

    func testStemsStreamIsAlignedWithFoldedStream() {
        let analysed = analyzer.analyze("lantaarnpalen kapot")
        XCTAssertEqual(analysed.tokens.count, 2)
        XCTAssertEqual(analysed.stems.first, 0x20)
        XCTAssertEqual(analysed.stems.last, 0x20)
        XCTAssertEqual(analysed.tokenIndex(stemOffset: analysed.tokens[1].stemStart), 1)
        XCTAssertEqual(analysed.tokenIndex(foldedOffset: analysed.tokens[1].foldedStart + 2), 1)
        XCTAssertNil(analysed.tokenIndex(foldedOffset: 0))
    }

    /// The walk from a word finds what the search finds, from any word, at any offset.
    func testWordFoundByWalkingFromAnyWordIsTheWordSearchedFor() {
        for text in ["", "kapot", "De lantaarnpalen zijn kapot. Al weken! Bel mij.", "één twee, drie vier vijf zes"] {
            let analysed = analyzer.analyze(text)
            for offset in 0..<analysed.folded.count {
                for hint in -1...analysed.tokens.count {
                    XCTAssertEqual(analysed.tokenIndex(offset: offset, folded: true, from: hint), analysed.tokenIndex(foldedOffset: offset), text)
                }
            }
            for offset in 0..<analysed.stems.count {
                for hint in -1...analysed.tokens.count {
                    XCTAssertEqual(analysed.tokenIndex(offset: offset, folded: false, from: hint), analysed.tokenIndex(stemOffset: offset), text)
                }
            }
        }
    }

    func testLimitCutsAtCharacterBoundary() {
        let analysed = analyzer.analyze("ééé", limit: 3)
        XCTAssertEqual(analysed.analysedBytes, 2)
        XCTAssertEqual(String(decoding: analysed.folded, as: UTF8.self), " e ")
    }

    func testEmptyAndPunctuationOnlyTextHaveNoWords() {
        XCTAssertTrue(analyzer.analyze("").isEmpty)
        XCTAssertTrue(analyzer.analyze(" ... !!! \n").isEmpty)
    }

    func testRepairedInvalidUTF8IsAnalysed() {
        let text = String(decoding: [0x6C, 0x61, 0x6D, 0x70, 0xFF, 0x6B, 0x61, 0x70, 0x6F, 0x74], as: UTF8.self)
        assertFolded(text, " lamp kapot ")
    }

    private func assertFolded(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(String(decoding: analyzer.analyze(text).folded, as: UTF8.self), expected, file: file, line: line)
    }
}
