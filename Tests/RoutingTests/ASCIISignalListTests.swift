@testable import Routing
import XCTest

/// The byte-level parse of plain signal lists against the `Character`-level one it stands in for.
final class ASCIISignalListTests: XCTestCase {
    private func value(_ text: String) -> IniValue { IniValue(text, at: SourceLocation(path: "r.conf", line: 7, column: 11)) }

    private func assertSameAsCharacters(_ text: String, weighted: Bool = true, file: StaticString = #filePath, line: UInt = #line) {
        let slow = SignalParser.parseCharacters(value(text), weighted: weighted)
        guard let fast = ASCIISignalList.parse(value(text), weighted: weighted) else { return }
        XCTAssertEqual(slow.diagnostics.map(\.description), [], "accepted a list with mistakes: \(text)", file: file, line: line)
        XCTAssertEqual(fast, slow.signals, text, file: file, line: line)
    }

    func testPlainListsTakeTheFastPathWithTheSameSignals() {
        let lists = [
            #"lantaarnpaal:3, stank*, "losse tegel":2, lachgas:-4"#,
            #"=brand, *container*, *tegels, 112:1.25,  "eh er" : +0.5 ,x-ray, o'clock"#,
            "\tbankje:-0.125",
        ]
        for list in lists {
            XCTAssertNotNil(ASCIISignalList.parse(value(list), weighted: true), list)
            assertSameAsCharacters(list)
        }
    }

    func testMistakesAndNonASCIIAreLeftToTheCharacterParser() {
        let lists = ["", "   ", "a:1,", "ab:0", "ab:101", "ab:1.2345", "ab:.5", "ab:3.", "\"open", "a*b", "=ab*", "-ab",
                     "ab-", "\"\"", "\"a\"b\"", "ab cd", "\"a *b\"", "ab:", ":3", "café", "x", "\"a\"", "ab:- 3"]
        for list in lists {
            XCTAssertNil(ASCIISignalList.parse(value(list), weighted: true), list)
        }
        XCTAssertNil(ASCIISignalList.parse(value("gaslek:2"), weighted: false), "urgent words take no weight")
        XCTAssertNotNil(ASCIISignalList.parse(value("gaslek, \"ruik gas\""), weighted: false))
    }

    /// Random lists from the characters that matter: whatever the fast path accepts, the
    /// `Character` parser accepts too, with the same signals.
    func testRandomListsAgreeWithTheCharacterParser() {
        let pieces = ["ab", "lamp", "x", "12", " ", "\t", ",", ":", "-", "'", "*", "=", "\"", ".", "+", "3", "0", "1.5", "-2", "é"]
        var state: UInt64 = 0x5EED
        var accepted = 0
        for _ in 0..<5_000 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<(2 + Int(state >> 60)) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            if ASCIISignalList.parse(value(text), weighted: true) != nil { accepted += 1 }
            assertSameAsCharacters(text)
            assertSameAsCharacters(text, weighted: false)
        }
        XCTAssertGreaterThan(accepted, 100, "the fast path must take plain lists")
    }
}
