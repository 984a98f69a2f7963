import Text
import XCTest

final class PatternMatcherTests: XCTestCase {
    func testFindsEveryOccurrenceOfOverlappingPatterns() {
        assertMatches(["he", "she", "his", "hers"], in: "ushers", [("she", 4), ("he", 4), ("hers", 6)])
    }

    func testReportsRepeatedOccurrences() {
        assertMatches(["aa"], in: "aaaa", [("aa", 2), ("aa", 3), ("aa", 4)])
    }

    func testNoPatternsNoMatches() {
        assertMatches([], in: "anything", [])
    }

    func testPatternsWithSpacesMarkWordBoundaries() {
        assertMatches([" stank", "stank "], in: " lachgastank stankoverlast ", [("stank ", 13), (" stank", 18)])
    }

    func testMatchesMultiByteUTF8() {
        assertMatches(["café", "é"], in: "het café", [("é", 9), ("café", 9)])
    }

    func testAgreesWithNaiveSearchOnRandomInput() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abc ".utf8)
        for _ in 0..<50 {
            let patterns = (0..<20).map { _ in (0..<Int.random(in: 1...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! } }
            let text = (0..<200).map { _ in alphabet.randomElement(using: &generator)! }
            let matcher = PatternMatcher(patterns: patterns)
            var found: [[Int]] = []
            matcher.forEachMatch(in: text) { found.append([$0, $1]) }
            var expected: [[Int]] = []
            for end in 1...text.count {
                for (id, pattern) in patterns.enumerated() where pattern.count <= end && Array(text[(end - pattern.count)..<end]) == pattern {
                    expected.append([id, end])
                }
            }
            XCTAssertEqual(Set(found), Set(expected))
            XCTAssertEqual(found.count, expected.count)
        }
    }

    private func assertMatches(
        _ patterns: [String], in text: String, _ expected: [(String, Int)],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let matcher = PatternMatcher(patterns: patterns.map { Array($0.utf8) })
        var found: [String] = []
        matcher.forEachMatch(in: Array(text.utf8)) { id, end in found.append("\(patterns[id])@\(end)") }
        XCTAssertEqual(Set(found), Set(expected.map { "\($0.0)@\($0.1)" }), file: file, line: line)
        XCTAssertEqual(found.count, expected.count, "duplicates in \(found)", file: file, line: line)
    }
}
