import Delivery
import Foundation
import XCTest

/// Signing, header files and the request an endpoint gets.
final class EndpointTests: XCTestCase {
    func testSignatureMatchesTheStandardWebhooksExample() throws {
        let signer = try WebhookSigner(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        let body = Array(#"{"test": 2432232314}"#.utf8)
        XCTAssertEqual(signer.signature(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: body),
                       "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        XCTAssertNotEqual(signer.signature(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_331, body: body),
                          "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    func testSecretFilesAndTheirMistakes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = directory.path + "/good"
        try "# team secret\n\nwhsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n".write(toFile: good, atomically: true, encoding: .utf8)
        XCTAssertEqual(try WebhookSigner.load(path: good).key.count, 24)
        let bad = directory.path + "/bad"
        try "\nwhsec_not*base64\n".write(toFile: bad, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try WebhookSigner.load(path: bad)) { error in
            XCTAssertEqual((error as? EndpointFileError)?.description.hasPrefix(bad + ":2: not a Standard Webhooks secret"), true,
                           "\(error)")
        }
        XCTAssertThrowsError(try WebhookSigner.load(path: directory.path + "/missing")) { error in
            XCTAssertTrue("\(error)".contains("cannot read"), "\(error)")
        }
    }

    func testHeaderFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/headers"
        try "# api key\nX-Api-Key:  geheim123 \r\nAccept: application/json\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try HeaderFile.load(path: path), ["X-Api-Key: geheim123", "Accept: application/json"])
        for (line, problem) in [("no colon", "expected 'Name: value'"), ("Bad Name: x", "not a header name"),
                                ("webhook-id: x", "set by Wegwijzer"), ("Content-Type: text/plain", "set by Wegwijzer")] {
            XCTAssertThrowsError(try HeaderFile.parse(line), line) { error in
                XCTAssertTrue("\(error)".contains(problem), "\(line): \(error)")
            }
        }
    }

    func testRequestCarriesIdempotencyAndWebhookHeaders() throws {
        let endpoint = Endpoint(url: "https://zaken.example.nl/hook", signer: try WebhookSigner(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                                headers: ["X-Api-Key: k"], caFile: "/ca.pem", certificateFile: "/c.pem", keyFile: "/k.pem")
        let body = Array(#"{"id":"abc"}"#.utf8)
        let policy = DeliveryPolicy(connectTimeout: 2, timeout: 5, keepAlive: false)
        let request = endpoint.request(id: "abc", body: body, timestamp: 1_700_000_000, policy: policy)
        XCTAssertEqual(request.url, "https://zaken.example.nl/hook")
        XCTAssertEqual(request.body, body)
        for line in ["Content-Type: application/json", "Idempotency-Key: abc", "webhook-id: abc",
                     "webhook-timestamp: 1700000000", "X-Api-Key: k"] {
            XCTAssertTrue(request.headers.contains(line), "missing \(line) in \(request.headers)")
        }
        let signature = try XCTUnwrap(request.headers.first { $0.hasPrefix("webhook-signature: v1,") })
        XCTAssertEqual(signature, "webhook-signature: " + endpoint.signer!.signature(id: "abc", timestamp: 1_700_000_000, body: body))
        XCTAssertEqual(request.transport, HTTPTransport(connectTimeout: 2, timeout: 5, caFile: "/ca.pem",
                                                        certificateFile: "/c.pem", keyFile: "/k.pem", keepAlive: false))
        let unsigned = Endpoint(url: "http://x.example/").request(id: "abc", body: body, timestamp: 1, policy: policy)
        XCTAssertFalse(unsigned.headers.contains { $0.hasPrefix("webhook-signature") })
    }
}
