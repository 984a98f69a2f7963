import Foundation
import Glibc
import Intake
import XCTest

/// A running daemon with a webhook source on a free port, a secrets file and a tokens file.
final class WebhookDaemon {
    /// The secret of the Standard Webhooks test vector.
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    /// An accepted bearer token.
    static let token = "bearer-token-for-tests"

    let port: UInt16
    let harness: DaemonHarness

    /// Prepares a daemon whose webhook source has the `keys` given (timeouts, limits) besides
    /// `listen`, `secret` and `token`.
    init(keys: String = "", listenPort: UInt16? = nil) throws {
        port = listenPort ?? RawHTTPConnection.freePort()
        harness = try DaemonHarness(config: DaemonHarness.config + """


            [source hook]
            type = webhook
            listen = 127.0.0.1:\(port)
            secret = ../hook.secret
            token = ../hook.tokens
            \(keys)
            """)
        try "# test secret\n\(Self.secret)\n".write(to: harness.root.appendingPathComponent("hook.secret"), atomically: true, encoding: .utf8)
        try "\(Self.token)\n".write(to: harness.root.appendingPathComponent("hook.tokens"), atomically: true, encoding: .utf8)
    }

    /// Starts the daemon and waits until it listens.
    func start(environment: [String: String] = [:], launcher: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws {
        try harness.start(environment: environment, launcher: launcher, file: file, line: line)
        let listening = harness.wait(timeout: 20) { harness.log.contains("\"webhook-listening\"") }
        XCTAssertTrue(listening, "not listening; log: \(harness.log)", file: file, line: line)
    }

    /// A new connection to the source.
    func connect(file: StaticString = #filePath, line: UInt = #line) throws -> RawHTTPConnection {
        try RawHTTPConnection(port: port, file: file, line: line)
    }

    /// Sends one request on a new connection and reads the response.
    func send(_ request: String, file: StaticString = #filePath, line: UInt = #line) throws -> RawHTTPConnection.Response {
        let connection = try connect(file: file, line: line)
        connection.send(request)
        guard let response = connection.response() else {
            XCTFail("no response; log: \(harness.log.suffix(2000))", file: file, line: line)
            throw POSIXError(.ECONNRESET)
        }
        return response
    }

    /// A complete POST with `Content-Length`, signed with ``secret`` when `id` is given.
    static func post(_ path: String = "/v1/messages", body: String, id: String? = nil, timestamp: Int64? = nil,
                     type: String = "application/json", extra: [String] = [], close: Bool = false) -> String {
        var lines = ["POST \(path) HTTP/1.1", "Host: 127.0.0.1", "Content-Type: \(type)", "Content-Length: \(body.utf8.count)"]
        if let id {
            let stamp = timestamp ?? Int64(Date().timeIntervalSince1970)
            lines += ["webhook-id: \(id)", "webhook-timestamp: \(stamp)",
                      "webhook-signature: \(sign(id: id, timestamp: stamp, body: body))"]
        }
        if close { lines.append("Connection: close") }
        return (lines + extra).joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    /// The `v1,…` signature of a message under ``secret``.
    static func sign(id: String, timestamp: Int64, body: String) -> String {
        let key = try! WebhookCredentials.secrets(in: secret)[0]
        return StandardWebhooks.sign(id: id, timestamp: timestamp, body: Array(body.utf8), key: key)
    }

    /// Message ID → queue, for every message in a team queue's `new/`.
    func queuedIDs() -> [String: String] {
        var result: [String: String] = [:]
        for queue in ["kcc", "stadsbeheer", "milieu", "wmo", "burgerzaken"] {
            for name in harness.queued(queue) { result[String(name.dropLast(5))] = queue }
        }
        return result
    }
}
