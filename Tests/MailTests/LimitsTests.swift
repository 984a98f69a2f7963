import XCTest
import Mail

final class LimitsTests: XCTestCase {
    private func nestedMultiparts(depth: Int) -> [UInt8] {
        var text = "From: a@b.nl\n"
        for level in 0..<depth {
            text += "Content-Type: multipart/mixed; boundary=\"b\(level)\"\n\n--b\(level)\n"
        }
        text += "Content-Type: text/plain\n\ndeep\n"
        for level in (0..<depth).reversed() { text += "--b\(level)--\n" }
        return Array(text.utf8)
    }

    func testNestingBombOfDepth1000Throws() {
        assertLimitError(nestedMultiparts(depth: 1000), mentioning: "nested more than 30 levels")
    }

    func testNestingWithinTheLimitParses() throws {
        let mail = try MailParser.parse(nestedMultiparts(depth: 30))
        XCTAssertEqual(mail.bodyText, "deep")
        assertLimitError(nestedMultiparts(depth: 31), mentioning: "nested more than 30")
    }

    func testEmbeddedMessageBombThrows() {
        var text = ""
        for _ in 0..<1000 { text += "Subject: x\nContent-Type: message/rfc822\n\n" }
        text += "Subject: last\n\nbody\n"
        assertLimitError(Array(text.utf8), mentioning: "nested more than 30 levels")
    }

    private func flatMultipart(parts: Int) -> [UInt8] {
        var text = "From: a@b.nl\nContent-Type: multipart/mixed; boundary=\"x\"\n\n"
        for number in 0..<parts { text += "--x\n\npart \(number)\n" }
        return Array((text + "--x--\n").utf8)
    }

    func testTenThousandPartsThrows() {
        assertLimitError(flatMultipart(parts: 10_000), mentioning: "more than 1000 MIME parts")
    }

    func testPartLimitCountsTheRoot() throws {
        XCTAssertEqual(try MailParser.parse(flatMultipart(parts: 999)).textParts.count, 999)
        assertLimitError(flatMultipart(parts: 1000), mentioning: "more than 1000 MIME parts")
        assertLimitError(flatMultipart(parts: 20), limits: MailLimits(maxParts: 10), mentioning: "more than 10 MIME parts")
    }

    func testDeliveryStatusGroupsCountAsParts() {
        let text = "Content-Type: message/delivery-status\n\n" + String(repeating: "A: b\n\n", count: 5000)
        assertLimitError(Array(text.utf8), mentioning: "MIME parts")
    }

    func testMessageSizeLimit() {
        let bytes = Array(("Subject: x\n\n" + String(repeating: "a", count: 200)).utf8)
        assertLimitError(bytes, limits: MailLimits(maxBytes: 100), mentioning: "more than 100")
        XCTAssertNoThrow(try MailParser.parse(bytes, limits: MailLimits(maxBytes: 1000)))
    }

    func testHeaderSizeLimit() {
        let bytes = Array(("Subject: " + String(repeating: "a", count: 2000) + "\n\nbody").utf8)
        assertLimitError(bytes, limits: MailLimits(maxHeaderBytes: 1000), mentioning: "header section larger than 1000 bytes")
    }

    func testDefaults() {
        XCTAssertEqual(MailLimits.default.maxBytes, 25 * 1024 * 1024)
        XCTAssertEqual(MailLimits.default.maxParts, 1000)
        XCTAssertEqual(MailLimits.default.maxDepth, 30)
        XCTAssertEqual(MailLimits.default.maxHeaderBytes, 1024 * 1024)
        XCTAssertEqual(MailError.limitExceeded("more than 1000 MIME parts").description,
                       "mail limit exceeded: more than 1000 MIME parts")
    }

    func testEmptyInputIsNotAMessage() {
        XCTAssertThrowsError(try MailParser.parse([])) { error in
            XCTAssertEqual(error as? MailError, .notAMessage("the input is empty"))
        }
        XCTAssertThrowsError(try MailParser.parse(Array(" \r\n\n".utf8)))
    }
}
