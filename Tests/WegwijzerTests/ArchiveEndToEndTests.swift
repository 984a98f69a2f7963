import Foundation
import Glibc
import XCTest

/// The archive end to end: the daemon archives what it routes, `history` reads it back, and
/// segments older than `archive-days` are removed.
final class ArchiveEndToEndTests: XCTestCase {
    func testRoutedMessagesShowUpInHistoryAndOldSegmentsExpire() throws {
        let daemon = try DaemonHarness(config: DaemonHarness.config.replacingOccurrences(
            of: "min-margin = 2", with: "min-margin = 2\narchive-days = 30"))
        let archive = daemon.stateDirectory.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        let old = archive.appendingPathComponent("2020-01-01.log")
        try "M\tOLD\t2020-01-01T10:00:00Z\t2020-01-01T10:00:00Z\t1\tform\tforms\tWmo\tnormal\t0\t4\t\t\t\trolstoel\n"
            .write(to: old, atomically: true, encoding: .utf8)
        try daemon.start()
        XCTAssertFalse(FileManager.default.fileExists(atPath: old.path), "a segment older than archive-days is removed at start")
        try daemon.drop(#"{"subject": "Lamp", "text": "De lantaarnpaal\tis kapot\nal weken"}"#, as: "a.json", into: "forms")
        try daemon.drop(#"{"text": "Mijn rolstoel is stuk"}"#, as: "b.json", into: "forms")
        try daemon.drop(#"{"text": "Hoe laat gaat het gemeentehuis open"}"#, as: "c.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.queued("stadsbeheer").count + daemon.queued("wmo").count + daemon.queued("kcc").count == 3 },
                      daemon.log)
        let history = try BinaryRunner.run(["history", "--state", daemon.stateDirectory.path])
        XCTAssertEqual(history.status, 0, history.stderr)
        XCTAssertEqual(history.stdout.split(separator: "\n").sorted(),
                       ["Stadsbeheer\tLamp De lantaarnpaal is kapot al weken", "Wmo\tMijn rolstoel is stuk"],
                       "the uncorrected fallback message is left out")
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        let none = try BinaryRunner.run(["history", "--state", daemon.stateDirectory.path, "--until", "2000-01-01"])
        XCTAssertEqual(none.status, 0, none.stderr)
        XCTAssertEqual(none.stdout, "")
        let inPeriod = try BinaryRunner.run(["history", "--state", daemon.stateDirectory.path, "--since", today, "--until", today])
        XCTAssertEqual(inPeriod.stdout.split(separator: "\n").count, 2)
    }

    func testArchiveOffWritesNothing() throws {
        let daemon = try DaemonHarness(config: DaemonHarness.config.replacingOccurrences(
            of: "min-margin = 2", with: "min-margin = 2\narchive-days = 0"))
        try daemon.start()
        try daemon.drop(#"{"text": "Mijn rolstoel is stuk"}"#, as: "b.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.queued("wmo").count == 1 }, daemon.log)
        let archive = daemon.stateDirectory.appendingPathComponent("archive").path
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: archive)) ?? [], [])
    }

    func testHistoryRejectsABadDate() throws {
        let result = try BinaryRunner.run(["history", "--state", "/nonexistent", "--since", "1-2-2026"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "wegwijzer history: --since must be a date such as 2026-12-01, not '1-2-2026'\n")
    }
}
