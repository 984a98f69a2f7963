import XCTest
import Mail

final class NoiseDetectionTests: XCTestCase {
    private func noise(_ headers: String, body: String = "\nTekst\n", file: StaticString = #filePath, line: UInt = #line) -> String? {
        parseMail("From: a@b.nl\nSubject: x\n" + headers + body, file: file, line: line)?.noiseReason
    }

    func testAutoSubmitted() {
        XCTAssertEqual(noise("Auto-Submitted: auto-replied\n"), "Auto-Submitted: auto-replied")
        XCTAssertEqual(noise("Auto-Submitted: Auto-Generated (failure)\n"), "Auto-Submitted: auto-generated")
        XCTAssertNil(noise("Auto-Submitted: no\n"))
        XCTAssertNil(noise("Auto-Submitted: No (manual)\n"))
    }

    func testAutoreplyHeaders() {
        XCTAssertNotNil(noise("X-Autoreply: yes\n"))
        XCTAssertNotNil(noise("X-Autorespond: Afwezig\n"))
    }

    func testPrecedence() {
        XCTAssertEqual(noise("Precedence: bulk\n"), "Precedence: bulk")
        XCTAssertEqual(noise("Precedence: JUNK\n"), "Precedence: junk")
        XCTAssertEqual(noise("Precedence: auto_reply\n"), "Precedence: auto_reply")
        XCTAssertNil(noise("Precedence: list\n"))
    }

    func testDeliveryReports() {
        let report = """
            Content-Type: multipart/report; report-type=delivery-status; boundary="R"

            --R
            Content-Type: text/plain

            Could not deliver.
            --R
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example

            Final-Recipient: rfc822; a@b.nl
            Action: failed
            --R--
            """
        XCTAssertEqual(noise(report, body: ""), "delivery status report")
        let bare = "Content-Type: multipart/mixed; boundary=\"M\"\n\n--M\nContent-Type: message/delivery-status\n\nAction: failed\n--M--\n"
        XCTAssertEqual(noise(bare, body: ""), "message/delivery-status part")
    }

    func testOrdinaryMailIsNotNoise() {
        XCTAssertNil(noise(""))
        XCTAssertNil(noise("Content-Type: multipart/report; report-type=other; boundary=x\n", body: "\n--x\n\nhi\n--x--\n"))
    }
}
