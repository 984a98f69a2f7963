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
        assertAgreesWithNaiveSearch(alphabet: Array("abc ".utf8))
    }

    /// More than 32 byte classes: the automaton keeps wide rows (``TransitionTable``).
    func testAgreesWithNaiveSearchWithManyByteClasses() {
        assertAgreesWithNaiveSearch(alphabet: Array("abcdefghijklmnopqrstuvwxyz0123456789 -'|".utf8), patternLength: 1...3)
    }

    /// Two automata scanned together, one with narrow rows and one with wide, find what each
    /// finds alone.
    func testMatchersOfBothLayoutsScannedTogether() {
        let many = Array("abcdefghijklmnopqrstuvwxyz0123456789 -'|".utf8)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let narrow = PatternMatcher(patterns: (0..<30).map { _ in randomBytes(from: Array("ab ".utf8), count: 1...3, &generator) })
            let wide = PatternMatcher(patterns: (0..<300).map { _ in randomBytes(from: many, count: 1...3, &generator) })
            let first = randomBytes(from: many, count: 50...120, &generator)
            let second = randomBytes(from: many, count: 50...120, &generator)
            for (a, b) in [(narrow, wide), (wide, narrow), (wide, wide), (narrow, narrow)] {
                var alone: [[Int]] = []
                a.forEachMatch(in: first) { alone.append([0, $0, $1]) }
                b.forEachMatch(in: second) { alone.append([1, $0, $1]) }
                let together = PatternMatcher.matches(a, in: first, and: b, in: second).map { [$0.matcher, $0.pattern, $0.end] }
                XCTAssertEqual(together, alone)
            }
        }
    }

    private func assertAgreesWithNaiveSearch(
        alphabet: [UInt8], patternLength: ClosedRange<Int> = 1...4, file: StaticString = #filePath, line: UInt = #line
    ) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let patterns = (0..<20 * alphabet.count / 4).map { _ in randomBytes(from: alphabet, count: patternLength, &generator) }
            let text = randomBytes(from: alphabet, count: 200...200, &generator)
            let matcher = PatternMatcher(patterns: patterns)
            var found: [[Int]] = []
            matcher.forEachMatch(in: text) { found.append([$0, $1]) }
            var expected: [[Int]] = []
            for end in 1...text.count {
                for (id, pattern) in patterns.enumerated() where pattern.count <= end && Array(text[(end - pattern.count)..<end]) == pattern {
                    expected.append([id, end])
                }
            }
            XCTAssertEqual(Set(found), Set(expected), file: file, line: line)
            XCTAssertEqual(found.count, expected.count, file: file, line: line)
        }
    }

    private func randomBytes(from alphabet: [UInt8], count: ClosedRange<Int>, _ generator: inout SystemRandomNumberGenerator) -> [UInt8] {
        (0..<Int.random(in: count, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
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
