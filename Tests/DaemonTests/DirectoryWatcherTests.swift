import Foundation
import XCTest

@testable import Intake

#if canImport(Glibc)
import Glibc
#endif

final class DirectoryWatcherTests: XCTestCase {
    private var directory = ""
    /// Upper bound for a wait whose events are already queued; it returns as soon as they are.
    private let patience = Duration.seconds(10)

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testSeesRenamedFileButNotOneStillOpen() throws {
        let watcher = try DirectoryWatcher(path: directory)
        let open = try write("a.json.tmp", "{\"text\": \"half", keepOpen: true)
        _ = try write("b.json.tmp", "{\"text\": \"whole\"}")
        XCTAssertEqual(rename(directory + "/b.json.tmp", directory + "/b.json"), 0)

        let changes = try watcher.waitForChanges(timeout: patience)
        XCTAssertEqual(changes.names, ["b.json.tmp", "b.json"])
        XCTAssertFalse(changes.needsRescan)
        XCTAssertEqual(changes.names.filter(DirectoryWatcher.isCompleteName), ["b.json"])

        XCTAssertEqual(close(try XCTUnwrap(open)), 0)
        XCTAssertEqual(try watcher.waitForChanges(timeout: patience).names, ["a.json.tmp"])
    }

    func testReportsAFileWrittenInPlaceOnce() throws {
        let watcher = try DirectoryWatcher(path: directory)
        _ = try write("c.txt", "een")
        let fd = Glibc.open(directory + "/c.txt", O_WRONLY | O_APPEND)
        XCTAssertEqual(Glibc.write(fd, "twee", 4), 4)
        XCTAssertEqual(close(fd), 0)
        XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/d.txt", contents: Data("x".utf8)))
        XCTAssertEqual(try watcher.waitForChanges(timeout: patience).names, ["c.txt", "d.txt"])
    }

    func testIgnoresDirectoriesAndReadsOnly() throws {
        let watcher = try DirectoryWatcher(path: directory)
        _ = try write("e.txt", "x")
        XCTAssertEqual(try watcher.waitForChanges(timeout: patience).names, ["e.txt"])
        XCTAssertNotNil(FileManager.default.contents(atPath: directory + "/e.txt"))
        let elsewhere = directory + "-sub"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        XCTAssertEqual(rename(elsewhere, directory + "/sub"), 0)
        XCTAssertTrue(try watcher.waitForChanges(timeout: .zero).isEmpty)
    }

    func testTimeoutGivesNoChanges() throws {
        let watcher = try DirectoryWatcher(path: directory)
        XCTAssertTrue(try watcher.waitForChanges(timeout: .zero).isEmpty)
        XCTAssertTrue(try watcher.waitForChanges(timeout: .milliseconds(1)).isEmpty)
    }

    func testRemovedDirectoryLosesTheWatch() throws {
        let watcher = try DirectoryWatcher(path: directory)
        XCTAssertEqual(rmdir(directory), 0)
        let changes = try watcher.waitForChanges(timeout: patience)
        XCTAssertTrue(changes.isWatchLost)
        XCTAssertTrue(changes.needsRescan)
    }

    func testCannotWatchMissingDirectoryOrAFile() throws {
        XCTAssertThrowsError(try DirectoryWatcher(path: directory + "/missing")) { error in
            XCTAssertEqual((error as? DirectoryWatcher.Failure)?.errno, ENOENT)
            XCTAssertEqual(
                (error as? DirectoryWatcher.Failure)?.description,
                "cannot watch \(directory)/missing: No such file or directory")
        }
        _ = try write("plain", "x")
        XCTAssertThrowsError(try DirectoryWatcher(path: directory + "/plain")) { error in
            XCTAssertEqual((error as? DirectoryWatcher.Failure)?.errno, ENOTDIR)
        }
    }

    func testReleasingTheWatcherClosesItsDescriptor() throws {
        let before = inotifyDescriptors()
        var watcher: DirectoryWatcher? = try DirectoryWatcher(path: directory)
        XCTAssertEqual(inotifyDescriptors(), before + 1)
        XCTAssertNotNil(watcher)
        watcher = nil
        XCTAssertEqual(inotifyDescriptors(), before)
    }

    func testIsCompleteName() {
        XCTAssertTrue(DirectoryWatcher.isCompleteName("melding.json"))
        XCTAssertTrue(DirectoryWatcher.isCompleteName("tmp"))
        XCTAssertTrue(DirectoryWatcher.isCompleteName("a.tmpl"))
        XCTAssertFalse(DirectoryWatcher.isCompleteName(".melding.json"))
        XCTAssertFalse(DirectoryWatcher.isCompleteName("melding.json.tmp"))
        XCTAssertFalse(DirectoryWatcher.isCompleteName(""))
    }

    func testParsesRecordsOverflowAndTruncation() {
        var bytes = record(mask: IN_CLOSE_WRITE, name: "a.json", padTo: 16)
        bytes += record(mask: IN_MOVED_TO, name: "b.json", padTo: 8)
        bytes += record(mask: IN_MOVED_TO | IN_ISDIR, name: "dir", padTo: 4)
        bytes += record(mask: IN_CLOSE_WRITE, name: "a.json", padTo: 8)
        XCTAssertEqual(parse(bytes), DirectoryWatcher.Changes(names: ["a.json", "b.json"]))

        let overflow = record(mask: IN_Q_OVERFLOW, name: "", padTo: 0)
        XCTAssertEqual(
            parse(overflow + bytes), DirectoryWatcher.Changes(names: ["a.json", "b.json"], needsRescan: true))
        XCTAssertEqual(
            parse(record(mask: IN_IGNORED, name: "", padTo: 0)),
            DirectoryWatcher.Changes(needsRescan: true, isWatchLost: true))

        let cut = bytes + record(mask: IN_CLOSE_WRITE, name: "c.json", padTo: 16).dropLast(3)
        XCTAssertEqual(parse(cut), DirectoryWatcher.Changes(names: ["a.json", "b.json"], needsRescan: true))
        XCTAssertEqual(parse(Array(bytes.prefix(10))), DirectoryWatcher.Changes(needsRescan: true))
        XCTAssertEqual(parse([]), DirectoryWatcher.Changes())
    }

    func testTimeoutInMilliseconds() {
        XCTAssertEqual(DirectoryWatcher.milliseconds(.zero), 0)
        XCTAssertEqual(DirectoryWatcher.milliseconds(.microseconds(1)), 1)
        XCTAssertEqual(DirectoryWatcher.milliseconds(.milliseconds(1500)), 1500)
        XCTAssertEqual(DirectoryWatcher.milliseconds(.seconds(-3)), 0)
        XCTAssertEqual(DirectoryWatcher.milliseconds(.seconds(Int64.max)), Int32.max)
    }

    // MARK: helpers

    /// Writes `text` to a new file `name` and closes it, or returns it still open.
    @discardableResult
    private func write(
        _ name: String, _ text: String, keepOpen: Bool = false, file: StaticString = #filePath, line: UInt = #line
    ) throws -> Int32? {
        let fd = Glibc.open(directory + "/" + name, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0, "open \(name)", file: file, line: line)
        let bytes = Array(text.utf8)
        XCTAssertEqual(Glibc.write(fd, bytes, bytes.count), bytes.count, "write \(name)", file: file, line: line)
        if keepOpen { return fd }
        XCTAssertEqual(close(fd), 0, file: file, line: line)
        return nil
    }

    /// One `inotify_event` record as the kernel lays it out, its name padded to `padTo` bytes.
    private func record(mask: Int32, name: String, padTo: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        let nameBytes = Array(name.utf8) + [UInt8](repeating: 0, count: max(padTo - name.utf8.count, 0))
        for field in [UInt32(1), UInt32(bitPattern: mask), 0, UInt32(nameBytes.count)] {
            withUnsafeBytes(of: field.littleEndian) { bytes += $0 }
        }
        return bytes + nameBytes
    }

    private func parse(_ bytes: [UInt8]) -> DirectoryWatcher.Changes {
        var changes = DirectoryWatcher.Changes()
        var seen = Set<String>()
        bytes.withUnsafeBytes { DirectoryWatcher.parse($0, into: &changes, seen: &seen) }
        return changes
    }

    /// How many inotify descriptors this process holds.
    private func inotifyDescriptors() -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return entries.filter {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0)) == "anon_inode:inotify"
        }.count
    }
}
