import Foundation
import Glibc
import XCTest

/// The example consumers (examples/consumers) against a queue the real daemon filled.
final class QueueConsumerTests: XCTestCase {
    private static let python = ["/usr/bin/env", "python3", "examples/consumers/consume.py"]
    private static let shell = ["/bin/sh", "examples/consumers/consume.sh"]

    func testPythonConsumerTakesEveryMessageOnceAndEmptiesNew() throws {
        try requirePython()
        let (daemon, ids) = try filledQueue(count: 30, withAttachment: true)
        let queue = daemon.stateDirectory.appendingPathComponent("queues/stadsbeheer").path
        let result = try Self.run(Self.python + ["--once", queue])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        XCTAssertEqual(lines.map { String($0[0]) }.sorted(), ids)
        XCTAssertTrue(lines.allSatisfy { $0.count >= 4 && $0[1] == "Stadsbeheer" && $0[2] == "normal" }, result.stdout)
        let attachments = lines.flatMap { $0.dropFirst(4) }.map(String.init)
        XCTAssertEqual(attachments.count, 1, "one message has one attachment: \(result.stdout)")
        XCTAssertEqual(try String(contentsOfFile: attachments[0], encoding: .utf8), "foto van de paal")
        XCTAssertEqual(daemon.queued("stadsbeheer"), [], "new/ is empty")
        XCTAssertEqual(Self.jsonFiles(in: queue + "/cur"), [], "handled messages leave cur/")
    }

    func testShellConsumerTakesEveryMessageOnceAndEmptiesNew() throws {
        let (daemon, ids) = try filledQueue(count: 30)
        let queue = daemon.stateDirectory.appendingPathComponent("queues/stadsbeheer").path
        let result = try Self.run(Self.shell + ["--once", queue])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: "\t") }
        XCTAssertEqual(lines.map { String($0[0]) }.sorted(), ids)
        XCTAssertEqual(Set(lines.map { $0.count == 2 ? String($0[1]) : "" }), Set((0..<30).map { "melding \($0)" }), result.stdout)
        XCTAssertEqual(daemon.queued("stadsbeheer"), [])
        XCTAssertEqual(Self.jsonFiles(in: queue + "/cur"), [])
    }

    func testRacingPythonConsumersEachClaimADisjointShare() throws {
        try requirePython()
        try assertRaceIsSafe(Self.python, curOption: true, count: 600)
    }

    func testRacingShellConsumersEachClaimADisjointShare() throws {
        try assertRaceIsSafe(Self.shell, curOption: false, count: 150)
    }

    func testBothConsumersFinishWhatAnEarlierRunLeftInCur() throws {
        try requirePython()
        let (daemon, ids) = try filledQueue(count: 4)
        let queue = daemon.stateDirectory.appendingPathComponent("queues/stadsbeheer").path
        // Claimed by runs that stopped before handling them; the others are still in new/.
        for index in [0, 2] {
            try FileManager.default.createDirectory(atPath: queue + "/cur-\(index)", withIntermediateDirectories: true)
            XCTAssertEqual(rename(queue + "/new/\(ids[index]).json", queue + "/cur-\(index)/\(ids[index]).json"), 0)
        }
        let python = try Self.run(Self.python + ["--once", "--cur", queue + "/cur-0", queue])
        XCTAssertEqual(python.status, 0, python.stderr)
        XCTAssertEqual(Self.firstColumn(python.stdout), [ids[0], ids[1], ids[3]], "the leftover first, then new/")
        let shell = try Self.run(Self.shell + ["--once", queue, queue + "/cur-2"])
        XCTAssertEqual(shell.status, 0, shell.stderr)
        XCTAssertEqual(Self.firstColumn(shell.stdout), [ids[2]])
        XCTAssertEqual(Self.jsonFiles(in: queue + "/cur-0") + Self.jsonFiles(in: queue + "/cur-2"), [])
        XCTAssertEqual(daemon.queued("stadsbeheer"), [])
    }

    // MARK: - Helpers

    /// Three consumers of one kind start together on one queue and, reading new/ in the same
    /// order, collide on many messages; every message is handled exactly once, by one of them.
    private func assertRaceIsSafe(
        _ command: [String], curOption: Bool, count: Int, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let (daemon, ids) = try filledQueue(count: count, file: file, line: line)
        let queue = daemon.stateDirectory.appendingPathComponent("queues/stadsbeheer").path
        let arguments = ["a", "b", "c"].map { name in
            curOption ? command + ["--once", "--cur", queue + "/cur-\(name)", queue] : command + ["--once", queue, queue + "/cur-\(name)"]
        }
        let results = try Self.runTogether(arguments)
        for result in results { XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line) }
        let printed = results.flatMap { Self.firstColumn($0.stdout) }
        XCTAssertEqual(printed.count, ids.count, "no message twice", file: file, line: line)
        XCTAssertEqual(Set(printed), Set(ids), "every message once", file: file, line: line)
        XCTAssertEqual(daemon.queued("stadsbeheer"), [], file: file, line: line)
    }

    /// A daemon that routed `count` forms to Stadsbeheer and was stopped; the sorted IDs.
    private func filledQueue(
        count: Int, withAttachment: Bool = false, file: StaticString = #filePath, line: UInt = #line
    ) throws -> (DaemonHarness, [String]) {
        let daemon = try DaemonHarness()
        try daemon.start(file: file, line: line)
        for index in 0..<count {
            let attachment = withAttachment && index == 0
                ? #", "attachments": [{"filename": "paal.txt", "contentType": "text/plain", "content": "Zm90byB2YW4gZGUgcGFhbA=="}]"#
                : ""
            try daemon.drop(#"{"subject": "melding \#(index)", "text": "De lantaarnpaal nummer \#(index) is kapot"\#(attachment)}"#,
                            as: "form-\(index).json", into: "forms")
        }
        let routed = daemon.wait(timeout: 60) { daemon.queued("stadsbeheer").count == count }
        XCTAssertTrue(routed, daemon.log.suffix(2000).description, file: file, line: line)
        daemon.signal(SIGTERM)
        XCTAssertEqual(daemon.waitForExit(timeout: 15), 0, file: file, line: line)
        let ids = daemon.queued("stadsbeheer").map { String($0.dropLast(".json".count)) }
        return (daemon, ids)
    }

    private func requirePython(file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try Self.run(["/usr/bin/env", "python3", "--version"])
        if result.status != 0 { throw XCTSkip("python3 is not installed: the Python consumer cannot run", file: file, line: line) }
    }

    private static func firstColumn(_ output: String) -> [String] {
        output.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
    }

    private static func jsonFiles(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }
    }

    private static func run(_ arguments: [String]) throws -> BinaryRunner.Result {
        try runTogether([arguments])[0]
    }

    /// Starts every command at once in the repository root; waits for all of them.
    private static func runTogether(_ commands: [[String]]) throws -> [BinaryRunner.Result] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wegwijzer-consumer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var running: [(Process, String, String)] = []
        for (index, arguments) in commands.enumerated() {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: arguments[0])
            process.arguments = Array(arguments.dropFirst())
            process.currentDirectoryURL = BinaryRunner.repositoryRoot
            let out = scratch.appendingPathComponent("\(index).out").path
            let err = scratch.appendingPathComponent("\(index).err").path
            _ = FileManager.default.createFile(atPath: out, contents: nil)
            _ = FileManager.default.createFile(atPath: err, contents: nil)
            process.standardOutput = FileHandle(forWritingAtPath: out)
            process.standardError = FileHandle(forWritingAtPath: err)
            process.standardInput = FileHandle.nullDevice
            running.append((process, out, err))
        }
        for (process, _, _) in running { try process.run() }
        return running.map { process, out, err in
            process.waitUntilExit()
            return BinaryRunner.Result(
                status: process.terminationStatus,
                stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
        }
    }
}
