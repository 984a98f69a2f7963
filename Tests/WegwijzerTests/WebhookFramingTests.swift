import Foundation
import XCTest

/// The webhook server's framing rules, live: raw bytes on a real socket, then the status and
/// whether the connection was closed.
final class WebhookFramingTests: XCTestCase {
    private static let keys = "max-size = 64K\nheader-timeout = 1.5\nbody-timeout = 1.5\nidle-timeout = 1.5"

    func testAmbiguousFramingIsRefusedWith400AndClosed() throws {
        let daemon = try WebhookDaemon(keys: Self.keys)
        try daemon.start()
        let head = "POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        let cases: [(String, String)] = [
            ("Content-Length with Transfer-Encoding",
             head + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
            ("invalid Content-Length", head + "Content-Length: 1e3\r\n\r\n{}"),
            ("several different Content-Length", head + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{} "),
            ("chunked not the final coding", head + "Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n"),
            ("bad chunk size", head + "Transfer-Encoding: chunked\r\n\r\n2x\r\n{}\r\n0\r\n\r\n"),
            ("overflowing chunk size", head + "Transfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\n{}\r\n0\r\n\r\n"),
            ("obs-fold", head + "X-Folded: a\r\n b\r\nContent-Length: 2\r\n\r\n{}"),
            ("white space before the colon", head + "Content-Length : 2\r\n\r\n{}"),
            ("bare CR", head + "X-Bare: a\rb\r\nContent-Length: 2\r\n\r\n{}"),
            ("missing Host", "GET /healthz HTTP/1.1\r\nAccept: */*\r\n\r\n"),
            ("duplicate Host", "GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
        ]
        for (rule, raw) in cases {
            assertRefused(daemon, raw, status: 400, rule)
        }
    }

    func testSizeLimits() throws {
        let daemon = try WebhookDaemon(keys: Self.keys)
        try daemon.start()
        assertRefused(daemon, "GET /" + String(repeating: "a", count: 8200) + " HTTP/1.1\r\nHost: a\r\n\r\n", status: 414,
                      "request line over 8 KiB")
        let big = (0..<40).map { "X-Big-\($0): " + String(repeating: "b", count: 1000) + "\r\n" }.joined()
        assertRefused(daemon, "GET /healthz HTTP/1.1\r\nHost: a\r\n" + big + "\r\n", status: 431, "header section over 32 KiB")
        let many = (0..<101).map { "X-Many-\($0): y\r\n" }.joined()
        assertRefused(daemon, "GET /healthz HTTP/1.1\r\nHost: a\r\n" + many + "\r\n", status: 431, "more than 100 fields")
        assertRefused(daemon, "POST /v1/messages HTTP/1.1\r\nHost: a\r\nContent-Length: 70000\r\n\r\n{", status: 413,
                      "Content-Length over max-size")
        assertRefused(daemon, "POST /v1/messages HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n10001\r\n", status: 413,
                      "chunked body over max-size")
    }

    func testIdleHeaderAndBodyTimeoutsAnswer408AndClose() throws {
        let daemon = try WebhookDaemon(keys: Self.keys)
        try daemon.start()
        let idle = try daemon.connect()
        let header = try daemon.connect()
        header.send("POST /v1/messages HTTP/1.1\r\nHost: a\r\n")
        let body = try daemon.connect()
        body.send("POST /v1/messages HTTP/1.1\r\nHost: a\r\nContent-Length: 20\r\n\r\n{\"text\":")
        for (name, connection) in [("idle", idle), ("header", header), ("body", body)] {
            XCTAssertEqual(connection.response()?.status, 408, name)
            XCTAssertTrue(connection.isClosed(), "\(name): the connection stays open")
        }
    }

    func testAClientSendingOneBytePerSecondIsCutOffAtTheHeaderTimeout() throws {
        let daemon = try WebhookDaemon(keys: "header-timeout = 2.5\nidle-timeout = 30")
        try daemon.start()
        let connection = try daemon.connect()
        let request = Array(WebhookDaemon.post(body: #"{"text": "zwerfvuil"}"#, id: "msg_slow").utf8)
        var sent = 0
        var response: RawHTTPConnection.Response?
        while sent < request.count && response == nil {
            guard connection.send(Data([request[sent]])) else { break }
            sent += 1
            response = connection.response(timeout: 1)
        }
        XCTAssertEqual(response?.status, 408)
        XCTAssertLessThan(sent, 10, "cut off after a few bytes, not after the whole request")
        XCTAssertTrue(connection.isClosed())
        XCTAssertTrue(daemon.queuedIDs().isEmpty)
    }

    func testConnectionsBeyondTheLimitGet503() throws {
        let daemon = try WebhookDaemon(keys: "max-connections = 3\nidle-timeout = 30")
        try daemon.start()
        var open = try (0..<3).map { _ in try daemon.connect() }
        for connection in open {
            connection.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
            XCTAssertEqual(connection.response()?.status, 200)
        }
        let extra = try daemon.connect()
        let refused = extra.response()
        XCTAssertEqual(refused?.status, 503)
        XCTAssertNotNil(refused?.headers["retry-after"])
        XCTAssertTrue(extra.isClosed())
        open.removeLast()
        let later = daemon.harness.wait(timeout: 10) {
            guard let connection = try? daemon.connect() else { return false }
            connection.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
            return connection.response(timeout: 2)?.status == 200
        }
        XCTAssertTrue(later, "a connection is accepted again once one closed")
    }

    func testKeepAliveIsTheDefaultAndConnectionCloseIsHonoured() throws {
        let daemon = try WebhookDaemon(keys: Self.keys)
        try daemon.start()
        let connection = try daemon.connect()
        for index in 0..<3 {
            connection.send(WebhookDaemon.post(body: #"{"text": "paspoort \#(index)"}"#, id: "msg_keep_\(index)"))
            XCTAssertEqual(connection.response()?.status, 202, "request \(index)")
        }
        XCTAssertFalse(connection.isClosed(timeout: 0.3))
        connection.send(WebhookDaemon.post(body: #"{"text": "rijbewijs"}"#, id: "msg_keep_last", close: true))
        let last = connection.response()
        XCTAssertEqual(last?.status, 202)
        XCTAssertEqual(last?.headers["connection"], "close")
        XCTAssertTrue(connection.isClosed())
    }

    func testPipelinedRequestsAreAnsweredInOrder() throws {
        let daemon = try WebhookDaemon(keys: Self.keys)
        try daemon.start()
        let connection = try daemon.connect()
        let first = WebhookDaemon.post(body: #"{"text": "asbest op het dak"}"#, id: "msg_pipe_1")
        let second = WebhookDaemon.post(body: #"{"text": "scootmobiel kapot"}"#, id: "msg_pipe_2")
        connection.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n" + first + "GET /nowhere HTTP/1.1\r\nHost: a\r\n\r\n" + second
                        + "GET /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        let responses = (0..<5).compactMap { _ in connection.response() }
        XCTAssertEqual(responses.map(\.status), [200, 202, 404, 202, 200])
        guard responses.count == 5 else { return }
        XCTAssertEqual(responses[1].json["team"] as? String, "Milieu")
        XCTAssertEqual(responses[3].json["team"] as? String, "Wmo")
        XCTAssertTrue(connection.isClosed())
    }

    func testAChunkedPostIsAccepted() throws {
        let daemon = try WebhookDaemon(keys: Self.keys)
        try daemon.start()
        let body = #"{"text": "de stoeptegel ligt los"}"#
        let stamp = Int64(Date().timeIntervalSince1970)
        let request = "POST /v1/messages HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n"
            + "webhook-id: msg_chunked\r\nwebhook-timestamp: \(stamp)\r\n"
            + "webhook-signature: \(WebhookDaemon.sign(id: "msg_chunked", timestamp: stamp, body: body))\r\n\r\n"
            + String(body.utf8.count - 5, radix: 16) + "\r\n" + String(body.dropLast(5)) + "\r\n5;ext=1\r\n"
            + String(body.suffix(5)) + "\r\n0\r\nX-Trailer: t\r\n\r\n"
        let response = try daemon.send(request)
        XCTAssertEqual(response.status, 202, String(decoding: response.body, as: UTF8.self))
        XCTAssertEqual(response.json["team"] as? String, "Stadsbeheer")
    }

    private func assertRefused(_ daemon: WebhookDaemon, _ raw: String, status: Int, _ rule: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        guard let connection = try? daemon.connect(file: file, line: line) else { return }
        connection.send(raw)
        let response = connection.response()
        XCTAssertEqual(response?.status, status, "\(rule): \(response.map { String(decoding: $0.body, as: UTF8.self) } ?? "no response")",
                       file: file, line: line)
        XCTAssertNotNil(response?.json["error"] as? String, "\(rule): a JSON error", file: file, line: line)
        XCTAssertTrue(connection.isClosed(), "\(rule): the connection stays open", file: file, line: line)
    }
}
