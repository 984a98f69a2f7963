// Fixtures/dutch-stems.tsv holds one `word<TAB>stem` line for every word of
// Fixtures/dutch-words.txt, stemmed by Python's snowballstemmer 3.0.1 with
// algorithm "dutch" (the Snowball 3 Dutch stemmer, not "dutch_porter"). It was made
// from the repository root with:
//
//   pip install snowballstemmer==3.0.1
//   scripts/make-stemmer-fixture Tests/TextTests/Fixtures/dutch-words.txt \
//       > Tests/TextTests/Fixtures/dutch-stems.tsv

import Foundation
import XCTest

import Text

final class DutchStemmerTests: XCTestCase {
    private let stemmer = DutchStemmer()

    func testEveryFixtureLineMatchesSnowball() throws {
        let url = try XCTUnwrap(
            Bundle.module.url(forResource: "dutch-stems", withExtension: "tsv", subdirectory: "Fixtures"),
            "fixture Fixtures/dutch-stems.tsv is missing from the test bundle")
        let text = try String(contentsOf: url, encoding: .utf8)
        var checked = 0
        var mismatches: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                mismatches.append("line \(index + 1): not word<TAB>stem: \(line)")
                continue
            }
            let word = String(fields[0])
            let expected = String(fields[1])
            let viaString = stemmer.stem(word)
            let viaBytes = String(decoding: stemmer.stem(Array(word.utf8)), as: UTF8.self)
            if viaString != expected || viaBytes != expected {
                mismatches.append(
                    "line \(index + 1): \(word) -> expected \(expected), String path \(viaString), byte path \(viaBytes)")
            }
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 2_000, "fixture is too small")
        XCTAssert(
            mismatches.isEmpty,
            "\(mismatches.count) of \(checked) fixture lines differ from snowballstemmer:\n"
                + mismatches.prefix(20).joined(separator: "\n"))
    }

    func testEmptyWordStaysEmpty() {
        XCTAssertEqual(stemmer.stem(""), "")
        XCTAssertEqual(stemmer.stem([UInt8]()), [])
    }

    func testSingleLettersStayThemselves() {
        for letter in "abcdefghijklmnopqrstuvwxyzëéïü" {
            assertStem(String(letter), String(letter))
        }
    }

    func testShortWords() {
        assertStem("ij", "ij")
        assertStem("ge", "ge")
        assertStem("de", "de")
        assertStem("en", "en")
        assertStem("inn", "inn")
    }

    func testPluralsDiminutivesAndDerivations() {
        assertStem("lantaarnpalen", "lantaarnpaal")
        assertStem("stoeptegels", "stoeptegel")
        assertStem("verhuizing", "verhuis")
        assertStem("huisje", "huis")
        assertStem("boompje", "boom")
        assertStem("betaalbaar", "betaal")
        assertStem("vriendelijke", "vriendelijk")
        assertStem("schilderij", "schilder")
        assertStem("bakkerij", "bak")
    }

    func testGePrefixAndInfix() {
        assertStem("gebleven", "bleef")
        assertStem("opgehaald", "ophaal")
        assertStem("gevalideerd", "valideer")
        // Exceptions that keep their ge-.
        assertStem("gevallen", "geval")
        assertStem("gevaren", "gevaar")
        assertStem("geeft", "geef")
    }

    func testWordsWithDiacritics() {
        assertStem("geïnd", "inn")
        assertStem("innen", "inn")
        assertStem("geënt", "ent")
        assertStem("geïnformeerd", "informeer")
        assertStem("cafés", "café")
        assertStem("financiële", "financieel")
        assertStem("beëindiging", "beëind")
        assertStem("coördinatie", "coördineer")
        assertStem("privégebruik", "privébruik")
        assertStem("ruïnes", "ruïne")
        assertStem("knieën", "knieën")
        assertStem("müsli", "müsli")
    }

    func testYAndIJHandling() {
        assertStem("baby's", "baby")
        assertStem("hobby's", "hobby")
        assertStem("systemen", "systeem")
        assertStem("yoghurt", "yoghurt")
        assertStem("bijen", "bij")
        assertStem("kopijen", "kopij")
        assertStem("rijden", "rijd")
        assertStem("vrijwilligers", "vrijwil")
        assertStem("kraaien", "kraai")
        assertStem("uien", "ui")
        assertStem("meeuwen", "meeuw")
    }

    func testInvalidUTF8IsKeptAndActsAsOneNonVowel() {
        // snowballstemmer gives "\u{FFFD}boom" for "\u{FFFD}boompje".
        XCTAssertEqual(stemmer.stem([0xFF] + Array("boompje".utf8)), [0xFF] + Array("boom".utf8))
        XCTAssertEqual(stemmer.stem(Array("huis".utf8) + [0x80]), Array("huis".utf8) + [0x80])
        XCTAssertEqual(stemmer.stem([0xC3]), [0xC3])
        XCTAssertEqual(stemmer.stem([0xE2, 0x82]), [0xE2, 0x82])
    }

    func testStemCanBeLongerThanItsWord() {
        // -le goes, then the accented vowel is doubled: one byte more than the word.
        assertStem("formüle", "formüül")
        assertStem("capsüle", "capsüül")
        assertStem("verlegene", "verlegeen")
    }

    // MARK: Helpers

    /// Checks both the String and the byte path.
    private func assertStem(
        _ word: String, _ expected: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(stemmer.stem(word), expected, "String path for \(word)", file: file, line: line)
        XCTAssertEqual(
            stemmer.stem(Array(word.utf8)), Array(expected.utf8), "byte path for \(word)", file: file, line: line)
    }
}
