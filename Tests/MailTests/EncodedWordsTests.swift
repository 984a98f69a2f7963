import XCTest
import Mail

final class EncodedWordsTests: XCTestCase {
    private func assertDecodes(_ input: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(EncodedWords.decode(input), expected, file: file, line: line)
    }

    /// RFC 2047 section 8: the table of encoded-word pairs and the white space between them.
    func testRFC2047Section8WhiteSpaceExamples() {
        assertDecodes("(=?ISO-8859-1?Q?a?=)", "(a)")
        assertDecodes("(=?ISO-8859-1?Q?a?= b)", "(a b)")
        assertDecodes("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "(ab)")
        assertDecodes("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)", "(ab)")
        assertDecodes("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)", "(ab)")
        assertDecodes("(=?ISO-8859-1?Q?a_b?=)", "(a b)")
        assertDecodes("(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)", "(a b)")
    }

    /// RFC 2047 section 8: the example header fields.
    func testRFC2047Section8HeaderExamples() {
        assertDecodes("=?US-ASCII?Q?Keith_Moore?= <moore@cs.utk.edu>", "Keith Moore <moore@cs.utk.edu>")
        assertDecodes("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>", "Keld Jørn Simonsen <keld@dkuug.dk>")
        assertDecodes("=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>", "André Pirard <PIRARD@vm1.ulg.ac.be>")
        assertDecodes(
            "=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\r\n =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=",
            "If you can read this you understand the example.")
        assertDecodes("=?ISO-8859-1?Q?Olle_J=E4rnefors?= <ojarnef@admin.kth.se>", "Olle Järnefors <ojarnef@admin.kth.se>")
        assertDecodes("Nathaniel Borenstein <nsb@thumper.bellcore.com> (=?iso-8859-8?b?7eXs+SDv4SDp7Oj08A==?=)",
                      "Nathaniel Borenstein <nsb@thumper.bellcore.com> (םולש ןב ילטפנ)")
        assertDecodes("Patrik =?ISO-8859-1?Q?F=E4ltstr=F6m?= <paf@nada.kth.se>", "Patrik Fältström <paf@nada.kth.se>")
    }

    /// RFC 2231 section 5: a language tag inside the charset of an encoded word.
    func testRFC2231LanguageInEncodedWord() {
        assertDecodes("=?US-ASCII*EN?Q?Keith_Moore?=", "Keith Moore")
        assertDecodes("=?utf-8*nl?Q?Gemeente_=C3=A9n_burger?=", "Gemeente én burger")
    }

    func testAdjacentWordsInOneCharsetAreJoinedBeforeDecoding() {
        // "é" (C3 A9) split over two B words.
        assertDecodes("=?UTF-8?B?w6==?= =?UTF-8?B?qQ==?=", "é")
        assertDecodes("=?utf-8?q?caf=C3?= =?utf-8?q?=A9?=", "café")
    }

    func testCharsetsAndCaseOfEncoding() {
        assertDecodes("=?windows-1252?q?=80_5?=", "€ 5")
        assertDecodes("=?iso-8859-15?Q?=A4?=", "€")
        assertDecodes("=?koi8-r?B?8NLJ18XU?=", "Привет")
        assertDecodes("=?ISO-2022-JP?B?GyRCJF4kXyRgJGEkYhsoQg==?=", "まみむめも")
        assertDecodes("=?utf-8?b?w6lsw6k=?=", "élé")
    }

    func testUnknownCharsetDecodesBestEffort() {
        assertDecodes("=?x-unknown?Q?caf=C3=A9?=", "café")
        assertDecodes("=?none?Q?caf=E9?=", "café")
    }

    func testMalformedWordsStayLiteral() {
        assertDecodes("=?utf-8?x?abc?=", "=?utf-8?x?abc?=")
        assertDecodes("=?utf-8?q?unterminated", "=?utf-8?q?unterminated")
        assertDecodes("a =? b ?= c", "a =? b ?= c")
        assertDecodes("=??q?abc?=", "=??q?abc?=")
    }

    func testWordsInsideTextAndNonWhiteSpaceBetween() {
        assertDecodes("Re:=?utf-8?q?f=C3=BCr?=x", "Re:fürx")
        assertDecodes("=?utf-8?q?a?= - =?utf-8?q?b?=", "a - b")
    }
}
