import Routing
import XCTest

final class SourceConfigTests: XCTestCase {
    private let header = "[router]\nfallback = KCC\n[team KCC]\n"

    func testSourcesParseWithDefaults() throws {
        let config = try XCTUnwrap(assertValidRoutingConf(header + """
            [source mail]
            type = maildir
            path = "/srv/mail box"
            [source hook]
            type = webhook
            listen = 0.0.0.0:80, [::1]:8025
            token = tokens
            name-field = naam, volledige_naam
            name-field = "achternaam"
            place-field = woonplaats
            """))
        let mail = config.sources[0]
        XCTAssertEqual(mail.path, "/srv/mail box")
        XCTAssertFalse(mail.deleteAfterRead)
        XCTAssertEqual(mail.maxSize, 25 * 1024 * 1024)
        XCTAssertEqual(mail.minConfidence, 0)
        XCTAssertEqual(mail.location.line, 4)
        let hook = config.sources[1]
        XCTAssertNil(hook.path)
        XCTAssertEqual(hook.listen, ["0.0.0.0:80", "[::1]:8025"])
        XCTAssertEqual(hook.fieldAliases, ["name": ["naam", "volledige_naam", "achternaam"], "place": ["woonplaats"]])
    }

    func testListenTakesACommaListAndRepeats() throws {
        let config = try XCTUnwrap(assertValidRoutingConf(header + """
            [source hook]
            type = webhook
            listen = 127.0.0.1:8025, [::1]:8025
            listen = intake.gemeente.local:443
            secret = webhook.secret
            """))
        XCTAssertEqual(config.sources.first?.listen, ["127.0.0.1:8025", "[::1]:8025", "intake.gemeente.local:443"])
        assertDiagnostics(header + """
            [source hook]
            type = webhook
            listen = 127.0.0.1:8025,, [::1]:99999
            """, [
                (6, 25, "empty address in 'listen'"),
                (6, 33, "port '99999' in 'listen' must be a number from 1 to 65535"),
            ])
    }

    func testRequiredKeysPerType() {
        assertDiagnostics(header + """
            [source mail]
            type = maildir
            [source hook]
            type = webhook
            secret = /etc/wegwijzer/secret
            [source nothing]
            path = /srv/x
            """, [
                (4, 1, "missing required key 'path' in [source mail] (a maildir source needs it)"),
                (6, 1, "missing required key 'listen' in [source hook] (a webhook source needs it)"),
                (9, 1, "missing required key 'type' in [source nothing]"),
            ])
    }

    func testKeysThatDoNotApplyToTheType() {
        assertDiagnostics(header + """
            [source mail]
            type = maildir
            path = mail
            listen = 127.0.0.1:25
            min-confidence = 0.5
            subject-field = onderwerp
            [source calls]
            type = call-drop
            path = calls
            after = delete
            secret = s
            """, [
                (7, 1, "'listen' does not apply to a maildir source (only to webhook)"),
                (8, 1, "'min-confidence' does not apply to a maildir source (only to call-drop)"),
                (9, 1, "'subject-field' does not apply to a maildir source (only to form-drop or webhook)"),
                (13, 1, "'after' does not apply to a call-drop source (only to maildir)"),
                (14, 1, "'secret' does not apply to a call-drop source (only to webhook)"),
            ])
    }

    func testUnknownTypeAndBadValues() {
        assertDiagnostics(header + """
            [source a]
            type = imap
            [source b]
            type = form-drp
            path = forms
            max-size = 2G
            [source c]
            type = call-drop
            path = calls
            min-confidence = 1.5
            [source d]
            type = call-drop
            path = calls
            min-confidence = high
            [source e]
            type = maildir
            path = mail
            after = keep
            pth = mail
            [source f]
            type = webhook
            listen = ::1:8025
            listen = localhost
            listen = [zz]:80
            listen = 127.0.0.1:0
            """, [
                (5, 8, "unknown source type 'imap' (expected maildir, form-drop, call-drop or webhook)"),
                (7, 8, "unknown source type 'form-drp' (did you mean 'form-drop'?)"),
                (9, 12, "'max-size' must be from 1K to 1024M, not 2G"),
                (13, 18, "'min-confidence' must be from 0 to 1, not 1.5"),
                (17, 18, "'min-confidence' must be a number such as 0.5, not 'high'"),
                (21, 9, "unknown value for 'after' 'keep' (expected move or delete)"),
                (22, 1, "unknown key 'pth' in [source e] (did you mean 'path'?)"),
                (25, 10, "put an IPv6 address in brackets: '[::1]:8025'"),
                (26, 10, "'listen' must be HOST:PORT"),
                (27, 11, "'zz' in 'listen' is not an IPv6 address"),
                (28, 20, "port '0' in 'listen' must be a number from 1 to 65535"),
            ])
    }

    func testUnknownKeySuggestsAmongKeysOfTheType() {
        assertDiagnostics(header + """
            [source hook]
            type = webhook
            listen = 127.0.0.1:8025
            tokn = tokens
            """, [(7, 1, "unknown key 'tokn' in [source hook] (did you mean 'token'?)")])
    }

    func testDuplicateSourceNames() {
        assertDiagnostics(header + """
            [source Mail]
            type = maildir
            path = a
            [source mail]
            type = maildir
            path = b
            """, [(7, 9, "duplicate source 'mail' (first defined at line 4 as 'Mail'")])
    }
}
