import Foundation
import Glibc
import XCTest

/// `[router] retention` end to end: the daemon's sweep removes claimed messages, dead letters,
/// noise and rejected input once they are older than retention, and keeps unclaimed messages,
/// which `status` and `/metrics` count.
final class RetentionEndToEndTests: XCTestCase {
    func testTheSweepRemovesWhatAgedAndKeepsUnclaimedMessages() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijzer-sink-\(UUID().uuidString)")
        let sink = try WebhookSink(in: root)
        try sink.plan(then: ["status": 500])
        try sink.start()
        defer { sink.stop(); try? FileManager.default.removeItem(at: root) }
        let port = RawHTTPConnection.freePort()
        let daemon = try DaemonHarness(config: PrivacyFixture.config(
            router: "retention = 3s\nretention-rejected = 2s\nmax-attempts = 1",
            stadsbeheer: "endpoint = \(sink.url)",
            extra: "\n[source metrics]\ntype = webhook\nlisten = 127.0.0.1:\(port)\n"))
        try daemon.start()
        try daemon.drop(PrivacyFixture.form("lantaarnpaal", subject: "dead letter"), as: "a.json", into: "forms")
        try daemon.drop(PrivacyFixture.form("asbest", subject: "stays unclaimed"), as: "b.json", into: "forms")
        try daemon.drop(PrivacyFixture.form("asbest", subject: "claim me"), as: "c.json", into: "forms")
        try daemon.drop("{ not json", as: "d.json", into: "forms")
        let maildir = daemon.stateDirectory.appendingPathComponent("in/mail")
        try PrivacyFixture.deliver(PrivacyFixture.mail(subject: "Afwezig", auto: true), into: maildir, as: "1.away")
        XCTAssertTrue(daemon.wait(timeout: 20) {
            daemon.queued("milieu").count == 2 && PrivacyFixture.names(in: "dead", of: daemon).count == 1
                && PrivacyFixture.names(in: "noise", of: daemon).count == 2
                && PrivacyFixture.names(in: "in/forms/rejected", of: daemon).count == 2
        }, daemon.log)
        // A team claims one message.
        let milieu = daemon.stateDirectory.appendingPathComponent("queues/milieu")
        let claimed = try XCTUnwrap(daemon.queued("milieu").first { (try? daemon.message("milieu", $0)["subject"] as? String) == "claim me" })
        try FileManager.default.createDirectory(at: milieu.appendingPathComponent("cur"), withIntermediateDirectories: true)
        XCTAssertEqual(rename(milieu.appendingPathComponent("new/\(claimed)").path, milieu.appendingPathComponent("cur/\(claimed)").path), 0)

        XCTAssertTrue(daemon.wait(timeout: 20) {
            PrivacyFixture.names(in: "queues/milieu/cur", of: daemon).isEmpty && PrivacyFixture.names(in: "dead", of: daemon).isEmpty
                && PrivacyFixture.names(in: "noise", of: daemon).isEmpty && PrivacyFixture.names(in: "in/forms/rejected", of: daemon).isEmpty
        }, "claimed: \(PrivacyFixture.names(in: "queues/milieu/cur", of: daemon)), dead: \(PrivacyFixture.names(in: "dead", of: daemon))\n\(daemon.log)")
        XCTAssertEqual(daemon.queued("milieu").count, 1, "the unclaimed message stays")
        XCTAssertEqual(daemon.queued("stadsbeheer").count, 1, "the unclaimed message whose delivery died stays")
        XCTAssertTrue(daemon.log.contains(#""event":"retention-swept""#), daemon.log)

        let status = try daemon.command(["status", "--json"])
        assertStatus(status, 0)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(report["olderThanRetention"] as? Int, 2, status.stdout)
        let connection = try RawHTTPConnection(port: UInt16(port))
        connection.send("GET /metrics HTTP/1.1\r\nHost: a\r\n\r\n")
        let metrics = String(decoding: try XCTUnwrap(connection.response()).body, as: UTF8.self)
        for line in ["wegwijzer_unclaimed_over_retention 2", "wegwijzer_retention_removed_total{kind=\"claimed\"} 1",
                     "wegwijzer_retention_removed_total{kind=\"dead\"} 1", "wegwijzer_retention_removed_total{kind=\"noise\"} 1",
                     "wegwijzer_retention_removed_total{kind=\"rejected\"} 1"] {
            XCTAssertTrue(metrics.contains(line), "missing \(line) in\n\(metrics)")
        }
    }

    func testCheckValidatesRetentionKeys() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijzer-retention-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("routing.conf").path
        try PrivacyFixture.config(router: "retention = 90d\nretention-rejected = 14d").write(toFile: path, atomically: true, encoding: .utf8)
        assertStatus(try BinaryRunner.run(["check", "--config", path]), 0)
        try PrivacyFixture.config(router: "retention = soon\nretention-noise = 0s").write(toFile: path, atomically: true, encoding: .utf8)
        let bad = try BinaryRunner.run(["check", "--config", path])
        assertStatus(bad, 1)
        XCTAssertTrue(bad.stderr.contains("'retention' must be a duration"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("'retention-noise' must be from 1s"), bad.stderr)
    }
}
