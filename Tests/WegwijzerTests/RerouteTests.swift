import Foundation
import Glibc
import XCTest

/// `wegwijzer reroute` against the real binary and a running daemon: moves, errors, and
/// kill -9 at any point leaving each message in exactly one queue.
final class RerouteTests: XCTestCase {
    /// Every copy of every message, by ID: the queues (and folders) holding it.
    static func copies(_ daemon: DaemonHarness) -> [String: [String]] {
        var found: [String: [String]] = [:]
        let all = daemon.stateDirectory.appendingPathComponent("queues").path
        for queue in ((try? FileManager.default.contentsOfDirectory(atPath: all)) ?? []).sorted() {
            let root = all + "/" + queue
            let folders = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
                .filter { $0 == "new" || $0 == "tmp" || $0 == "misrouted" || $0.hasPrefix("cur") }
            for folder in folders {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? [] where name.hasSuffix(".json") {
                    found[String(name.dropLast(5)), default: []].append("\(queue)/\(folder)")
                }
            }
        }
        return found
    }

    /// Asserts each of `count` messages is in exactly one queue's `new/` or claim folder.
    static func assertEachOnce(_ daemon: DaemonHarness, count: Int, file: StaticString = #filePath, line: UInt = #line) {
        let found = copies(daemon)
        XCTAssertEqual(found.count, count, "messages: \(found)", file: file, line: line)
        for (id, places) in found {
            XCTAssertEqual(places.count, 1, "\(id) is in \(places)", file: file, line: line)
            XCTAssertFalse(places.first?.hasSuffix("/tmp") ?? true, "\(id) left staged in \(places)", file: file, line: line)
        }
    }

    private func reroute(_ daemon: DaemonHarness, _ arguments: [String]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(["reroute", "--config", daemon.configPath, "--state", daemon.stateDirectory.path] + arguments)
    }

    private func startWithMessages(_ texts: [String], file: StaticString = #filePath, line: UInt = #line) throws -> DaemonHarness {
        let daemon = try DaemonHarness()
        try daemon.start(file: file, line: line)
        for (index, text) in texts.enumerated() {
            try daemon.drop(#"{"text": "\#(text)", "attachments": [{"filename": "foto.txt", "contentType": "text/plain", "content": "aGFsbG8="}]}"#,
                            as: "m\(index).json", into: "forms")
        }
        XCTAssertTrue(daemon.wait(timeout: 30) { Self.copies(daemon).count == texts.count && daemon.waiting(in: "forms").isEmpty },
                      daemon.log, file: file, line: line)
        return daemon
    }

    func testRerouteMovesTheMessageWithItsAttachmentsAndHistoryShowsIt() throws {
        let daemon = try startWithMessages(["De lantaarnpaal is kapot"])
        let id = try XCTUnwrap(daemon.queued("stadsbeheer").first).replacingOccurrences(of: ".json", with: "")
        // The team has claimed it into a claim folder of its own.
        let queue = daemon.stateDirectory.appendingPathComponent("queues/stadsbeheer").path
        try FileManager.default.createDirectory(atPath: queue + "/cur-import", withIntermediateDirectories: true)
        XCTAssertEqual(rename(queue + "/new/\(id).json", queue + "/cur-import/\(id).json"), 0)
        let result = try reroute(daemon, [id, "milieu", "--note", "toch van Milieu"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "\(id) moved from Stadsbeheer to Milieu\n")
        Self.assertEachOnce(daemon, count: 1)
        let message = try daemon.message("milieu", "\(id).json")
        let routing = try XCTUnwrap(message["routing"] as? [String: Any])
        XCTAssertEqual(routing["team"] as? String, "Milieu")
        XCTAssertEqual(routing["reason"] as? String, "rerouted from Stadsbeheer: toch van Milieu")
        XCTAssertEqual((routing["previous"] as? [String: Any])?["team"] as? String, "Stadsbeheer")
        let attachment = daemon.stateDirectory.appendingPathComponent("queues/milieu/attachments/\(id)/foto.txt").path
        XCTAssertEqual(FileManager.default.contents(atPath: attachment), Data("hallo".utf8))
        XCTAssertFalse(FileManager.default.fileExists(atPath: queue + "/attachments/\(id)"), "the attachments moved")
        let journal = try String(contentsOfFile: daemon.stateDirectory.appendingPathComponent("journal/journal-00000001.log").path, encoding: .utf8)
        XCTAssertTrue(journal.contains("R\t\(id)\tStadsbeheer\tMilieu\t"), journal)
        let history = try BinaryRunner.run(["history", "--state", daemon.stateDirectory.path])
        XCTAssertEqual(history.stdout, "Milieu\tDe lantaarnpaal is kapot\n", history.stderr)
        // The history is what learn reads.
        let file = daemon.root.appendingPathComponent("history.tsv").path
        try history.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let learned = try BinaryRunner.run(["learn", "--config", daemon.configPath, "--min-examples", "1",
                                            "--output", daemon.root.appendingPathComponent("learned.conf").path, file])
        XCTAssertEqual(learned.status, 0, learned.stderr)
        XCTAssertTrue(learned.stderr.contains("1 examples from 1 file") || learned.stdout.contains("1 examples from 1 file"),
                      learned.stdout + learned.stderr)
        // Moved on again: the first decision stays under previous.
        XCTAssertEqual(try reroute(daemon, [id, "Wmo"]).status, 0)
        let again = try XCTUnwrap(try daemon.message("wmo", "\(id).json")["routing"] as? [String: Any])
        XCTAssertEqual((again["previous"] as? [String: Any])?["team"] as? String, "Stadsbeheer")
        XCTAssertEqual(again["reason"] as? String, "rerouted from Milieu")
        Self.assertEachOnce(daemon, count: 1)
    }

    func testUnknownIDUnknownTeamAndDeletedMessage() throws {
        let daemon = try startWithMessages(["Mijn rolstoel is kapot"])
        let id = try XCTUnwrap(daemon.queued("wmo").first).replacingOccurrences(of: ".json", with: "")
        let unknown = try reroute(daemon, ["AAAAAAAAAAAAAAAAAAAAAAAAAA", "Milieu"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stderr, "wegwijzer reroute: no message AAAAAAAAAAAAAAAAAAAAAAAAAA (not in the journal, the archive or any queue)\n")
        let team = try reroute(daemon, [id, "Parken"])
        XCTAssertEqual(team.status, 1)
        XCTAssertEqual(team.stderr, "wegwijzer reroute: no team 'Parken' (teams: KCC, Stadsbeheer, Milieu, Wmo, Burgerzaken)\n")
        XCTAssertEqual(try reroute(daemon, [id]).status, 2)
        try FileManager.default.removeItem(atPath: daemon.stateDirectory.appendingPathComponent("queues/wmo/new/\(id).json").path)
        let deleted = try reroute(daemon, [id, "Burgerzaken"])
        XCTAssertEqual(deleted.status, 0, deleted.stderr)
        XCTAssertEqual(deleted.stdout, "\(id) was already deleted by Wmo and cannot be moved; the correction to Burgerzaken is recorded\n")
        XCTAssertEqual(Self.copies(daemon), [:])
        let history = try BinaryRunner.run(["history", "--state", daemon.stateDirectory.path])
        XCTAssertEqual(history.stdout, "Burgerzaken\tMijn rolstoel is kapot\n")
    }

    func testKillNineAtAnyPointLeavesEachMessageInExactlyOneQueue() throws {
        let texts = (0..<24).map { "De lantaarnpaal nummer \($0) is kapot" }
        let daemon = try startWithMessages(texts)
        var generator = SystemRandomNumberGenerator()
        for (index, name) in daemon.queued("stadsbeheer").enumerated() {
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = ["reroute", "--config", daemon.configPath, "--state", daemon.stateDirectory.path,
                                 String(name.dropLast(5)), index % 2 == 0 ? "Milieu" : "Wmo"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...40_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        daemon.signal(SIGKILL)
        _ = daemon.waitForExit(timeout: 5)
        try daemon.start()
        Self.assertEachOnce(daemon, count: texts.count)
        // Whatever was cut short, history and the queues agree.
        let history = try BinaryRunner.run(["history", "--state", daemon.stateDirectory.path])
        var inHistory: [String: Int] = [:]
        for line in history.stdout.split(separator: "\n") { inHistory[String(line.split(separator: "\t")[0]).lowercased(), default: 0] += 1 }
        for queue in ["stadsbeheer", "milieu", "wmo"] {
            XCTAssertEqual(inHistory[queue] ?? 0, daemon.queued(queue).count, "history and the \(queue) queue: \(history.stdout)")
        }
    }

    func testRecoveryFinishesOrUndoesAMoveCutShort() throws {
        let daemon = try startWithMessages(["De lantaarnpaal A is kapot", "De lantaarnpaal B is kapot", "De lantaarnpaal C is kapot"])
        let ids = daemon.queued("stadsbeheer").map { String($0.dropLast(5)) }
        let queues = daemon.stateDirectory.appendingPathComponent("queues").path
        let journal = daemon.stateDirectory.appendingPathComponent("journal/journal-00000001.log").path
        daemon.signal(SIGKILL)
        _ = daemon.waitForExit(timeout: 5)
        try FileManager.default.createDirectory(atPath: queues + "/milieu/tmp", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: queues + "/milieu/new", withIntermediateDirectories: true)
        // A: staged in Milieu, no journal line yet: the move never happened.
        try FileManager.default.copyItem(atPath: queues + "/stadsbeheer/new/\(ids[0]).json", toPath: queues + "/milieu/tmp/\(ids[0]).json")
        // B: journaled, not yet published: the move is finished.
        try FileManager.default.copyItem(atPath: queues + "/stadsbeheer/new/\(ids[1]).json", toPath: queues + "/milieu/tmp/\(ids[1]).json")
        // C: published, the old copy not yet removed: the old copy goes.
        try FileManager.default.copyItem(atPath: queues + "/stadsbeheer/new/\(ids[2]).json", toPath: queues + "/milieu/new/\(ids[2]).json")
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: journal))
        handle.seekToEndOfFile()
        for id in ids.dropFirst() {
            handle.write(Data("R\t\(id)\tStadsbeheer\tMilieu\t2026-12-06T10:00:00Z\t\(queues)/stadsbeheer\t\(queues)/milieu\t\n".utf8))
        }
        try handle.close()
        try daemon.start()
        XCTAssertEqual(daemon.queued("stadsbeheer"), [ids[0] + ".json"])
        XCTAssertEqual(daemon.queued("milieu"), [ids[1], ids[2]].sorted().map { $0 + ".json" })
        Self.assertEachOnce(daemon, count: 3)
    }
}
