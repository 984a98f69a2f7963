import XCTest
import Mail

final class CharsetsTests: XCTestCase {
    func testLatin9DiffersFromLatin1InEightPositions() {
        let bytes: [UInt8] = [0xA4, 0xA6, 0xA8, 0xB4, 0xB8, 0xBC, 0xBD, 0xBE]
        XCTAssertEqual(Charsets.decode(bytes, charset: "ISO-8859-15"), "€ŠšŽžŒœŸ")
        XCTAssertEqual(Charsets.decode(bytes, charset: "iso-8859-1"), "¤¦¨´¸¼½¾")
        XCTAssertEqual(Charsets.decode([0xE9], charset: "latin9"), "é")
    }

    func testLatin1IsReadAsWindows1252LikeMailReaders() {
        XCTAssertEqual(Charsets.decode([0x80, 0x93, 0x94], charset: "iso-8859-1"), "€“”")
        XCTAssertEqual(Charsets.decode([0x80, 0x81], charset: "windows-1252"), "€\u{FFFD}")
    }

    func testWindowsAndISOCodePages() {
        XCTAssertEqual(Charsets.decode([0x8A, 0x9A, 0xE8], charset: "windows-1250"), "Ššč")
        XCTAssertEqual(Charsets.decode([0xCF, 0xF0, 0xE8], charset: "cp1251"), "При")
        XCTAssertEqual(Charsets.decode([0xC1, 0xE1], charset: "windows-1253"), "Αα")
        XCTAssertEqual(Charsets.decode([0xD0, 0xFD], charset: "windows-1254"), "Ğı")
        XCTAssertEqual(Charsets.decode([0xA3, 0xB1], charset: "ISO_8859-2"), "Łą")
        XCTAssertEqual(Charsets.decode([0xF0, 0xD2, 0xC9], charset: "KOI8-R"), "При")
    }

    func testEastAsianCharsets() {
        XCTAssertEqual(Charsets.decode([0x82, 0xA0, 0x93, 0xFA], charset: "Shift_JIS"), "あ日")
        XCTAssertEqual(Charsets.decode([0xA4, 0xA2, 0xC6, 0xFC, 0x41, 0x8E, 0xB1], charset: "EUC-JP"), "あ日Aｱ")
        XCTAssertEqual(Charsets.decode(Array("\u{1B}$B$\"F|\u{1B}(B".utf8), charset: "iso-2022-jp"), "あ日")
        XCTAssertEqual(Charsets.decode([0xC4, 0xE3, 0xBA, 0xC3], charset: "gb2312"), "你好")
        XCTAssertEqual(Charsets.decode([0xC4, 0xE3, 0xBA, 0xC3], charset: "GBK"), "你好")
        XCTAssertEqual(Charsets.decode([0xA7, 0x41, 0xA6, 0x6E], charset: "big5"), "你好")
        XCTAssertEqual(Charsets.decode([0xBE, 0xC8, 0xB3, 0xE7], charset: "ks_c_5601-1987"), "안녕")
    }

    func testInvalidBytesBecomeReplacementCharactersOnly() {
        XCTAssertEqual(Charsets.decode([0x41, 0xFF, 0x42], charset: "utf-8"), "A\u{FFFD}B")
        XCTAssertEqual(Charsets.decode([0x41, 0x82, 0xA0, 0xFF, 0xFF, 0x42], charset: "shift_jis"), "Aあ\u{FFFD}\u{FFFD}B")
    }

    func testUnicodeEncodingsWithAndWithoutByteOrderMark() {
        XCTAssertEqual(Charsets.decode([0xFE, 0xFF, 0x00, 0x48, 0x00, 0xE9], charset: "utf-16"), "Hé")
        XCTAssertEqual(Charsets.decode([0x48, 0x00, 0xE9, 0x00], charset: "UTF-16"), "Hé")
        XCTAssertEqual(Charsets.decode([0x00, 0x48], charset: "utf-16be"), "H")
        XCTAssertEqual(Charsets.decode([0x48, 0x00, 0x00, 0x00], charset: "utf-32le"), "H")
    }

    func testUnknownOrMissingCharsetIsBestEffort() {
        XCTAssertEqual(Charsets.decode(Array("café".utf8), charset: "x-unknown"), "café")
        XCTAssertEqual(Charsets.decode([0x63, 0x61, 0x66, 0xE9], charset: nil), "café")
        XCTAssertEqual(Charsets.decode([0x63, 0x61, 0x66, 0xE9], charset: "us-ascii"), "café")
        XCTAssertEqual(Charsets.decode([0x81], charset: "bogus"), "\u{FFFD}")
        XCTAssertTrue(Charsets.isKnown("UTF8"))
        XCTAssertFalse(Charsets.isKnown("x-unknown"))
    }
}
