import Foundation
import Messages
import Receipts
import Routing
import XCTest

final class ReceiptEligibilityTests: XCTestCase {
    private func assertVerdict(_ message: Message, _ expected: ReceiptEligibility.Verdict,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(ReceiptEligibility.judge(message, settings: testSettings()), expected, file: file, line: line)
    }

    func testOrdinarySendersGetOne() {
        assertVerdict(testMessage(email: "jan.jansen@Example.NL"), .send(to: "jan.jansen@example.nl"))
        assertVerdict(testMessage(.webhook, email: "a+b@example.nl"), .send(to: "a+b@example.nl"))
    }

    func testEmailUsesReplyToBeforeFrom() {
        var message = testMessage(.email, email: "from@example.nl")
        message.channelData["replyTo"] = .array([.string("\"Jan\" <antwoord@example.nl>")])
        assertVerdict(message, .send(to: "antwoord@example.nl"))
    }

    func testAutomaticAndOwnAddressesAreSkipped() {
        for address in ["noreply@example.nl", "no-reply@example.nl", "No_Reply@example.nl", "mailer-daemon@example.nl",
                        "MAILER-DAEMON@example.nl", "postmaster@example.nl", "do-not-reply@example.nl"] {
            assertVerdict(testMessage(email: address), .skip(reason: "automatic-address"))
        }
        assertVerdict(testMessage(email: "NOREPLY@KATWIJK.NL"), .skip(reason: "automatic-address"))
        assertVerdict(testMessage(email: "kcc@katwijk.nl"), .skip(reason: "own-address"))
    }

    func testBadAddressesAndChannelsAreSkipped() {
        for address in ["jan", "jan@", "@example.nl", "jan@localhost", "jan..x@example.nl", "jan@exa mple.nl",
                        "jan@-example.nl", "\"jan\"@example.nl"] {
            assertVerdict(testMessage(email: address), .skip(reason: "bad-address"))
        }
        assertVerdict(testMessage(email: nil), .skip(reason: "no-address"))
        assertVerdict(testMessage(.call, email: "jan@example.nl"), .skip(reason: "channel"))
    }

    func testPerAddressLimitCountsOncePerMessageAndSurvivesRestart() throws {
        let directory = NSTemporaryDirectory() + "ledger-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var ledger: ReceiptLedger? = try ReceiptLedger(directory: directory, keep: 86400, now: start)
        var lines: [[UInt8]] = []
        for index in 0..<4 {
            let decision = ledger!.decide(id: "m\(index)", address: "Jan@example.nl", count: 3, period: 86400, now: start)
            XCTAssertEqual(decision.send, index < 3, "message \(index)")
            lines.append(try XCTUnwrap(decision.line))
        }
        let again = ledger!.decide(id: "m1", address: "jan@example.nl", count: 3, period: 86400, now: start)
        XCTAssertTrue(again.send)
        XCTAssertNil(again.line, "decided once per ID")
        XCTAssertTrue(ledger!.decide(id: "other", address: "piet@example.nl", count: 3, period: 86400, now: start).send)
        try ledger!.append(lines)
        ledger = nil
        XCTAssertEqual(ReceiptLedger.withheldCount(directory: directory), 1)
        let reopened = try ReceiptLedger(directory: directory, keep: 86400, now: start.addingTimeInterval(60))
        XCTAssertFalse(reopened.decide(id: "m4", address: "jan@example.nl", count: 3, period: 86400,
                                       now: start.addingTimeInterval(60)).send)
        XCTAssertFalse(reopened.decide(id: "m3", address: "jan@example.nl", count: 3, period: 86400).send)
        let later = try ReceiptLedger(directory: directory, keep: 86400, now: start.addingTimeInterval(90000))
        XCTAssertTrue(later.decide(id: "m5", address: "jan@example.nl", count: 3, period: 86400,
                                   now: start.addingTimeInterval(90000)).send, "the period has passed")
    }
}
