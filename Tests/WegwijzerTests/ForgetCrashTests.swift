import Foundation
import Glibc
import XCTest

/// `wegwijzer forget` killed with SIGKILL halfway: a second run finishes it, and nothing of the
/// person remains.
final class ForgetCrashTests: XCTestCase {
    func testASecondRunAfterKill9FinishesTheErasure() throws {
        let daemon = try DaemonHarness(config: PrivacyFixture.config())  // its folders only; not started
        let queue = daemon.stateDirectory.appendingPathComponent("queues/kcc")
        let journal = daemon.stateDirectory.appendingPathComponent("journal")
        for folder in [queue.appendingPathComponent("new"), journal] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let count = 3000
        var lines = ""
        for number in 0..<count {
            let id = String(format: "m%05d", number)
            let message = #"{"id":"\#(id)","sender":{"name":"\#(PrivacyFixture.name)","email":"\#(PrivacyFixture.email)"},"text":"\#(PrivacyFixture.text)"}"#
            let fd = open(queue.path + "/new/\(id).json", O_WRONLY | O_CREAT | O_EXCL, 0o640)
            XCTAssertEqual(message.utf8.withContiguousStorageIfAvailable { write(fd, $0.baseAddress, $0.count) }, message.utf8.count)
            close(fd)
            lines += "C\t\(id)\tKCC\t\(queue.path)\t2026-12-01T10:00:00Z\t\(id)@voorbeeld.nl\nP\t\(id)\n"
        }
        try Data(lines.utf8).write(to: journal.appendingPathComponent("journal-00000001.log"))
        try Data(#"{"id":"other","sender":{"email":"piet@example.org"},"text":"x"}"#.utf8)
            .write(to: queue.appendingPathComponent("new/other.json"))

        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["forget", "--config", daemon.configPath, "--state", daemon.stateDirectory.path,
                             "--email", PrivacyFixture.email]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let left = { ((try? FileManager.default.contentsOfDirectory(atPath: queue.appendingPathComponent("new").path)) ?? []).count }
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, left() > count * 2 / 3, Date() < deadline { usleep(1000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "forget finished before it was killed")
        let remaining = left()
        XCTAssertGreaterThan(remaining, 1, "killed halfway, some messages are left")
        XCTAssertFalse(FileManager.default.fileExists(atPath: daemon.stateDirectory.appendingPathComponent("audit.log").path),
                       "no audit line for an erasure that did not finish")

        let again = try daemon.command(["forget", "--email", PrivacyFixture.email])
        assertStatus(again, 0)
        XCTAssertTrue(again.stdout.hasPrefix("erased \(remaining - 1) items"), again.stdout)
        XCTAssertEqual(left(), 1, "only the other person's message is left")
        XCTAssertEqual(PrivacyFixture.files(under: daemon.stateDirectory, holding: PrivacyFixture.email), [])
        XCTAssertEqual(PrivacyFixture.files(under: daemon.stateDirectory, holding: "@voorbeeld.nl"), [], "the journal's keys are erased")
        assertStatus(try daemon.command(["find", "--email", PrivacyFixture.email]), 1)
    }

    func testAnItemThatCannotBeErasedIsReportedAndASecondRunFinishes() throws {
        let daemon = try DaemonHarness(config: PrivacyFixture.config())  // its folders only; not started
        let new = daemon.stateDirectory.appendingPathComponent("queues/kcc/new")
        try FileManager.default.createDirectory(at: new, withIntermediateDirectories: true)
        for id in ["a", "b", "c"] {
            try Data(#"{"id":"\#(id)","sender":{"email":"\#(PrivacyFixture.email)"}}"#.utf8).write(to: new.appendingPathComponent("\(id).json"))
        }
        let stuck = new.appendingPathComponent("b.json").path
        // An immutable file cannot be removed, not even by root (chattr +i; not every file system has it).
        guard PrivacyFixture.chattr("+i", stuck) == 0 else {
            throw XCTSkip("chattr +i is not supported here")
        }
        defer { _ = PrivacyFixture.chattr("-i", stuck) }
        let first = try daemon.command(["forget", "--email", PrivacyFixture.email])
        assertStatus(first, 2)
        XCTAssertTrue(first.stderr.contains("wegwijzer forget: cannot erase \(stuck)"), first.stderr)
        XCTAssertTrue(first.stdout.hasPrefix("erased 2 items"), first.stdout)
        let audit = try String(contentsOf: daemon.stateDirectory.appendingPathComponent("audit.log"), encoding: .utf8)
        XCTAssertTrue(audit.contains(#""failures":1"#), audit)

        XCTAssertEqual(PrivacyFixture.chattr("-i", stuck), 0)
        let second = try daemon.command(["forget", "--email", PrivacyFixture.email])
        assertStatus(second, 0)
        XCTAssertTrue(second.stdout.hasPrefix("erased 1 items"), second.stdout)
        XCTAssertEqual(PrivacyFixture.files(under: daemon.stateDirectory, holding: PrivacyFixture.email), [])
    }
}
