import Routing
import XCTest

final class WebhookSourceConfigTests: XCTestCase {
    private let header = "[router]\nfallback = KCC\n[team KCC]\n"

    func testTimeoutsAndConnectionLimitWithDefaults() throws {
        let config = try XCTUnwrap(assertValidRoutingConf(header + """
            [source hook]
            type = webhook
            listen = 127.0.0.1:8025
            header-timeout = 2.5
            body-timeout = 30
            idle-timeout = 0.5
            max-connections = 64
            [source plain]
            type = webhook
            listen = [::1]:8026
            """))
        let hook = config.sources[0]
        XCTAssertEqual(hook.headerTimeout, 2.5)
        XCTAssertEqual(hook.bodyTimeout, 30)
        XCTAssertEqual(hook.idleTimeout, 0.5)
        XCTAssertEqual(hook.maxConnections, 64)
        let plain = config.sources[1]
        XCTAssertEqual(plain.headerTimeout, SourceConfig.defaultHeaderTimeout)
        XCTAssertEqual(plain.bodyTimeout, SourceConfig.defaultBodyTimeout)
        XCTAssertEqual(plain.idleTimeout, SourceConfig.defaultIdleTimeout)
        XCTAssertEqual(plain.maxConnections, SourceConfig.defaultMaxConnections)
    }

    func testBadTimeoutsAndLimits() {
        assertDiagnostics(header + """
            [source hook]
            type = webhook
            listen = 127.0.0.1:8025
            header-timeout = 0
            idle-timeout = soon
            max-connections = 0
            [source drop]
            type = form-drop
            path = forms
            body-timeout = 5
            """, [
                (7, 18, "'header-timeout' must be from 0.01 to 3600, not 0"),
                (8, 16, "'idle-timeout' must be a number such as 0.5, not 'soon'"),
                (9, 19, "'max-connections' must be"),
                (13, 1, "'body-timeout' does not apply to a form-drop source (only to webhook)"),
            ])
    }

    func testAWebhookBeyondLoopbackNeedsASecretOrToken() {
        assertDiagnostics(header + """
            [source open]
            type = webhook
            listen = 127.0.0.1:8025, 0.0.0.0:8026
            """, [(4, 1, "webhook source 'open' listens on 0.0.0.0:8026, which is not a loopback address, without 'secret' or 'token'")])
        assertDiagnostics(header + """
            [source open]
            type = webhook
            listen = intake.gemeente.local:443
            """, [(4, 1, "listens on intake.gemeente.local:443, which is not a loopback address")])
        assertValidRoutingConf(header + """
            [source signed]
            type = webhook
            listen = 0.0.0.0:8025
            secret = webhook.secret
            [source token]
            type = webhook
            listen = [2001:db8::1]:8025
            token = webhook.tokens
            [source local]
            type = webhook
            listen = 127.0.0.2:8025, [::1]:8025, localhost:8027
            """)
    }

    func testLoopbackAddresses() {
        XCTAssertTrue(SourceConfig.isLoopback("127.0.0.1:80"))
        XCTAssertTrue(SourceConfig.isLoopback("127.255.0.9:80"))
        XCTAssertTrue(SourceConfig.isLoopback("[::1]:80"))
        XCTAssertTrue(SourceConfig.isLoopback("LOCALHOST:80"))
        XCTAssertFalse(SourceConfig.isLoopback("128.0.0.1:80"))
        XCTAssertFalse(SourceConfig.isLoopback("[::]:80"))
        XCTAssertFalse(SourceConfig.isLoopback("0.0.0.0:80"))
        XCTAssertFalse(SourceConfig.isLoopback("127.0.0.1.example.org:80"))
    }
}
