import Delivery
import XCTest

final class SafeFilenameTests: XCTestCase {
    func testDirectoryPartsAreStripped() {
        assertSafe("../../etc/passwd", "passwd")
        assertSafe("a/b\\c.pdf", "c.pdf")
        assertSafe("C:\\Users\\jan\\Bureaublad\\scan.pdf", "scan.pdf")
        assertSafe("/", "attachment")
        assertSafe("map/", "attachment")
        assertSafe("..\\..\\boot.ini", "boot.ini")
    }

    func testDotsAndLeadingOrTrailingJunk() {
        assertSafe(".bashrc", "bashrc")
        assertSafe("..", "attachment")
        assertSafe("....", "attachment")
        assertSafe("a..b.pdf", "a.b.pdf")
        assertSafe("  . .verslag.pdf. . ", "verslag.pdf")
        assertSafe("", "attachment")
        assertSafe("   ", "attachment")
    }

    func testControlAndInvisibleCharactersAreRemoved() {
        assertSafe("\u{0}evil", "evil")
        assertSafe("a\u{7F}b\u{9B}c\u{1B}d\u{0}.txt", "abcd.txt")
        assertSafe("factuur\u{202E}fdp.exe", "factuurfdp.exe")
        assertSafe("zero\u{200B}width", "zerowidth")
    }

    func testWhitespaceCollapses() {
        assertSafe("brief\t\n  aan\u{00A0}\u{00A0}de   gemeente.pdf", "brief aan de gemeente.pdf")
        assertSafe("a \u{0} b", "a b")
    }

    func testUnicodeLettersAreKeptAndNormalized() {
        assertSafe("Aanvraag Wmo – ĳzeren trap 日本語.pdf", "Aanvraag Wmo – ĳzeren trap 日本語.pdf")
        assertSafe("e\u{301}e\u{301}n.txt", "\u{E9}\u{E9}n.txt")
    }

    func testWindowsUnsafeNames() {
        assertSafe("CON", "_CON")
        assertSafe("con.txt", "_con.txt")
        assertSafe("COM1.pdf", "_COM1.pdf")
        assertSafe("lpt9", "_lpt9")
        assertSafe("nul .txt", "_nul .txt")
        assertSafe("CONSOLE.txt", "CONSOLE.txt")
        assertSafe("COMPUTER.pdf", "COMPUTER.pdf")
        assertSafe("a<b>c:d\"e|f?g*h.txt", "a_b_c_d_e_f_g_h.txt")
        assertSafe("-rf", "_-rf")
    }

    func testLongNamesAreCutKeepingTheExtension() {
        let long = SafeFilename.sanitize(String(repeating: "x", count: 300) + ".pdf")
        XCTAssertEqual(long, String(repeating: "x", count: 96) + ".pdf")

        let accents = SafeFilename.sanitize(String(repeating: "é", count: 200) + ".docx")
        XCTAssertLessThanOrEqual(accents.utf8.count, 100)
        XCTAssertEqual(accents, String(repeating: "é", count: 47) + ".docx")

        let family = "👨‍👩‍👧"
        let emoji = SafeFilename.sanitize(String(repeating: family, count: 30) + ".png")
        XCTAssertLessThanOrEqual(emoji.utf8.count, 100)
        XCTAssertTrue(emoji.hasSuffix(".png"))
        // Zero-width joiners are format characters and go, so the family falls apart into
        // people; no person is cut in half.
        XCTAssertTrue(emoji.dropLast(4).allSatisfy { ["👨", "👩", "👧"].contains($0) }, emoji)

        let noExtension = SafeFilename.sanitize("a." + String(repeating: "y", count: 200))
        XCTAssertEqual(noExtension, "a." + String(repeating: "y", count: 98))

        let oneHugeCharacter = SafeFilename.sanitize("e" + String(repeating: "\u{301}", count: 120) + ".txt")
        XCTAssertLessThanOrEqual(oneHugeCharacter.utf8.count, 100)
        XCTAssertEqual(oneHugeCharacter.unicodeScalars.first, "\u{E9}")
        XCTAssertTrue(oneHugeCharacter.hasSuffix(".txt"))
    }

    func testCollidingNamesGetNumbers() {
        XCTAssertEqual(
            SafeFilename.uniqueNames(["scan.pdf", "scan.pdf", "SCAN.PDF", "scan-2.pdf", "foto"]),
            ["scan.pdf", "scan-2.pdf", "SCAN-3.PDF", "scan-2-2.pdf", "foto"])
        XCTAssertEqual(
            SafeFilename.uniqueNames(["", "../", "a/.."]),
            ["attachment", "attachment-2", "attachment-3"])
        XCTAssertEqual(SafeFilename.uniqueNames(["a/x.txt", "b/x.txt"]), ["x.txt", "x-2.txt"])
        XCTAssertEqual(SafeFilename.uniqueNames([]), [])
    }

    func testCollidingLongNamesStayWithinTheLimit() {
        let long = String(repeating: "z", count: 300) + ".pdf"
        let names = SafeFilename.uniqueNames([long, long])
        XCTAssertEqual(names[0], String(repeating: "z", count: 96) + ".pdf")
        XCTAssertEqual(names[1], String(repeating: "z", count: 94) + "-2.pdf")
    }

    func testHostileInputsAlwaysGiveSafeNames() {
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", "é", "ĳ", "日", ".", ".", "/", "\\", " ", "\t", "\n", "\u{0}", "\u{7F}",
            "\u{85}", "\u{9F}", "\u{202E}", "\u{200D}", "-", ":", "*", "👩", "\u{301}", "C", "O", "N",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            var scalars = String.UnicodeScalarView()
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 57)
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                scalars.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            assertIsSafe(SafeFilename.sanitize(String(scalars)), from: String(scalars))
        }
    }

    private func assertSafe(
        _ input: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let safe = SafeFilename.sanitize(input)
        XCTAssertEqual(safe, expected, "for \(input.debugDescription)", file: file, line: line)
        assertIsSafe(safe, from: input, file: file, line: line)
    }

    private func assertIsSafe(
        _ name: String, from input: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let why = "\(name.debugDescription) from \(input.debugDescription)"
        XCTAssertFalse(name.isEmpty, why, file: file, line: line)
        XCTAssertLessThanOrEqual(name.utf8.count, SafeFilename.maxBytes, why, file: file, line: line)
        XCTAssertFalse(name.contains("/") || name.contains("\\") || name.contains(".."), why, file: file, line: line)
        XCTAssertFalse(name.hasPrefix(".") || name.hasPrefix(" ") || name.hasPrefix("-"), why, file: file, line: line)
        XCTAssertFalse(name.hasSuffix(".") || name.hasSuffix(" "), why, file: file, line: line)
        XCTAssertFalse(
            name.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
            why, file: file, line: line)
        XCTAssertFalse(name.contains("  "), why, file: file, line: line)
        XCTAssertEqual(SafeFilename.sanitize(name), name, "not stable: \(why)", file: file, line: line)
    }
}
