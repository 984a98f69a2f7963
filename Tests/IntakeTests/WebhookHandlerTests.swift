import Foundation
import Intake
import Messages
import XCTest

final class WebhookHandlerTests: XCTestCase {
    private static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    private let now: Int64 = 1_800_000_000

    func testFlatMessageBecomesAWebhookMessageIdentifiedByItsBody() throws {
        let intake = try assertIntake(post("/v1/messages", #"{"subject": "Lamp", "text": "De lantaarnpaal is kapot"}"#))
        XCTAssertEqual(intake.normalized.message.channel, .webhook)
        XCTAssertEqual(intake.normalized.message.text, "De lantaarnpaal is kapot")
        XCTAssertEqual(intake.normalized.message.source, SourceReference(name: "hook", ref: ""))
        XCTAssertEqual(intake.identity, Array(#"{"subject": "Lamp", "text": "De lantaarnpaal is kapot"}"#.utf8))
        XCTAssertNil(intake.replayKey)
    }

    func testChannelInTheBodyAndWebhookIDAsIdentity() throws {
        let intake = try assertIntake(post("/v1/messages", #"{"channel": "call", "text": "terugbelverzoek"}"#,
                                           headers: ["webhook-id": "msg_1"]))
        XCTAssertEqual(intake.normalized.message.channel, .call)
        XCTAssertEqual(intake.identity, Array("msg_1".utf8))
        XCTAssertEqual(intake.normalized.message.source.ref, "msg_1")
        assertRefusal(post("/v1/messages", #"{"channel": "fax", "text": "x"}"#), status: 400, field: "channel")
    }

    func testOpenFormulierenOnTheFormsEndpoint() throws {
        let intake = try assertIntake(post("/v1/forms", String(decoding: try fixture("open-formulieren.json"), as: UTF8.self)))
        XCTAssertEqual(intake.normalized.message.channel, .form)
        XCTAssertEqual(intake.normalized.message.channelData["format"], .string("open-formulieren"))
    }

    func testCallsByContentType() throws {
        let cases: [(String, String, String)] = [
            ("application/json", "whisper.json", "whisper"), ("text/vtt", "call.vtt", "webvtt"),
            ("application/x-subrip", "call.srt", "srt"), ("text/plain; charset=utf-8", "call.txt", "text"),
        ]
        for (type, name, format) in cases {
            let body = String(decoding: try fixture(name), as: UTF8.self)
            let intake = try assertIntake(post("/v1/calls", body, type: type))
            XCTAssertEqual(intake.normalized.message.channel, .call, type)
            XCTAssertEqual(intake.normalized.message.channelData["format"], .string(format), type)
        }
        assertRefusal(post("/v1/calls", "x", type: "image/png"), status: 415, field: "Content-Type")
        assertRefusal(post("/v1/calls", "x", type: nil), status: 415, field: "Content-Type")
    }

    func testBodiesThatAreNotJSONAre415AndBadFieldsAre400() {
        assertRefusal(post("/v1/messages", "hallo"), status: 415, field: nil)
        assertRefusal(post("/v1/messages", "hallo", type: nil), status: 415, field: nil)
        assertRefusal(post("/v1/forms", #"{"text": "x"}"#, type: "text/plain"), status: 415, field: "Content-Type")
        assertRefusal(post("/v1/messages", #"{"text": ["a"]}"#), status: 400, field: "text")
        assertRefusal(post("/v1/messages", #"{"text": "a", "text": "b"}"#), status: 400, field: "text")
        assertRefusal(post("/v1/messages", #"{"phone": "06"}"#), status: 400, field: "text")
        assertRefusal(post("/v1/messages", #"{"text": "a"}"#, headers: ["webhook-id": "bad id"]), status: 400, field: "webhook-id")
    }

    func testSignedRequestsAreCheckedAndCarryAReplayKey() throws {
        let key = try WebhookCredentials.secrets(in: Self.secret)
        let credentials = WebhookCredentials(secrets: key)
        let body = #"{"text": "asbest in de tuin"}"#
        let signature = StandardWebhooks.sign(id: "msg_2", timestamp: now - 10, body: Array(body.utf8), key: key[0])
        let signed = ["webhook-id": "msg_2", "webhook-timestamp": String(now - 10), "webhook-signature": signature]
        let intake = try assertIntake(post("/v1/messages", body, headers: signed), credentials: credentials)
        XCTAssertEqual(intake.replayKey, "msg_2\u{0}\(now - 10)")
        XCTAssertEqual(intake.replayExpires, now + StandardWebhooks.tolerance)
        var tampered = signed
        tampered["webhook-id"] = "msg_3"
        assertRefusal(post("/v1/messages", body, headers: tampered), status: 401, field: nil, credentials: credentials)
        assertRefusal(post("/v1/messages", body), status: 401, field: nil, credentials: credentials)
        var old = signed
        old["webhook-timestamp"] = String(now - 400)
        old["webhook-signature"] = StandardWebhooks.sign(id: "msg_2", timestamp: now - 400, body: Array(body.utf8), key: key[0])
        assertRefusal(post("/v1/messages", body, headers: old), status: 401, field: nil, credentials: credentials)
    }

    func testBearerTokens() throws {
        let credentials = WebhookCredentials(tokens: ["s3cret"])
        let body = #"{"text": "paspoort kwijt"}"#
        XCTAssertNil(try assertIntake(post("/v1/messages", body, headers: ["Authorization": "Bearer s3cret"]),
                                      credentials: credentials).replayKey)
        assertRefusal(post("/v1/messages", body, headers: ["Authorization": "Bearer s3cre"]), status: 401, field: nil,
                      credentials: credentials)
        assertRefusal(post("/v1/messages", body, headers: ["Authorization": "Basic s3cret"]), status: 401, field: nil,
                      credentials: credentials)
    }

    func testRoutesAndMethods() {
        let open = WebhookContext(sourceName: "hook", credentials: WebhookCredentials(), now: now)
        guard case .health = WebhookHandler.handle(HTTPRequest(method: "GET", target: "/healthz"), context: open) else {
            return XCTFail("healthz")
        }
        guard case .metrics = WebhookHandler.handle(HTTPRequest(method: "GET", target: "/metrics?x"), context: open) else {
            return XCTFail("metrics")
        }
        assertRefusal(HTTPRequest(method: "GET", target: "/v1/messages"), status: 405, field: nil)
        assertRefusal(HTTPRequest(method: "POST", target: "/healthz"), status: 405, field: nil)
        assertRefusal(HTTPRequest(method: "GET", target: "/v2/messages"), status: 404, field: nil)
    }

    private func post(_ path: String, _ body: String, type: String? = "application/json", headers: [String: String] = [:])
        -> HTTPRequest {
        var fields = HTTPHeaders([HTTPField("Host", "localhost")])
        if let type { fields.add("Content-Type", type) }
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { fields.add(name, value) }
        return HTTPRequest(method: "POST", target: path, headers: fields, body: Array(body.utf8))
    }

    private func assertIntake(_ request: HTTPRequest, credentials: WebhookCredentials = WebhookCredentials(),
                              file: StaticString = #filePath, line: UInt = #line) throws -> WebhookIntake {
        let context = WebhookContext(sourceName: "hook", credentials: credentials, now: now)
        let action = WebhookHandler.handle(request, context: context)
        guard case .intake(let intake) = action else {
            if case .respond(let response, _) = action {
                XCTFail("\(response.status): \(String(decoding: response.body, as: UTF8.self))", file: file, line: line)
            } else {
                XCTFail("unexpected \(action)", file: file, line: line)
            }
            throw CocoaError(.coderInvalidValue)
        }
        return intake
    }

    private func assertRefusal(_ request: HTTPRequest, status: Int, field: String?, credentials: WebhookCredentials = WebhookCredentials(),
                               file: StaticString = #filePath, line: UInt = #line) {
        let context = WebhookContext(sourceName: "hook", credentials: credentials, now: now)
        guard case .respond(let response, let refusal) = WebhookHandler.handle(request, context: context) else {
            return XCTFail("expected \(status), got an action", file: file, line: line)
        }
        XCTAssertEqual(response.status, status, String(decoding: response.body, as: UTF8.self), file: file, line: line)
        XCTAssertNotNil(refusal, file: file, line: line)
        let json = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any]
        XCTAssertNotNil(json?["error"] as? String, "a JSON error body", file: file, line: line)
        XCTAssertEqual(json?["field"] as? String, field, file: file, line: line)
        if status == 401 { XCTAssertEqual(json?["error"] as? String, "unauthorized", "no detail", file: file, line: line) }
    }
}
