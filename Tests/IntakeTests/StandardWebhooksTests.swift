import Foundation
import Intake
import XCTest

final class StandardWebhooksTests: XCTestCase {
    private static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    private static let id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    private static let timestamp: Int64 = 1614265330
    private static let body = Array(#"{"test": 2432232314}"#.utf8)
    private static let expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

    private var key: [UInt8] { try! WebhookCredentials.secrets(in: Self.secret)[0] }

    func testTheSpecificationTestVector() {
        XCTAssertEqual(StandardWebhooks.sign(id: Self.id, timestamp: Self.timestamp, body: Self.body, key: key), Self.expected)
        XCTAssertNil(verify(signature: Self.expected))
    }

    func testSeveralSignaturesAndSeveralSecretsForRotation() throws {
        let other = try WebhookCredentials.secrets(in: "whsec_" + Data(repeating: 7, count: 24).base64EncodedString())[0]
        XCTAssertNil(verify(signature: "v1,bm90IGl0 v2,whatever " + Self.expected))
        XCTAssertNil(verify(signature: Self.expected, keys: [other, key]))
        XCTAssertEqual(verify(signature: Self.expected, keys: [other]), .noMatch)
    }

    func testWrongSignatureBodyOrTimestampIsRefused() {
        XCTAssertEqual(verify(signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OF="), .noMatch)
        XCTAssertEqual(verify(signature: Self.expected, body: Array(#"{"test": 2432232315}"#.utf8)), .noMatch)
        XCTAssertEqual(verify(signature: Self.expected, now: Self.timestamp + 301), .outsideTolerance)
        XCTAssertEqual(verify(signature: Self.expected, now: Self.timestamp - 301), .outsideTolerance)
        XCTAssertNil(verify(signature: Self.expected, now: Self.timestamp + 300))
        XCTAssertEqual(StandardWebhooks.verify(id: Self.id, timestamp: "16142653x0", signature: Self.expected, body: Self.body,
                                               keys: [key], now: Self.timestamp), .badTimestamp)
        XCTAssertEqual(StandardWebhooks.verify(id: nil, timestamp: "1614265330", signature: Self.expected, body: Self.body,
                                               keys: [key], now: Self.timestamp), .missingHeaders)
    }

    func testSecretsFileParsing() throws {
        let text = "# current\nwhsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\r\n\n  whsec_AAAA  \n"
        XCTAssertEqual(try WebhookCredentials.secrets(in: text).count, 2)
        XCTAssertThrowsError(try WebhookCredentials.secrets(in: "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n", file: "s")) { error in
            XCTAssertEqual("\(error)", "s:1: not a Standard Webhooks secret (whsec_ followed by base64)")
        }
        XCTAssertThrowsError(try WebhookCredentials.secrets(in: "whsec_!!!\n"))
    }

    func testBearerTokensCompareWhole() {
        let credentials = WebhookCredentials(tokens: WebhookCredentials.tokens(in: "# tokens\nabc123\n\nxyz\n"))
        XCTAssertTrue(credentials.accepts(token: "abc123"))
        XCTAssertTrue(credentials.accepts(token: "xyz"))
        XCTAssertFalse(credentials.accepts(token: "abc12"))
        XCTAssertFalse(credentials.accepts(token: "# tokens"))
    }

    private func verify(signature: String, body: [UInt8] = body, keys: [[UInt8]]? = nil, now: Int64 = timestamp)
        -> StandardWebhooks.Refusal? {
        StandardWebhooks.verify(id: Self.id, timestamp: String(Self.timestamp), signature: signature, body: body,
                                keys: keys ?? [key], now: now)
    }
}
