import Foundation
import Glibc
import XCTest

/// The daemon posts routed messages to team endpoints: real binary, real sink, real sockets.
final class DeliveryEndToEndTests: XCTestCase {
    /// A daemon whose configuration is `text` (written after the scratch folder exists, so it can
    /// name files in it).
    private func daemon(_ text: (URL) throws -> String) throws -> DaemonHarness {
        let daemon = try DaemonHarness(config: "")
        try text(daemon.root).write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        return daemon
    }

    func testSignedDeliveryIsAcceptedByTheStandardWebhooksLibrary() throws {
        var sink: WebhookSink!
        let daemon = try daemon { root in
            let secret = try DeliveryFixture.secretFile(in: root)
            try "X-Api-Key: sleutel-123\n".write(toFile: root.appendingPathComponent("headers").path, atomically: true, encoding: .utf8)
            sink = try WebhookSink(in: root, secretFile: secret)
            try sink.start()
            return DeliveryFixture.config(teams: ["Stadsbeheer": """
                endpoint = \(sink.url)
                endpoint-secret = \(secret)
                endpoint-header = \(root.appendingPathComponent("headers").path)
                """])
        }
        try daemon.start()
        for number in 0..<3 { try daemon.drop(DeliveryFixture.form("lantaarnpaal", number), as: "f\(number).json", into: "forms") }
        XCTAssertTrue(daemon.wait(timeout: 30) {
            sink.requests.count >= 3 && daemon.records(in: "outbox").isEmpty && daemon.queued("stadsbeheer").count == 3
        }, daemon.log)
        let ids = daemon.queuedIDs("stadsbeheer")
        XCTAssertEqual(ids.count, 3)
        XCTAssertEqual(Set(sink.requests.compactMap { $0["messageId"] as? String }), Set(ids))
        for request in sink.requests {
            XCTAssertEqual(request["verified"] as? Bool, true, "signature of \(request)")
            XCTAssertEqual(request["webhookId"] as? String, request["messageId"] as? String)
            XCTAssertEqual(request["idempotencyKey"] as? String, request["messageId"] as? String)
            XCTAssertEqual(request["apiKey"] as? String, "sleutel-123")
            XCTAssertEqual(request["contentType"] as? String, "application/json")
        }
        let status = try daemon.command(["status", "--json"])
        assertStatus(status, 0)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(report["outboxPending"] as? Int, 0)
        XCTAssertEqual(report["deadLetters"] as? Int, 0)
    }

    func testRetryAfterTwoSecondsIsWaitedFor() throws {
        var sink: WebhookSink!
        let daemon = try daemon { root in
            sink = try WebhookSink(in: root)
            try sink.plan([["status": 503, "retryAfter": "2", "body": "druk"]])
            try sink.start()
            return DeliveryFixture.config(teams: ["Milieu": "endpoint = \(sink.url)"])
        }
        try daemon.start()
        try daemon.drop(DeliveryFixture.form("asbest", 1), as: "a.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 30) { sink.requests.count >= 2 && daemon.records(in: "outbox").isEmpty }, daemon.log)
        let requests = sink.requests
        XCTAssertEqual(requests.count, 2)
        XCTAssertGreaterThanOrEqual(arrival(requests[1]) - arrival(requests[0]), 2.0, "Retry-After: 2 is honoured")
        XCTAssertEqual(requests[0]["messageId"] as? String, requests[1]["messageId"] as? String)
        XCTAssertTrue(daemon.log.contains("\"result\":\"HTTP 503\""), daemon.log)
    }

    func testMetricsCountDeliveriesRetriesAndDeadLetters() throws {
        var sink: WebhookSink!
        let port = RawHTTPConnection.freePort()
        let daemon = try daemon { root in
            sink = try WebhookSink(in: root)
            try sink.plan([["status": 503], ["status": 204], ["status": 400]])
            try sink.start()
            return DeliveryFixture.config(teams: ["Milieu": "endpoint = \(sink.url)"])
                + "\n[source metrics]\ntype = webhook\nlisten = 127.0.0.1:\(port)\n"
        }
        try daemon.start()
        try daemon.drop(DeliveryFixture.form("asbest", 1), as: "a.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 30) { sink.requests.count == 2 && daemon.records(in: "outbox").isEmpty }, daemon.log)
        try daemon.drop(DeliveryFixture.form("asbest", 2), as: "b.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 30) { daemon.records(in: "dead").count == 1 }, daemon.log)
        let connection = try RawHTTPConnection(port: UInt16(port))
        connection.send("GET /metrics HTTP/1.1\r\nHost: a\r\n\r\n")
        let text = String(decoding: try XCTUnwrap(connection.response()).body, as: UTF8.self)
        for line in ["wegwijzer_deliveries_total{result=\"ok\"} 1", "wegwijzer_deliveries_total{result=\"retrying\"} 1",
                     "wegwijzer_deliveries_total{result=\"failed\"} 1", "wegwijzer_dead_lettered_total 1"] {
            XCTAssertTrue(text.contains(line), "missing \(line) in\n\(text)")
        }
    }

    func testConnectionRefusedUntilTheSinkComesUp() throws {
        let port = WebhookSink.freePort()
        var sink: WebhookSink!
        let daemon = try daemon { root in
            sink = try WebhookSink(in: root, port: port)
            return DeliveryFixture.config(teams: ["Stadsbeheer": "endpoint = \(sink.url)"])
        }
        try daemon.start()
        try daemon.drop(DeliveryFixture.form("lantaarnpaal", 1), as: "a.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.log.components(separatedBy: "delivery-retry").count > 2 }, daemon.log)
        let id = try XCTUnwrap(daemon.records(in: "outbox").first)
        let errors = daemon.attempts(id, in: "outbox").compactMap { $0["error"] as? String }
        XCTAssertTrue(errors.contains { $0.hasPrefix("curl error 7") }, "\(errors)")
        try sink.start()
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.records(in: "outbox").isEmpty }, daemon.log)
        XCTAssertEqual(sink.requests(for: id).count, 1)
        XCTAssertEqual(daemon.records(in: "dead"), [])
    }

    func testATimeoutIsRetried() throws {
        var sink: WebhookSink!
        let daemon = try daemon { root in
            sink = try WebhookSink(in: root)
            try sink.plan([["status": 204, "delay": 3]])
            try sink.start()
            return DeliveryFixture.config(router: "timeout = 1s", teams: ["Milieu": "endpoint = \(sink.url)"])
        }
        try daemon.start()
        try daemon.drop(DeliveryFixture.form("asbest", 1), as: "a.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 30) { sink.requests.count >= 2 && daemon.records(in: "outbox").isEmpty }, daemon.log)
        XCTAssertTrue(daemon.log.contains("curl error 28"), "the first attempt timed out: \(daemon.log)")
        XCTAssertTrue(daemon.log.contains("\"attempts\":\"2\""), daemon.log)
    }

    func testBadRequestBecomesADeadLetterAndRetryDeliversItOnceTheSinkIsFixed() throws {
        var sink: WebhookSink!
        let daemon = try daemon { root in
            sink = try WebhookSink(in: root)
            try sink.plan(then: ["status": 400, "body": "veld 'text' ontbreekt"])
            try sink.start()
            return DeliveryFixture.config(teams: ["Stadsbeheer": "endpoint = \(sink.url)"])
        }
        try daemon.start()
        try daemon.drop(DeliveryFixture.form("lantaarnpaal", 1), as: "a.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 20) { !daemon.records(in: "dead").isEmpty }, daemon.log)
        let id = try XCTUnwrap(daemon.records(in: "dead").first)
        let dead = try XCTUnwrap(daemon.record(id, in: "dead"))
        XCTAssertEqual(dead["team"] as? String, "Stadsbeheer")
        XCTAssertEqual((dead["message"] as? [String: Any])?["id"] as? String, id)
        XCTAssertEqual(daemon.attempts(id, in: "dead").map { $0["status"] as? Int }, [400], "no retry after a 400")
        XCTAssertEqual(daemon.attempts(id, in: "dead").first?["response"] as? String, "veld 'text' ontbreekt")
        XCTAssertEqual(daemon.records(in: "outbox"), [])
        let status = try daemon.command(["status"])
        XCTAssertTrue(status.stdout.contains("dead letters: 1, oldest"), status.stdout)

        try sink.plan()
        let retry = try daemon.command(["retry", id])
        assertStatus(retry, 0)
        XCTAssertTrue(daemon.wait(timeout: 20) { sink.requests(for: id).count == 2 && daemon.records(in: "outbox").isEmpty },
                      daemon.log)
        XCTAssertEqual(daemon.records(in: "dead"), [])
        XCTAssertEqual(sink.requests(for: id).map { $0["status"] as? Int }, [400, 204])
    }

    func testRetryWithoutTheDaemonDeliversAtTheNextStart() throws {
        var sink: WebhookSink!
        let daemon = try daemon { root in
            sink = try WebhookSink(in: root)
            try sink.plan(then: ["status": 422])
            try sink.start()
            return DeliveryFixture.config(teams: ["Milieu": "endpoint = \(sink.url)"])
        }
        try daemon.start()
        try daemon.drop(DeliveryFixture.form("asbest", 1), as: "a.json", into: "forms")
        try daemon.drop(DeliveryFixture.form("asbest", 2), as: "b.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.records(in: "dead").count == 2 }, daemon.log)
        daemon.signal(SIGTERM)
        XCTAssertEqual(daemon.waitForExit(timeout: 10), 0)
        try sink.plan()
        let retry = try daemon.command(["retry", "--all"])
        assertStatus(retry, 0)
        XCTAssertTrue(retry.stdout.contains("2 dead letters put back"), retry.stdout)
        XCTAssertEqual(daemon.records(in: "outbox").count, 2)
        try daemon.start()
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.records(in: "outbox").isEmpty }, daemon.log)
        XCTAssertEqual(sink.requests.filter { $0["status"] as? Int == 204 }.count, 2)
    }

    func testPendingRetriesSurviveACrashAndKeepTheirSchedule() throws {
        var sink: WebhookSink!
        let daemon = try daemon { root in
            sink = try WebhookSink(in: root)
            try sink.plan(then: ["status": 503, "retryAfter": "4"])
            try sink.start()
            return DeliveryFixture.config(teams: ["Stadsbeheer": "endpoint = \(sink.url)"])
        }
        try daemon.start()
        try daemon.drop(DeliveryFixture.form("lantaarnpaal", 1), as: "a.json", into: "forms")
        var id = ""
        XCTAssertTrue(daemon.wait(timeout: 20) {
            id = daemon.records(in: "outbox").first ?? ""
            return !id.isEmpty && daemon.attempts(id, in: "outbox").count == 1
        }, daemon.log)
        let next = try XCTUnwrap(daemon.record(id, in: "outbox")?["nextAttemptAt"] as? String)
        daemon.signal(SIGKILL)
        _ = daemon.waitForExit(timeout: 5)
        try sink.plan()
        try daemon.start()
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.records(in: "outbox").isEmpty }, daemon.log)
        let requests = sink.requests(for: id)
        XCTAssertEqual(requests.map { $0["status"] as? Int }, [503, 204])
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let due = try XCTUnwrap(formatter.date(from: next)).timeIntervalSince1970
        XCTAssertGreaterThanOrEqual(arrival(requests[1]), due - 0.01, "the retry kept its time across the restart")
        XCTAssertTrue(daemon.log.contains("\"scheduled\":\"1\""), daemon.log)
    }

    func testMutualTLSAcceptsTheRightClientCertificateOnly() throws {
        var sink: WebhookSink!
        var certificates: TestCertificates!
        let daemon = try daemon { root in
            certificates = try TestCertificates(in: root)
            sink = try WebhookSink(in: root, tls: .init(certificate: certificates.serverCertificate, key: certificates.serverKey,
                                                        clientCA: certificates.caCertificate))
            try sink.start()
            return DeliveryFixture.config(teams: [
                "Stadsbeheer": """
                    endpoint = \(sink.url)
                    endpoint-ca = \(certificates.caCertificate)
                    endpoint-cert = \(certificates.clientCertificate)
                    endpoint-key = \(certificates.clientKey)
                    """,
                "Milieu": """
                    endpoint = \(sink.url)
                    endpoint-ca = \(certificates.caCertificate)
                    endpoint-cert = \(certificates.strangerCertificate)
                    endpoint-key = \(certificates.strangerKey)
                    """,
                "KCC": """
                    endpoint = \(sink.url)
                    endpoint-cert = \(certificates.clientCertificate)
                    endpoint-key = \(certificates.clientKey)
                    """,
            ])
        }
        try daemon.start()
        try daemon.drop(DeliveryFixture.form("lantaarnpaal", 1), as: "good.json", into: "forms")
        try daemon.drop(DeliveryFixture.form("asbest", 2), as: "stranger.json", into: "forms")
        try daemon.drop(#"{"text": "Wanneer is het gemeentehuis open?"}"#, as: "unverified.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 20) {
            daemon.queuedIDs("stadsbeheer").count == 1 && !sink.requests(for: daemon.queuedIDs("stadsbeheer")[0]).isEmpty
                && daemon.queuedIDs("milieu").count == 1 && daemon.queuedIDs("kcc").count == 1
        }, daemon.log)
        let refused = try XCTUnwrap(daemon.queuedIDs("milieu").first)
        let unverified = try XCTUnwrap(daemon.queuedIDs("kcc").first)
        XCTAssertTrue(daemon.wait(timeout: 20) {
            daemon.attempts(refused, in: "outbox").count >= 2 && daemon.attempts(unverified, in: "outbox").count >= 2
        }, daemon.log)
        XCTAssertEqual(sink.requests(for: refused).count, 0, "a client certificate of another CA is refused")
        XCTAssertEqual(sink.requests(for: unverified).count, 0, "a server the system CAs do not vouch for is refused")
        let errors = (daemon.attempts(refused, in: "outbox") + daemon.attempts(unverified, in: "outbox")).map { $0["error"] as? String }
        XCTAssertTrue(errors.allSatisfy { $0?.hasPrefix("curl error") == true }, "\(errors)")
        XCTAssertEqual(sink.requests.count, 1)
    }

    func testReloadMovesTheEndpointAndABrokenSecretKeepsTheOldOne() throws {
        var first: WebhookSink!
        var second: WebhookSink!
        let daemon = try daemon { root in
            first = try WebhookSink(in: root)
            try first.start()
            second = try WebhookSink(in: root)
            try second.start()
            return DeliveryFixture.config(teams: ["Milieu": "endpoint = \(first.url)"])
        }
        try daemon.start()
        try daemon.drop(DeliveryFixture.form("asbest", 1), as: "a.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 20) { first.requests.count == 1 }, daemon.log)
        try DeliveryFixture.config(teams: ["Milieu": "endpoint = \(second.url)"])
            .write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.log.contains("\"reloaded\"") }, daemon.log)
        try daemon.drop(DeliveryFixture.form("asbest", 2), as: "b.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 20) { second.requests.count == 1 }, daemon.log)
        try DeliveryFixture.config(teams: ["Milieu": "endpoint = \(first.url)\nendpoint-secret = /nonexistent/milieu.whsec"])
            .write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.log.contains("endpoint-config-failed") }, daemon.log)
        try daemon.drop(DeliveryFixture.form("asbest", 3), as: "c.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 20) { second.requests.count == 2 }, "the endpoints before the reload stay: \(daemon.log)")
        XCTAssertEqual(first.requests.count, 1)
    }

    func testAThousandDeliveriesUseNoMoreConnectionsThanWorkers() throws {
        var sink: WebhookSink!
        let daemon = try daemon { root in
            sink = try WebhookSink(in: root)
            try sink.start()
            return DeliveryFixture.config(router: "delivery-workers = 4\nmax-in-flight = 4",
                                          teams: ["Stadsbeheer": "endpoint = \(sink.url)"])
        }
        try daemon.start()
        for number in 0..<1000 {
            try daemon.drop(DeliveryFixture.form("lantaarnpaal", number), as: "f\(number).json", into: "forms")
        }
        XCTAssertTrue(daemon.wait(timeout: 180) { sink.requests.count >= 1000 && daemon.records(in: "outbox").isEmpty },
                      "\(sink.requests.count) requests; \(daemon.log.suffix(2000))")
        XCTAssertEqual(Set(sink.requests.compactMap { $0["messageId"] as? String }).count, 1000, "every message once")
        XCTAssertEqual(sink.requests.count, 1000, "no message is posted twice")
        XCTAssertLessThanOrEqual(sink.connections, 4, "connections are kept alive, one per worker at most")
        XCTAssertEqual(daemon.queued("stadsbeheer").count, 1000)
    }

    func testASlowEndpointHoldsBackNeitherOtherEndpointsNorIntake() throws {
        var slow: WebhookSink!
        var fast: WebhookSink!
        let daemon = try daemon { root in
            slow = try WebhookSink(in: root)
            try slow.plan(then: ["status": 204, "delay": 30])
            try slow.start()
            fast = try WebhookSink(in: root)
            try fast.start()
            return DeliveryFixture.config(router: "delivery-workers = 4\nmax-in-flight = 2\ntimeout = 60s", teams: [
                "Stadsbeheer": "endpoint = \(slow.url)", "Milieu": "endpoint = \(fast.url)",
            ])
        }
        try daemon.start()
        for number in 0..<6 { try daemon.drop(DeliveryFixture.form("lantaarnpaal", number), as: "s\(number).json", into: "forms") }
        XCTAssertTrue(daemon.wait(timeout: 20) { slow.requests.count == 2 }, daemon.log)
        for number in 0..<5 { try daemon.drop(DeliveryFixture.form("asbest", number), as: "f\(number).json", into: "forms") }
        XCTAssertTrue(daemon.wait(timeout: 20) { fast.requests.count == 5 }, "the fast endpoint is served: \(daemon.log)")
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.queued("milieu").count == 5 && daemon.queued("stadsbeheer").count == 6 },
                      "intake goes on")
        XCTAssertEqual(slow.requests.count, 2, "never more than max-in-flight requests to one endpoint")
        XCTAssertEqual(daemon.records(in: "outbox").count, 6)
    }
}
