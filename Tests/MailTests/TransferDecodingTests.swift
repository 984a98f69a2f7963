import XCTest
import Mail

final class TransferDecodingTests: XCTestCase {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    func testBase64ToleratesWhiteSpaceGarbageAndMissingPadding() {
        XCTAssertEqual(text(TransferDecoding.base64(Array("SGVs\r\nbG8g d29y\tbGQ=".utf8))), "Hello world")
        XCTAssertEqual(text(TransferDecoding.base64(Array("SGVsbG8".utf8))), "Hello")
        XCTAssertEqual(text(TransferDecoding.base64(Array("SG!!Vs*bG8@".utf8))), "Hello")
        XCTAssertEqual(text(TransferDecoding.base64(Array("SGk=IGlnbm9yZWQ=".utf8))), "Hi")
        XCTAssertEqual(TransferDecoding.base64(Array("Q".utf8)), [])
        XCTAssertEqual(TransferDecoding.base64([]), [])
    }

    func testQuotedPrintable() {
        let decode = { (input: String) in self.text(TransferDecoding.quotedPrintable(Array(input.utf8))) }
        XCTAssertEqual(decode("caf=C3=A9 =\r\nen=\nmeer"), "café enmeer")
        XCTAssertEqual(decode("lower =c3=a9"), "lower é")
        XCTAssertEqual(decode("broken =G1 and =4 and ="), "broken =G1 and =4 and ")
        XCTAssertEqual(decode("soft break with blanks=  \nnext"), "soft break with blanksnext")
        XCTAssertEqual(decode("double == sign"), "double = sign")
        XCTAssertEqual(text(TransferDecoding.quotedPrintable(Array("a_b".utf8), header: true)), "a b")
    }

    func testUUDecode() {
        let encoded = "begin 644 hallo.txt\n%:&%L;&\\`\n`\nend\n"
        let file = TransferDecoding.uudecode(Array(encoded.utf8))
        XCTAssertEqual(file?.name, "hallo.txt")
        XCTAssertEqual(file.map { text($0.data) }, "hallo")
        XCTAssertNil(TransferDecoding.uudecode(Array("no begin line".utf8)))
        XCTAssertEqual(text(TransferDecoding.decode(Array(encoded.utf8), encoding: "x-uuencode")), "hallo")
    }

    func testEncodingNamesAreNormalized() {
        XCTAssertEqual(text(TransferDecoding.decode(Array("YQ==".utf8), encoding: " Base64 ")), "a")
        XCTAssertEqual(text(TransferDecoding.decode(Array("=41".utf8), encoding: "quoted-printable;")), "A")
        XCTAssertEqual(text(TransferDecoding.decode(Array("=41".utf8), encoding: "8bit")), "=41")
        XCTAssertEqual(text(TransferDecoding.decode(Array("=41".utf8), encoding: nil)), "=41")
    }
}
