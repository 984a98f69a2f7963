import Routing
import XCTest

final class AcknowledgeConfigTests: XCTestCase {
    private let head = "[router]\nfallback = KCC\n[team KCC]\npublic-name = Klantcontactcentrum\nresponse-days = 5\n"

    func testAFullSectionIsRead() throws {
        let config = try XCTUnwrap(assertValidRoutingConf(head + """
            [acknowledge]
            smtp = smtp://mail.example.nl:587
            starttls = try
            username = wegwijzer
            password-file = smtp.password
            from = Gemeente Katwijk <noreply@katwijk.nl>
            reply-to = kcc@katwijk.nl
            channels = email, form
            template = ack.nl.txt
            per-address = 2/12h
            """))
        let settings = try XCTUnwrap(config.acknowledge)
        XCTAssertEqual(settings.smtp, "smtp://mail.example.nl:587")
        XCTAssertEqual(settings.startTLS, .try)
        XCTAssertEqual(settings.fromName, "Gemeente Katwijk")
        XCTAssertEqual(settings.fromAddress, "noreply@katwijk.nl")
        XCTAssertEqual(settings.replyTo, "kcc@katwijk.nl")
        XCTAssertEqual(settings.channels, ["email", "form"])
        XCTAssertEqual(settings.perAddressCount, 2)
        XCTAssertEqual(settings.perAddressPeriod, 12 * 3600)
        XCTAssertEqual(config.teams.first?.publicName, "Klantcontactcentrum")
        XCTAssertEqual(config.teams.first?.responseDays, 5)
    }

    func testDefaultsAndNoSection() throws {
        let config = try XCTUnwrap(assertValidRoutingConf(head + "[acknowledge]\nsmtp = smtps://mail.example.nl\nfrom = noreply@katwijk.nl\n"))
        XCTAssertEqual(config.acknowledge?.startTLS, .required)
        XCTAssertEqual(config.acknowledge?.channels, ["email", "form", "webhook"])
        XCTAssertEqual(config.acknowledge?.perAddressCount, 3)
        XCTAssertNil(try XCTUnwrap(assertValidRoutingConf(head)).acknowledge)
    }

    func testEveryMistakeIsReportedWhereItIs() {
        assertDiagnostics(head + """
            [acknowledge]
            smtp = http://mail.example.nl
            starttls = maybe
            from = nobody
            reply-to = kcc at katwijk
            channels = email, fax
            per-address = 3 per day
            username = wegwijzer
            colour = blue
            """, [
                (7, 8, "'smtp' must be an smtp:// or smtps:// URL"),
                (8, 12, "unknown value for 'starttls' 'maybe'"),
                (9, 8, "'from' must be an address"),
                (10, 12, "'reply-to' must be an address"),
                (11, 12, "unknown channel 'fax'"),
                (12, 15, "'per-address' must be N/PERIOD"),
                (13, 12, "'username' needs 'password-file'"),
                (14, 1, "unknown key 'colour'"),
            ])
        assertDiagnostics(head + "[acknowledge]\nsmtp = smtps://mail.example.nl\nstarttls = no\nfrom = a@b.nl\n",
                          [(8, 12, "'starttls' applies to smtp:// only")])
        assertDiagnostics(head + "[acknowledge]\nfrom = a@b.nl\n", [(6, 1, "missing required key 'smtp'")])
        assertDiagnostics(head.replacingOccurrences(of: "= 5", with: "= 500"), [(5, 17, "'response-days' must be")])
    }
}
