import Daemon
import Delivery
import Foundation
import Routing
import XCTest

/// From `routing.conf` to what delivery works with.
final class EndpointDeliveryTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijzer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
    }

    private func load(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> RoutingConfig {
        let (config, diagnostics) = ConfigParser.parse(text, path: "routing.conf")
        XCTAssertEqual(diagnostics.filter(\.isError).map(\.description), [], file: file, line: line)
        return try XCTUnwrap(config, file: file, line: line)
    }

    func testTheDefaultsOfTheConfigurationAreThoseOfTheDeliveryPolicy() {
        XCTAssertEqual(EndpointDelivery.policy(DeliverySettings()), DeliveryPolicy())
        let documented = Dictionary(uniqueKeysWithValues: ConfigSchema.deliveryKeys.map { ($0.name, $0.defaultValue) })
        XCTAssertEqual(documented["max-age"], "48h")
        XCTAssertEqual(documented["delivery-workers"], String(DeliveryPolicy.defaultWorkers))
        XCTAssertEqual(documented["max-in-flight"], String(DeliveryPolicy.defaultMaxInFlight))
        XCTAssertEqual(documented["max-attempts"], String(DeliveryPolicy.defaultMaxAttempts))
        XCTAssertEqual(documented["retry-cap"], "30m")
        XCTAssertEqual(DeliveryPolicy.defaultRetryCap, 1800)
    }

    func testEndpointsWithFilesRelativeToTheState() throws {
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("secrets"), withIntermediateDirectories: true)
        try "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n".write(to: directory.appendingPathComponent("secrets/wmo.whsec"),
                                                            atomically: true, encoding: .utf8)
        try "X-Api-Key: k1\n".write(to: directory.appendingPathComponent("secrets/wmo.headers"), atomically: true, encoding: .utf8)
        let config = try load("""
            [router]
            state = \(directory.path)
            fallback = KCC
            max-in-flight = 3
            keep-alive = no
            [team KCC]
            [team Wmo]
            endpoint = https://zaken.example.nl/hook
            endpoint-secret = secrets/wmo.whsec
            endpoint-header = secrets/wmo.headers
            endpoint-ca = /etc/ssl/pki.pem
            endpoint-cert = tls/client.pem
            endpoint-key = tls/client.key
            """)
        let delivery = try EndpointDelivery.configuration(config).get()
        XCTAssertEqual(delivery.policy.maxInFlight, 3)
        XCTAssertFalse(delivery.policy.keepAlive)
        XCTAssertNil(delivery.endpoint(forTeam: "KCC"))
        let wmo = try XCTUnwrap(delivery.endpoint(forTeam: "wmo"))
        XCTAssertEqual(wmo.url, "https://zaken.example.nl/hook")
        XCTAssertEqual(wmo.signer?.key.count, 24)
        XCTAssertEqual(wmo.headers, ["X-Api-Key: k1"])
        XCTAssertEqual(wmo.caFile, "/etc/ssl/pki.pem")
        XCTAssertEqual(wmo.certificateFile, directory.path + "/tls/client.pem")
        XCTAssertEqual(wmo.keyFile, directory.path + "/tls/client.key")
    }

    func testAnUnreadableSecretNamesTheFileAndTheTeam() throws {
        let config = try load("""
            [router]
            state = \(directory.path)
            fallback = KCC
            [team KCC]
            endpoint = http://127.0.0.1:9/hook
            endpoint-secret = missing.whsec
            """)
        guard case .failure(let error) = EndpointDelivery.configuration(config) else { return XCTFail("no error") }
        XCTAssertEqual(error.path, directory.path + "/missing.whsec")
        XCTAssertTrue(error.description.contains("cannot read") && error.description.contains("(team KCC)"), error.description)
    }
}
