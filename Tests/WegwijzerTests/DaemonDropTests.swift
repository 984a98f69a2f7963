import Foundation
import Glibc
import XCTest

/// The daemon end to end: real binary, real files, real signals.
final class DaemonDropTests: XCTestCase {
    private static let words = [
        ("stadsbeheer", "De lantaarnpaal bij ons voor de deur is kapot"),
        ("milieu", "Al dagen stankoverlast van het bedrijf op de hoek"),
        ("wmo", "Mijn rolstoel moet gerepareerd worden, wie betaalt dat"),
        ("burgerzaken", "Ik wil een nieuw paspoort aanvragen voor mijn zoon"),
        ("kcc", "Hoe laat gaat het gemeentehuis open op zaterdag"),
    ]

    func testFiveHundredMixedDropsEachArriveOnceInTheRightQueue() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        var expected: [String: Int] = [:]
        for index in 0..<500 {
            let (queue, text) = Self.words[index % Self.words.count]
            expected[queue, default: 0] += 1
            if index % 2 == 0 {
                try daemon.drop(#"{"subject": "melding \#(index)", "text": "\#(text) (\#(index))"}"#, as: "form-\(index).json", into: "forms")
            } else {
                try daemon.drop("\(text), nummer \(index)\n", as: "call-\(index).txt", into: "calls")
            }
        }
        let drained = daemon.wait(timeout: 60) {
            expected.allSatisfy { daemon.queued($0.key).count >= $0.value } && daemon.waiting(in: "forms").isEmpty && daemon.waiting(in: "calls").isEmpty
        }
        XCTAssertTrue(drained, daemon.log.suffix(3000).description)
        for (queue, count) in expected {
            XCTAssertEqual(daemon.queued(queue).count, count, "queue \(queue)")
        }
        let ids = expected.keys.flatMap { daemon.queued($0) }
        XCTAssertEqual(Set(ids).count, 500, "every ID once")
        daemon.signal(SIGTERM)
        XCTAssertEqual(daemon.waitForExit(timeout: 10), 0)
    }

    func testFileStillBeingWrittenIsNotTaken() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let directory = daemon.stateDirectory.appendingPathComponent("in/forms")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let partial = #"{"text": "De lantaarnpaal is kap"#
        try partial.write(to: directory.appendingPathComponent(".half.json"), atomically: false, encoding: .utf8)
        try partial.write(to: directory.appendingPathComponent("half.json.tmp"), atomically: false, encoding: .utf8)
        Thread.sleep(forTimeInterval: 3)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent(".half.json").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("half.json.tmp").path))
        XCTAssertEqual(daemon.queued("stadsbeheer"), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("rejected").path))
        try (partial + "ot\"}").write(to: directory.appendingPathComponent(".half.json"), atomically: false, encoding: .utf8)
        XCTAssertEqual(rename(directory.appendingPathComponent(".half.json").path, directory.appendingPathComponent("half.json").path), 0)
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.queued("stadsbeheer").count == 1 })
    }

    func testBrokenConfigOnReloadKeepsTheOldOneRouting() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        try "[router]\nfallback = Nobody\n[team X\n".write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        XCTAssertNotNil(daemon.waitForNotification(containing: "RELOADING=1", timeout: 10))
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.log.contains("reload-failed") })
        XCTAssertTrue(daemon.log.contains("routing.conf:3:"), "the log names the broken line: \(daemon.log)")
        try daemon.drop(#"{"text": "mijn scootmobiel is stuk"}"#, as: "after-reload.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.queued("wmo").count == 1 }, daemon.log)
    }

    func testGoodReloadTakesEffect() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let changed = DaemonHarness.config.replacingOccurrences(of: "signals = rolstoel:4, scootmobiel:4", with: "signals = rolstoel:4, scootmobiel:4, traplift:4")
        try changed.write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.log.contains("\"reloaded\"") }, daemon.log)
        try daemon.drop(#"{"text": "Wij hebben een traplift nodig"}"#, as: "traplift.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.queued("wmo").count == 1 }, daemon.log)
    }

    func testReloadReadsAChangedLearnedFileAndKeepsTheOldOneWhenItIsBroken() throws {
        let config = DaemonHarness.config.replacingOccurrences(of: "min-margin = 2\n", with: "min-margin = 2\nlearned = learned.conf\n")
        let daemon = try DaemonHarness(config: config)
        let learned = daemon.root.appendingPathComponent("learned.conf").path
        try "[team Wmo]\nsignals = rollator:1.5\n".write(toFile: learned, atomically: true, encoding: .utf8)
        try daemon.start()
        try "[team Wmo]\nsignals = rollator:1.5, traplift:4.5\n".write(toFile: learned, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.log.contains("\"reloaded\"") }, daemon.log)
        try daemon.drop(#"{"text": "Wij hebben een traplift nodig"}"#, as: "traplift.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.queued("wmo").count == 1 }, daemon.log)
        let routing = try daemon.message("wmo", try XCTUnwrap(daemon.queued("wmo").first))["routing"] as? [String: Any]
        let signals = routing?["signals"] as? [[String: Any]] ?? []
        XCTAssertEqual(signals.first?["learned"] as? Bool, true, "\(signals)")
        XCTAssertEqual(signals.first?["weight"] as? Double, 4.5, "\(signals)")
        try "[team Wmo]\nsignals = traplift:abc\n".write(toFile: learned, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.log.contains("reload-failed") }, daemon.log)
        XCTAssertTrue(daemon.log.contains("learned.conf:2:20"), daemon.log)
        try daemon.drop(#"{"text": "Nog een traplift graag"}"#, as: "traplift2.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.queued("wmo").count == 2 }, daemon.log)
    }

    func testQueueFilesHaveModeSixFortyAndTheQueueGroup() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        try daemon.drop(#"{"text": "paspoort verlopen"}"#, as: "mode.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.queued("burgerzaken").count == 1 })
        let queue = daemon.stateDirectory.appendingPathComponent("queues/burgerzaken")
        var file = stat()
        var directory = stat()
        XCTAssertEqual(stat(queue.appendingPathComponent("new/" + daemon.queued("burgerzaken")[0]).path, &file), 0)
        XCTAssertEqual(stat(queue.path, &directory), 0)
        XCTAssertEqual(file.st_mode & 0o777, 0o640)
        XCTAssertEqual(file.st_gid, directory.st_gid)
    }

    func testHostileAttachmentNamesAreNeutralized() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let content = Data("foto".utf8).base64EncodedString()
        let names = ["../../etc/passwd", ".bashrc", "a/b\\\\c.jpg", "evil\\u0000.jpg", String(repeating: "x", count: 300) + ".jpg"]
        let attachments = names.map { #"{"filename": "\#($0)", "contentType": "image/jpeg", "content": "\#(content)"}"# }
        try daemon.drop(#"{"text": "zwerfvuil op straat", "attachments": [\#(attachments.joined(separator: ","))]}"#, as: "hostile.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.queued("stadsbeheer").count == 1 }, daemon.log)
        let file = daemon.queued("stadsbeheer")[0]
        let message = try daemon.message("stadsbeheer", file)
        let stored = (message["attachments"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        XCTAssertEqual(stored.count, names.count)
        let id = String(file.dropLast(5))
        for path in stored {
            XCTAssertTrue(path.hasPrefix("attachments/\(id)/"), path)
            let name = String(path.dropFirst("attachments/\(id)/".count))
            XCTAssertFalse(name.contains("/") || name.contains("..") || name.hasPrefix(".") || name.contains("\u{0}"), name)
            XCTAssertLessThanOrEqual(name.utf8.count, 100)
            XCTAssertTrue(FileManager.default.fileExists(atPath: daemon.stateDirectory.appendingPathComponent("queues/stadsbeheer/" + path).path))
        }
    }

    func testUnreadableInputIsRejectedWithItsReason() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        try daemon.drop("{not json", as: "broken.json", into: "forms")
        try daemon.drop("plain", as: "unknown.xyz", into: "calls")
        try daemon.drop(#"{"text": "   "}"#, as: "empty.json", into: "forms")
        let rejected = daemon.stateDirectory.appendingPathComponent("in/forms/rejected")
        XCTAssertTrue(daemon.wait(timeout: 10) {
            FileManager.default.fileExists(atPath: rejected.appendingPathComponent("broken.json.reason").path)
                && FileManager.default.fileExists(atPath: rejected.appendingPathComponent("empty.json.reason").path)
        }, daemon.log)
        XCTAssertTrue(FileManager.default.fileExists(atPath: rejected.appendingPathComponent("broken.json").path))
        let reason = try String(contentsOf: rejected.appendingPathComponent("broken.json.reason"), encoding: .utf8)
        XCTAssertTrue(reason.contains("JSON"), reason)
        XCTAssertTrue(daemon.wait(timeout: 10) {
            FileManager.default.fileExists(atPath: daemon.stateDirectory.appendingPathComponent("in/calls/rejected/unknown.xyz.reason").path)
        })
        XCTAssertEqual(daemon.process?.isRunning, true)
    }

    func testLowTranscriptionConfidenceGoesToTheFallbackTeam() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        try daemon.drop(#"{"caller": "+31612345678", "asrConfidence": 0.3}"#, as: "unsure.meta.json", into: "calls")
        try daemon.drop("WEBVTT\n\n00:00.000 --> 00:03.000\nmijn paspoort is verlopen\n", as: "unsure.vtt", into: "calls")
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.queued("kcc").count == 1 }, daemon.log)
        let message = try daemon.message("kcc", daemon.queued("kcc")[0])
        let routing = message["routing"] as? [String: Any]
        XCTAssertEqual(routing?["fallback"] as? Bool, true)
        XCTAssertTrue((routing?["reason"] as? String ?? "").contains("low transcription confidence"))
        XCTAssertEqual((message["sender"] as? [String: Any])?["phone"] as? String, "+31612345678")
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.waiting(in: "calls").isEmpty }, "transcript and sidecar are removed")
    }
}
