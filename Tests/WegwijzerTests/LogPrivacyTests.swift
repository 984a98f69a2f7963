import Foundation
import Glibc
import XCTest

/// The daemon's log holds no personal data: every channel (Maildir, form drop, webhook, call
/// transcript), with rejected input and noise, runs through the real daemon with a recognisable
/// citizen, and the log is searched for the address, the phone number, the name, the BSN and
/// the message text.
final class LogPrivacyTests: XCTestCase {
    func testNoChannelLogsPersonalData() throws {
        let daemon = try WebhookDaemon(keys: "\n[source mail]\ntype = maildir\npath = in/mail\n")
        try daemon.start()
        let harness = daemon.harness
        let body = PrivacyFixture.form("lantaarnpaal", subject: "via de koppeling")
        XCTAssertEqual(try daemon.send(WebhookDaemon.post(body: body, id: "msg_privacy_1")).status, 202)
        try harness.drop(PrivacyFixture.form("stoeptegel", subject: "via het formulier"), as: "form.json", into: "forms")
        try harness.drop(#"{"caller": "\#(PrivacyFixture.phone)", "asrConfidence": 0.9}"#, as: "call.meta.json", into: "calls")
        try harness.drop("Dit is \(PrivacyFixture.name). \(PrivacyFixture.text)", as: "call.txt", into: "calls")
        try harness.drop(#"{"name": "\#(PrivacyFixture.name)", "email": "\#(PrivacyFixture.email)", "text": "#, as: "broken.json", into: "forms")
        let maildir = harness.stateDirectory.appendingPathComponent("in/mail")
        try PrivacyFixture.deliver(PrivacyFixture.mail(subject: "Lantaarnpaal"), into: maildir, as: "1.mail")
        try PrivacyFixture.deliver(PrivacyFixture.mail(subject: "Afwezig", auto: true), into: maildir, as: "2.away")
        XCTAssertTrue(harness.wait(timeout: 30) {
            harness.log.components(separatedBy: #""event":"routed""#).count - 1 == 4
                && harness.log.contains(#""event":"rejected""#) && harness.log.contains(#""event":"noise""#)
        }, harness.log)
        harness.signal(SIGTERM)
        XCTAssertEqual(harness.waitForExit(timeout: 15), 0)

        let log = harness.log.lowercased()
        XCTAssertTrue(log.contains(#""level":"info""#), "the log is at info level")
        for needle in [PrivacyFixture.email, "johanna", "de wit", PrivacyFixture.bsn, "87654321", "8765 4321",
                       "lantaarnpaal voor ons huis", "stoeptegel voor ons huis"] {
            XCTAssertFalse(log.contains(needle.lowercased()), "the log holds '\(needle)':\n\(harness.log)")
        }
    }
}
