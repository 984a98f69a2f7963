import XCTest
import Mail

/// Raw 8-bit bytes inside an RFC 2047 encoded word belong to the word's declared charset, as
/// in Python's `email` (`message_from_bytes`, then `str(make_header(decode_header(...)))`).
final class RawBytesInEncodedWordsTests: XCTestCase {
    /// The subject of a mail whose header section is `header` followed by the raw `subject` bytes.
    private func subject(_ subject: [UInt8], charset: String? = nil,
                         file: StaticString = #filePath, line: UInt = #line) -> String? {
        var bytes = Array("From: a@example.nl\r\nSubject: ".utf8) + subject + Array("\r\n".utf8)
        if let charset {
            bytes += Array("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\(charset)\r\n".utf8)
        }
        bytes += Array("\r\nText.\r\n".utf8)
        do {
            return try MailParser.parse(bytes).subject
        } catch {
            XCTFail("parse failed: \(error)", file: file, line: line)
            return nil
        }
    }

    func testLatin1ByteInsideQWordIsDecodedOnce() {
        let raw = Array("=?iso-8859-1?Q?Die_Hasen_und_die_Fr".utf8) + [0xF6] + Array("sche?=".utf8)
        XCTAssertEqual(subject(raw), "Die Hasen und die Frösche")
        XCTAssertEqual(subject(raw, charset: "utf-8"), "Die Hasen und die Frösche")
    }

    func testLatin1ByteInsideQWordFollowedByLiteralText() {
        let raw = Array("Re: =?iso-8859-1?Q?Fr".utf8) + [0xF6] + Array("sche?= en meer".utf8)
        XCTAssertEqual(subject(raw), "Re: Frösche en meer")
    }

    func testRawUTF8InsideUTF8DeclaredWord() {
        let raw = Array("=?utf-8?Q?Fr".utf8) + [0xC3, 0xB6] + Array("sche_en_st=C3=BAff?=".utf8)
        XCTAssertEqual(subject(raw), "Frösche en stúff")
    }

    func testRawUTF8InsideLatin1DeclaredWordBelongsToLatin1() {
        // Python: the bytes C3 B6 read in ISO-8859-1 are "Ã¶".
        let raw = Array("=?iso-8859-1?Q?Fr".utf8) + [0xC3, 0xB6] + Array("sche?=".utf8)
        XCTAssertEqual(subject(raw), "Fr\u{C3}\u{B6}sche")
    }

    func testBWordIsUnaffectedByRawBytesAroundIt() {
        // "Frösche" in ISO-8859-1, base64; a raw Latin-1 "é" in the literal text after it.
        let raw = Array("=?iso-8859-1?B?RnL2c2NoZQ==?= caf".utf8) + [0xE9]
        XCTAssertEqual(subject(raw), "Frösche café")
        XCTAssertEqual(subject(raw, charset: "iso-8859-1"), "Frösche café")
    }

    func testWindows1252WordWithRawByte() {
        let raw = Array("=?windows-1252?Q?".utf8) + [0x80] + Array("_5?=".utf8)
        XCTAssertEqual(subject(raw), "€ 5")
    }

    func testStringDecodingIsUnchanged() {
        XCTAssertEqual(EncodedWords.decode("=?iso-8859-1?Q?Fr=F6sche?="), "Frösche")
        XCTAssertEqual(EncodedWords.decode(bytes: Array("plain".utf8)) { String(decoding: $0, as: UTF8.self) }, "plain")
    }
}
