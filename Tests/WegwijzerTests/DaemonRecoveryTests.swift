import Foundation
import Glibc
import XCTest

/// Crashes, restarts, signals and systemd notifications.
final class DaemonRecoveryTests: XCTestCase {
    func testKillNineDuringAThousandDropsLosesAndDuplicatesNothing() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let forms = daemon.stateDirectory.appendingPathComponent("in/forms")
        let writer = Thread {
            for index in 0..<1000 {
                let body = #"{"text": "De stoeptegel ligt los, melding \#(index)"}"#
                try? DaemonHarness.drop(Data(body.utf8), as: "crash-\(index).json", in: forms)
            }
        }
        writer.start()
        XCTAssertTrue(daemon.wait(timeout: 30) { daemon.queued("stadsbeheer").count >= 150 })
        daemon.signal(SIGKILL)
        _ = daemon.waitForExit(timeout: 5)
        let before = daemon.queued("stadsbeheer").count
        XCTAssertLessThan(before, 1000, "the kill came in the middle")
        while !writer.isFinished { usleep(10_000) }
        try daemon.start()
        XCTAssertTrue(daemon.wait(timeout: 60) { daemon.queued("stadsbeheer").count >= 1000 && daemon.waiting(in: "forms").isEmpty }, daemon.log.suffix(2000).description)
        Thread.sleep(forTimeInterval: 0.5)
        let files = daemon.queued("stadsbeheer")
        XCTAssertEqual(files.count, 1000)
        var refs = Set<String>()
        for file in files {
            let message = try daemon.message("stadsbeheer", file)
            refs.insert((message["source"] as? [String: Any])?["ref"] as? String ?? "")
        }
        XCTAssertEqual(refs.count, 1000, "each drop exactly once")
        XCTAssertTrue(daemon.waiting(in: "forms").isEmpty)
        let staged = try FileManager.default.contentsOfDirectory(atPath: daemon.stateDirectory.appendingPathComponent("queues/stadsbeheer/tmp").path)
        XCTAssertEqual(staged, [], "no half-written files left in tmp/")
    }

    func testSameInputDroppedAgainIsNotDeliveredTwice() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let body = #"{"text": "Rijbewijs verlopen, wat nu?"}"#
        try daemon.drop(body, as: "again.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.queued("burgerzaken").count == 1 && daemon.waiting(in: "forms").isEmpty })
        try daemon.drop(body, as: "again.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.waiting(in: "forms").isEmpty })
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(daemon.queued("burgerzaken").count, 1)
    }

    func testSigtermStopsWithinTenSecondsAndExitsZero() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        for index in 0..<50 {
            try daemon.drop(#"{"text": "asbest in de schuur \#(index)"}"#, as: "stop-\(index).json", into: "forms")
        }
        let start = Date()
        daemon.signal(SIGTERM)
        XCTAssertNotNil(daemon.waitForNotification(containing: "STOPPING=1", timeout: 10))
        XCTAssertEqual(daemon.waitForExit(timeout: 10), 0)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        let queued = daemon.queued("milieu").count
        XCTAssertEqual(queued + daemon.waiting(in: "forms").count, 50, "every drop is in a queue or still waiting")
    }

    func testNotifiesReadyReloadingWatchdogAndStopping() throws {
        let daemon = try DaemonHarness()
        try daemon.start(environment: ["WATCHDOG_USEC": "1000000"])
        XCTAssertNotNil(daemon.waitForNotification(containing: "WATCHDOG=1", timeout: 3))
        daemon.signal(SIGHUP)
        let reloading = daemon.waitForNotification(containing: "RELOADING=1", timeout: 10)
        XCTAssertNotNil(reloading)
        XCTAssertTrue(reloading?.contains("MONOTONIC_USEC=") ?? false, reloading ?? "")
        XCTAssertNotNil(daemon.waitForNotification(containing: "READY=1", timeout: 10))
        daemon.signal(SIGINT)
        XCTAssertNotNil(daemon.waitForNotification(containing: "STOPPING=1", timeout: 10))
        XCTAssertEqual(daemon.waitForExit(timeout: 10), 0)
    }

    func testStatusReadsTheStateFolderWithoutTheDaemon() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        try daemon.drop(#"{"text": "lantaarnpaal kapot"}"#, as: "s1.json", into: "forms")
        try daemon.drop("{kapot", as: "s2.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 10) { daemon.queued("stadsbeheer").count == 1 && daemon.waiting(in: "forms").isEmpty })
        daemon.signal(SIGTERM)
        XCTAssertEqual(daemon.waitForExit(timeout: 10), 0)
        let result = try BinaryRunner.run(["status", "--json", "--config", daemon.configPath, "--state", daemon.stateDirectory.path])
        assertStatus(result, 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let queues = json?["queues"] as? [[String: Any]] ?? []
        XCTAssertEqual(queues.first { $0["team"] as? String == "Stadsbeheer" }?["depth"] as? Int, 1)
        XCTAssertEqual(json?["rejected"] as? Int, 1)
        XCTAssertEqual(json?["pending"] as? Int, 0)
        XCTAssertEqual(json?["deadLetters"] as? Int, 0)
        let text = try BinaryRunner.run(["status", "--config", daemon.configPath, "--state", daemon.stateDirectory.path])
        XCTAssertTrue(text.stdout.contains("Stadsbeheer"), text.stdout)
    }
}
