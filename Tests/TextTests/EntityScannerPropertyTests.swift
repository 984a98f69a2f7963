import XCTest
@testable import Text

/// Scans many generated texts full of digits, separators and non-ASCII characters and checks
/// what must hold for every result.
final class EntityScannerPropertyTests: XCTestCase {
    /// SplitMix64, so every run sees the same texts.
    private struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    private static let pieces = [
        "0", "1", "2", "3", "6", "9", "06", "31", "+", "(", ")", "-", ".", " ", " ", ",", "@", "a", "B",
        "SA", "AB", "nl", "x.nl", "straat ", "nr ", "é", "–", "🦢", "\u{00A0}", "\n", "111222333", "2221",
        "Dorpsstraat ", "hs", "bis", ":", "12345678", "071", "5123456",
    ]

    private func assertWellFormed(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let found = EntityScanner.scan(text)
        let count = text.utf8.count
        func check(_ ranges: [TextRange], _ kind: String) {
            var previousEnd = 0
            for r in ranges {
                XCTAssertTrue(r.start >= previousEnd && r.start < r.end && r.end <= count,
                              "\(kind) range \(r) in \(text.debugDescription)", file: file, line: line)
                previousEnd = r.end
            }
        }
        check(found.postcodes.map(\.range), "postcode")
        check(found.houseNumbers.map(\.range), "house number")
        check(found.phones.map(\.range), "phone")
        check(found.emails.map(\.range), "email")
        check(found.bsns.map(\.range), "bsn")
        for match in found.postcodes {
            XCTAssertEqual(Postcode.normalize(entityText(text, match.range)), match.postcode, text.debugDescription,
                           file: file, line: line)
        }
        for match in found.bsns {
            let digits = entityText(text, match.range).filter(\.isNumber)
            XCTAssertTrue(BSN.isValid(digits), text.debugDescription, file: file, line: line)
        }
        for match in found.phones {
            XCTAssertTrue(match.number.hasPrefix("+31") && match.number.dropFirst().allSatisfy(\.isNumber),
                          text.debugDescription, file: file, line: line)
        }
        XCTAssertEqual(Redaction.redactBSNs(text).contains("[BSN]"), !found.bsns.isEmpty, text.debugDescription,
                       file: file, line: line)
    }

    func testGeneratedTexts() {
        var generator = Generator(state: 2221)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<generator.next(30) {
                text += Self.pieces[generator.next(Self.pieces.count)]
            }
            assertWellFormed(text)
        }
    }
}
