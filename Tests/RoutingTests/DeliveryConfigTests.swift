import Routing
import XCTest

/// The `[router]` delivery keys and the `[team]` endpoint keys.
final class DeliveryConfigTests: XCTestCase {
    private func config(router: String = "", team: String) -> String {
        "[router]\nfallback = KCC\n\(router)\n[team KCC]\n\(team)\n"
    }

    func testDefaultsWithoutDeliveryKeys() throws {
        let parsed = try XCTUnwrap(assertValidRoutingConf(config(team: "")))
        XCTAssertEqual(parsed.router.delivery, DeliverySettings())
        XCTAssertEqual(parsed.router.delivery.maxAge, 48 * 3600)
        XCTAssertTrue(parsed.router.delivery.keepAlive)
    }

    func testEveryDeliveryKeyIsRead() throws {
        let router = """
            delivery-workers = 3
            connect-timeout = 500ms
            timeout = 2m
            retry-base = 1.5s
            retry-cap = 1h
            max-attempts = 12
            max-age = 2d
            max-in-flight = 2
            keep-alive = no
            """
        let team = """
            endpoint = https://kcc.example.nl/hook
            endpoint-secret = secrets/kcc.whsec
            endpoint-header = /etc/wegwijzer/kcc.headers
            endpoint-ca = tls/ca.pem
            endpoint-cert = tls/client.pem
            endpoint-key = tls/client.key
            """
        let parsed = try XCTUnwrap(assertValidRoutingConf(config(router: router, team: team)))
        let delivery = parsed.router.delivery
        XCTAssertEqual(delivery.workers, 3)
        XCTAssertEqual(delivery.connectTimeout, 0.5, accuracy: 1e-9)
        XCTAssertEqual(delivery.timeout, 120)
        XCTAssertEqual(delivery.retryBase, 1.5)
        XCTAssertEqual(delivery.retryCap, 3600)
        XCTAssertEqual(delivery.maxAttempts, 12)
        XCTAssertEqual(delivery.maxAge, 2 * 86400)
        XCTAssertEqual(delivery.maxInFlight, 2)
        XCTAssertFalse(delivery.keepAlive)
        XCTAssertEqual(parsed.teams[0].endpointFiles, EndpointFiles(
            secret: "secrets/kcc.whsec", header: "/etc/wegwijzer/kcc.headers", ca: "tls/ca.pem",
            certificate: "tls/client.pem", key: "tls/client.key"))
    }

    func testBadDurationsAndRanges() {
        assertDiagnostics(config(router: "timeout = soon\nmax-age = 0s\nretry-cap = 3w", team: ""), [
            (3, 11, "'timeout' must be a duration such as 500ms, 30s"),
            (4, 11, "'max-age' must be from 1s to 365d, not 0s"),
            (5, 13, "'retry-cap' must be a duration"),
        ])
    }

    func testRetryCapBelowBaseIsAnError() {
        assertDiagnostics(config(router: "retry-base = 10s\nretry-cap = 5s", team: ""), [
            (4, 13, "'retry-cap' must not be below 'retry-base'"),
        ])
    }

    func testEndpointFilesNeedAnEndpoint() {
        assertDiagnostics(config(team: "endpoint-secret = kcc.whsec"), [
            (5, 19, "'endpoint-secret' needs 'endpoint' in [team KCC]"),
        ])
    }

    func testTLSFilesNeedHTTPSAndCertificateNeedsKey() {
        let team = "endpoint = http://kcc.example.nl/hook\nendpoint-cert = client.pem"
        assertDiagnostics(config(team: team), [
            (6, 17, "'endpoint-cert' needs an https:// endpoint"),
            (6, 17, "'endpoint-cert' needs 'endpoint-key' in [team KCC]"),
        ])
    }

    func testKeepAliveTakesYesOrNo() {
        assertDiagnostics(config(router: "keep-alive = off", team: ""), [
            (3, 14, "unknown value for 'keep-alive' 'off'"),
        ])
    }

    func testWarnsWhenOneEndpointCanHoldEveryWorker() {
        let text = """
            [router]
            fallback = KCC
            delivery-workers = 4
            max-in-flight = 4
            [team KCC]
            endpoint = https://a.example.nl/
            [team Wmo]
            endpoint = https://b.example.nl/
            signals = rolstoel:4
            """
        assertDiagnostics(text, [(4, 17, "warning: 'max-in-flight' (4) is not below 'delivery-workers' (4)")])
    }
}
