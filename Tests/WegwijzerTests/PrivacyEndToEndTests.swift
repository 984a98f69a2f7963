import Foundation
import Glibc
import XCTest

/// `wegwijzer find` and `forget` end to end, against a running daemon and every store.
final class PrivacyEndToEndTests: XCTestCase {
    private var root: URL!
    private var sink: WebhookSink!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijzer-privacy-\(UUID().uuidString)")
        sink = try WebhookSink(in: root)
    }

    override func tearDown() {
        sink?.stop()
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    /// A daemon whose Stadsbeheer endpoint is the sink; `router` adds `[router]` lines.
    private func startDaemon(router: String) throws -> DaemonHarness {
        try sink.start()
        let daemon = try DaemonHarness(config: PrivacyFixture.config(router: router, stadsbeheer: "endpoint = \(sink.url)"))
        try daemon.start()
        return daemon
    }

    func testFindListsEveryStoreAndForgetLeavesNoByteOfTheAddress() throws {
        try sink.plan(then: ["status": 500])
        let daemon = try startDaemon(router: "max-attempts = 1")
        let attachment = Data("Aanvraag van \(PrivacyFixture.name)".utf8).base64EncodedString()
        try daemon.drop(PrivacyFixture.form("lantaarnpaal", subject: "kapotte lamp"), as: "a.json", into: "forms")
        try daemon.drop(PrivacyFixture.form("asbest", subject: "claim me").replacingOccurrences(
            of: #""text""#, with: #""attachments": [{"filename": "brief.txt", "contentType": "text/plain", "content": "\#(attachment)"}], "text""#),
            as: "b.json", into: "forms")
        try daemon.drop(PrivacyFixture.form("asbest", subject: "van Piet", citizen: false), as: "piet.json", into: "forms")
        try daemon.drop(#"{"email": "\#(PrivacyFixture.email)", "text": "#, as: "broken.json", into: "forms")
        let maildir = daemon.stateDirectory.appendingPathComponent("in/mail")
        try PrivacyFixture.deliver(PrivacyFixture.mail(subject: "Lantaarnpaal"), into: maildir, as: "1.mail")
        try PrivacyFixture.deliver(PrivacyFixture.mail(subject: "Afwezig", auto: true), into: maildir, as: "2.away")
        XCTAssertTrue(daemon.wait(timeout: 30) {
            PrivacyFixture.names(in: "dead", of: daemon).count == 2 && PrivacyFixture.names(in: "noise", of: daemon).count == 2
                && PrivacyFixture.names(in: "in/forms/rejected", of: daemon).count == 2 && daemon.queued("milieu").count == 2
        }, daemon.log)
        let milieu = daemon.stateDirectory.appendingPathComponent("queues/milieu")
        let claimed = try XCTUnwrap(daemon.queued("milieu").first { (try? daemon.message("milieu", $0)["subject"] as? String) == "claim me" })
        try FileManager.default.createDirectory(at: milieu.appendingPathComponent("cur"), withIntermediateDirectories: true)
        XCTAssertEqual(rename(milieu.appendingPathComponent("new/\(claimed)").path, milieu.appendingPathComponent("cur/\(claimed)").path), 0)

        let found = try daemon.command(["find", "--email", PrivacyFixture.email.uppercased(), "--json"])
        assertStatus(found, 0)
        let items = PrivacyFixture.items(found)
        let kinds = Set(items.compactMap { $0["kind"] as? String })
        XCTAssertEqual(kinds, ["queue", "claimed", "attachment", "dead", "noise", "rejected", "mailbox", "archive", "journal"], found.stdout)
        XCTAssertTrue(items.contains { $0["kind"] as? String == "queue" && ($0["fields"] as? [String] ?? []).contains("sender.email") },
                      found.stdout)
        XCTAssertFalse(found.stdout.contains("piet"), "Piet's message is not listed: \(found.stdout)")
        let export = root.appendingPathComponent("export")
        assertStatus(try daemon.command(["find", "--email", PrivacyFixture.email, "--export", export.path]), 0)
        XCTAssertFalse(PrivacyFixture.files(under: export, holding: PrivacyFixture.email).isEmpty)
        XCTAssertTrue(FileManager.default.fileExists(atPath: export.appendingPathComponent("journal.txt").path))
        let exportedArchive = try String(contentsOf: export.appendingPathComponent("archive.txt"), encoding: .utf8)
        let archivedIDs = items.filter { $0["kind"] as? String == "archive" }.compactMap { $0["id"] as? String }
        XCTAssertFalse(archivedIDs.isEmpty, found.stdout)
        XCTAssertTrue(archivedIDs.allSatisfy { exportedArchive.contains("\t\($0)\t") }, exportedArchive)
        XCTAssertFalse(exportedArchive.lowercased().contains("piet"), exportedArchive)

        let dryRun = try daemon.command(["forget", "--email", PrivacyFixture.email, "--dry-run"])
        assertStatus(dryRun, 0)
        XCTAssertTrue(dryRun.stdout.contains("\(items.count) items would be erased"), dryRun.stdout)
        XCTAssertEqual(PrivacyFixture.items(try daemon.command(["find", "--email", PrivacyFixture.email, "--json"])).count, items.count,
                       "a dry run erases nothing")

        let forget = try daemon.command(["forget", "--email", PrivacyFixture.email])
        assertStatus(forget, 0)
        XCTAssertTrue(forget.stdout.hasPrefix("erased \(items.count) items"), forget.stdout)
        XCTAssertEqual(PrivacyFixture.files(under: daemon.stateDirectory, holding: PrivacyFixture.email), [])
        XCTAssertEqual(daemon.queued("milieu").count, 1, "Piet's message stays")
        let archive = daemon.stateDirectory.appendingPathComponent("archive")
        let segments = try FileManager.default.contentsOfDirectory(atPath: archive.path).filter { $0.hasSuffix(".log") }
        XCTAssertTrue(try segments.contains { try String(contentsOf: archive.appendingPathComponent($0), encoding: .utf8).lowercased().contains("piet") },
                      "Piet's record stays in the archive")
        let audit = try String(contentsOf: daemon.stateDirectory.appendingPathComponent("audit.log"), encoding: .utf8)
        XCTAssertTrue(audit.contains(#""event":"forget""#) && audit.contains(#""identifier":"email""#), audit)
        XCTAssertTrue(audit.contains(#""dead":2"#) && audit.contains(#""journal":1"#), audit)

        assertStatus(try daemon.command(["find", "--email", PrivacyFixture.email]), 1)
        let again = try daemon.command(["forget", "--email", PrivacyFixture.email])
        assertStatus(again, 1)
        XCTAssertTrue(again.stderr.hasPrefix("wegwijzer forget: nothing stored"), again.stderr)
        let bad = try daemon.command(["forget", "--email", "foo"])
        assertStatus(bad, 2)
        XCTAssertTrue(bad.stderr.contains("'foo' is not an e-mail address"), bad.stderr)
    }

    func testForgetByPhoneFindsACallByItsCaller() throws {
        let daemon = try startDaemon(router: "")
        try daemon.drop(#"{"caller": "+31 6 8765 4321"}"#, as: "gesprek.meta.json", into: "calls")
        try daemon.drop("Beller meldt asbest in de schuur", as: "gesprek.txt", into: "calls")
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.queued("milieu").count == 1 }, daemon.log)
        let found = try daemon.command(["find", "--phone", PrivacyFixture.phone, "--json"])
        assertStatus(found, 0)
        XCTAssertEqual(PrivacyFixture.items(found).first?["fields"] as? [String], ["channelData.caller", "sender.phone"], found.stdout)
        assertStatus(try daemon.command(["forget", "--phone", "0687654321"]), 0)
        XCTAssertEqual(daemon.queued("milieu"), [])
    }

    func testAMessageBeingDeliveredIsSettledNotSentAfterForget() throws {
        // Every attempt takes a second and fails: the message is retried until forgotten.
        try sink.plan(then: ["status": 503, "delay": 1.0])
        let daemon = try startDaemon(router: "")
        try daemon.drop(PrivacyFixture.form("lantaarnpaal", subject: "van Johanna"), as: "a.json", into: "forms")
        try daemon.drop(PrivacyFixture.form("lantaarnpaal", subject: "van Piet", citizen: false), as: "b.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.queued("stadsbeheer").count == 2 }, daemon.log)
        let johanna = try XCTUnwrap(daemon.queuedIDs("stadsbeheer").first {
            (try? daemon.message("stadsbeheer", $0 + ".json")["subject"] as? String) == "van Johanna"
        })
        let piet = try XCTUnwrap(daemon.queuedIDs("stadsbeheer").first { $0 != johanna })
        XCTAssertTrue(daemon.wait(timeout: 20) { sink.requests(for: johanna).count >= 2 }, daemon.log)

        let forget = try daemon.command(["forget", "--email", PrivacyFixture.email])
        assertStatus(forget, 0)
        let sent = sink.requests(for: johanna).count
        let pietBefore = sink.requests(for: piet).count
        Thread.sleep(forTimeInterval: 3)
        XCTAssertEqual(sink.requests(for: johanna).count, sent, "nothing is sent after forget")
        XCTAssertGreaterThan(sink.requests(for: piet).count, pietBefore, "other deliveries go on")
        XCTAssertFalse(daemon.records(in: "outbox").contains(johanna))
        XCTAssertFalse(daemon.records(in: "dead").contains(johanna))
        XCTAssertEqual(PrivacyFixture.files(under: daemon.stateDirectory, holding: PrivacyFixture.email), [])
    }
}
