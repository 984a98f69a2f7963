import Foundation
import Glibc
import XCTest

/// The `misrouted/` gesture: a team tool renames a message into `QUEUE/misrouted/` and the
/// daemon routes it again without that team.
final class MisroutedTests: XCTestCase {
    private func handBack(_ daemon: DaemonHarness, _ id: String, from queue: String, note: String? = nil,
                          file: StaticString = #filePath, line: UInt = #line) {
        let root = daemon.stateDirectory.appendingPathComponent("queues/\(queue)").path
        if let note { XCTAssertTrue(FileManager.default.createFile(atPath: root + "/misrouted/\(id).note", contents: Data(note.utf8))) }
        XCTAssertEqual(rename(root + "/new/\(id).json", root + "/misrouted/\(id).json"), 0, "misrouted/ is there", file: file, line: line)
    }

    func testAHandedBackMessageGoesToTheNextTeamOrElseTheFallback() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        try daemon.drop(#"{"text": "De lantaarnpaal en een stoeptegel zijn kapot, en stankoverlast"}"#, as: "a.json", into: "forms")
        try daemon.drop(#"{"text": "De lantaarnpaal is kapot"}"#, as: "b.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.queued("stadsbeheer").count == 2 }, daemon.log)
        var byText: [String: String] = [:]
        for file in daemon.queued("stadsbeheer") {
            byText[try daemon.message("stadsbeheer", file)["text"] as? String ?? ""] = String(file.dropLast(5))
        }
        let mixed = try XCTUnwrap(byText.first { $0.key.contains("stankoverlast") }?.value)
        let only = try XCTUnwrap(byText.first { !$0.key.contains("stankoverlast") }?.value)
        handBack(daemon, mixed, from: "stadsbeheer", note: "stank is voor Milieu\nmeer tekst")
        handBack(daemon, only, from: "stadsbeheer")
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.queued("milieu").count == 1 && daemon.queued("kcc").count == 1 }, daemon.log)
        let routing = try XCTUnwrap(try daemon.message("milieu", mixed + ".json")["routing"] as? [String: Any])
        XCTAssertEqual(routing["reason"] as? String, "rerouted from Stadsbeheer: stank is voor Milieu")
        XCTAssertEqual(routing["fallback"] as? Bool, false)
        XCTAssertEqual((routing["previous"] as? [String: Any])?["team"] as? String, "Stadsbeheer")
        let fallback = try XCTUnwrap(try daemon.message("kcc", only + ".json")["routing"] as? [String: Any])
        XCTAssertEqual(fallback["team"] as? String, "KCC")
        XCTAssertEqual(fallback["fallback"] as? Bool, true)
        RerouteTests.assertEachOnce(daemon, count: 2)
        let misrouted = daemon.stateDirectory.appendingPathComponent("queues/stadsbeheer/misrouted").path
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: misrouted), [], "the file and its note are gone")
        let history = try BinaryRunner.run(["history", "--state", daemon.stateDirectory.path])
        XCTAssertEqual(history.stdout.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }.sorted(), ["KCC", "Milieu"],
                       "both corrections count, the fallback one too: \(history.stdout)")
    }

    func testAnAreaTeamHandsBackWhatItTookOverAndTheNextTeamsAreaTeamGetsIt() throws {
        let daemon = try DaemonHarness(config: DaemonHarness.config + """

            [area Noord]
            postcodes = 2221

            [team Wijk-Noord]
            takes = Stadsbeheer
            area = Noord

            [team Milieu-Noord]
            takes = Milieu
            area = Noord
            """)
        try daemon.start()
        try daemon.drop(#"{"text": "De lantaarnpaal en een stoeptegel zijn kapot, en stankoverlast, 2221 AB"}"#, as: "a.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.queued("wijk-noord").count == 1 }, daemon.log)
        let id = String(try XCTUnwrap(daemon.queued("wijk-noord").first).dropLast(5))
        handBack(daemon, id, from: "wijk-noord")
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.queued("milieu-noord").count == 1 }, daemon.log)
        let routing = try XCTUnwrap(try daemon.message("milieu-noord", id + ".json")["routing"] as? [String: Any])
        XCTAssertEqual(routing["team"] as? String, "Milieu-Noord", "not Stadsbeheer, which Wijk-Noord took it from")
        XCTAssertEqual(routing["reason"] as? String, "rerouted from Wijk-Noord")
        RerouteTests.assertEachOnce(daemon, count: 1)
        let history = try BinaryRunner.run(["history", "--config", daemon.configPath, "--state", daemon.stateDirectory.path])
        XCTAssertEqual(history.status, 0, history.stderr)
        XCTAssertEqual(history.stdout, "", "an area team's message teaches learn nothing about words")
        XCTAssertEqual(history.stderr, "history: left out 1 message of area teams and the outside team\n")
    }

    func testKillNineWhileHandingBackLeavesEachMessageInExactlyOneQueue() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        for index in 0..<40 {
            try daemon.drop(#"{"text": "De lantaarnpaal \#(index) is kapot en er is stankoverlast door de stoeptegel"}"#,
                            as: "m\(index).json", into: "forms")
        }
        XCTAssertTrue(daemon.wait(timeout: 30) { daemon.queued("stadsbeheer").count == 40 }, daemon.log)
        for file in daemon.queued("stadsbeheer") { handBack(daemon, String(file.dropLast(5)), from: "stadsbeheer") }
        XCTAssertTrue(daemon.wait(timeout: 20) { !daemon.queued("milieu").isEmpty }, daemon.log)
        daemon.signal(SIGKILL)
        _ = daemon.waitForExit(timeout: 5)
        try daemon.start()
        XCTAssertTrue(daemon.wait(timeout: 30) { daemon.queued("milieu").count == 40 }, daemon.log.suffix(2000).description)
        RerouteTests.assertEachOnce(daemon, count: 40)
    }

    func testTheExampleConsumersHandBackWhatIsNotTheirs() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        try daemon.drop(#"{"text": "De lantaarnpaal en de stoeptegel: stankoverlast"}"#, as: "a.json", into: "forms")
        try daemon.drop(#"{"text": "De lantaarnpaal is kapot"}"#, as: "c.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.queued("stadsbeheer").count == 2 }, daemon.log)
        let queue = daemon.stateDirectory.appendingPathComponent("queues/stadsbeheer").path
        let python = try CommandRunner.run(["/usr/bin/env", "python3", "examples/consumers/consume.py", "--once", "--not-ours", "stankoverlast",
                                   "--cur", queue + "/cur-py", queue], environment: [:])
        XCTAssertEqual(python.status, 0, python.stderr)
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.queued("milieu").count == 1 }, daemon.log)
        try daemon.drop(#"{"text": "De stoeptegel en de lantaarnpaal, ook stankoverlast"}"#, as: "b.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.queued("stadsbeheer").count == 1 }, daemon.log)
        let shell = try CommandRunner.run(["/bin/sh", "examples/consumers/consume.sh", "--once", queue, queue + "/cur-sh"],
                                 environment: ["NOT_OURS": "stankoverlast"])
        XCTAssertEqual(shell.status, 0, shell.stderr)
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.queued("milieu").count == 2 }, daemon.log)
        let notes = try (daemon.queued("milieu")).map { try daemon.message("milieu", $0)["routing"] as? [String: Any] }
        XCTAssertEqual(Set(notes.map { $0?["reason"] as? String ?? "" }),
                       ["rerouted from Stadsbeheer: 'stankoverlast' is not for Stadsbeheer",
                        "rerouted from Stadsbeheer: 'stankoverlast' is not for us"])
        XCTAssertEqual(python.stdout.split(separator: "\n").count + shell.stdout.split(separator: "\n").count, 1,
                       "the message that is theirs is handled: \(python.stdout) \(shell.stdout)")
    }

    func testAMessageHandedBackToTheSameTeamCanBeHandedBackAgainAcrossARestart() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        try daemon.drop(#"{"text": "Hoe laat gaat het gemeentehuis open"}"#, as: "a.json", into: "forms")
        XCTAssertTrue(daemon.wait(timeout: 20) { daemon.queued("kcc").count == 1 }, daemon.log)
        let id = String(try XCTUnwrap(daemon.queued("kcc").first).dropLast(5))
        handBack(daemon, id, from: "kcc")
        XCTAssertTrue(daemon.wait(timeout: 20) {
            (try? daemon.message("kcc", id + ".json")["routing"] as? [String: Any])??["reason"] as? String == "rerouted from KCC"
        }, "no other team clears the thresholds: back to the fallback team, KCC itself; \(daemon.log)")
        daemon.signal(SIGTERM)
        XCTAssertEqual(daemon.waitForExit(timeout: 10), 0)
        // Handed back once more while the daemon is down: the restart must not take the file
        // for a leftover of the first move.
        handBack(daemon, id, from: "kcc", note: "echt niet voor ons")
        try daemon.start()
        XCTAssertTrue(daemon.wait(timeout: 20) {
            (try? daemon.message("kcc", id + ".json")["routing"] as? [String: Any])??["reason"] as? String
                == "rerouted from KCC: echt niet voor ons"
        }, daemon.log)
        RerouteTests.assertEachOnce(daemon, count: 1)
    }
}
