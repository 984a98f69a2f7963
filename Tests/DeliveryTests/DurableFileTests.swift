import Storage
import Foundation
import XCTest

import Delivery

#if canImport(Glibc)
import Glibc
#endif

final class DurableFileTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var savedUmask: mode_t = 0

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
        savedUmask = umask(0o022)
    }

    override func tearDown() {
        umask(savedUmask)
        directory.remove()
    }

    func testCreateFileWritesExactModeWhateverTheUmask() throws {
        umask(0o077)
        let path = directory.path + "/a.json"
        try DurableFile.createFile(at: path, contents: Array("hallo".utf8), mode: 0o640)
        XCTAssertEqual(try contents(path), Array("hallo".utf8))
        try assertMode(path, 0o640)
    }

    func testCreateFileWritesLargeContent() throws {
        let path = directory.path + "/big"
        let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try DurableFile.createFile(at: path, contents: bytes, mode: 0o600)
        XCTAssertEqual(try DurableFile.readFile(at: path), bytes)
    }

    func testCreateFileRefusesAnExistingFile() throws {
        let path = directory.path + "/a"
        try DurableFile.createFile(at: path, contents: [1], mode: 0o640)
        XCTAssertThrowsError(try DurableFile.createFile(at: path, contents: [2], mode: 0o640)) { error in
            let failure = error as? IOFailure
            XCTAssertEqual(failure?.errno, EEXIST)
            XCTAssertEqual(failure?.description, "cannot create \(path): File exists")
            XCTAssertEqual(failure?.isDiskFull, false)
        }
        XCTAssertEqual(try contents(path), [1])
    }

    func testFullDeviceIsReportedAsDiskFull() throws {
        let fd = open("/dev/full", O_WRONLY | O_CLOEXEC)
        try XCTSkipIf(fd < 0, "/dev/full is not available")
        defer { close(fd) }
        XCTAssertThrowsError(try DurableFile.writeAll([1, 2, 3], to: fd, path: "/dev/full")) { error in
            let failure = error as? IOFailure
            XCTAssertEqual(failure?.isDiskFull, true)
            XCTAssertEqual(failure?.description, "cannot write /dev/full: No space left on device")
        }
    }

    func testFailureClassificationAndDescription() {
        let full = IOFailure(operation: .write, path: "/x/y", errno: ENOSPC)
        XCTAssertTrue(full.isDiskFull)
        XCTAssertEqual(full.description, "cannot write /x/y: No space left on device")
        XCTAssertTrue(IOFailure(operation: .create, path: "/q", errno: EDQUOT).isDiskFull)
        XCTAssertFalse(IOFailure(operation: .write, path: "/q", errno: EACCES).isDiskFull)
        XCTAssertFalse(IOFailure(operation: .sync, path: "/q", errno: EIO).isDiskFull)
        XCTAssertEqual(
            IOFailure(operation: .rename, path: "/a", destination: "/b", errno: ENOENT).description,
            "cannot rename /a to /b: No such file or directory")
        XCTAssertEqual(
            IOFailure(operation: .makeDirectory, path: "/q", errno: EACCES).description,
            "cannot create directory /q: Permission denied")
    }

    func testMakeDirectoriesCreatesParentsWithExactMode() throws {
        umask(0o077)
        let deep = directory.path + "/a/b/c"
        XCTAssertTrue(try DurableFile.makeDirectories(at: deep, mode: 0o750))
        try assertMode(directory.path + "/a", 0o750)
        try assertMode(deep, 0o750)
        XCTAssertFalse(try DurableFile.makeDirectories(at: deep + "/", mode: 0o750))
    }

    func testMakeDirectoriesThroughAFileFails() throws {
        let file = directory.path + "/plain"
        try DurableFile.createFile(at: file, contents: [], mode: 0o640)
        XCTAssertThrowsError(try DurableFile.makeDirectories(at: file + "/sub", mode: 0o750)) { error in
            XCTAssertEqual((error as? IOFailure)?.errno, ENOTDIR)
        }
        XCTAssertThrowsError(try DurableFile.makeDirectories(at: file, mode: 0o750)) { error in
            XCTAssertEqual((error as? IOFailure)?.errno, ENOTDIR)
        }
    }

    func testRenameRemoveAndList() throws {
        let a = directory.path + "/a", b = directory.path + "/b"
        try DurableFile.createFile(at: a, contents: [7], mode: 0o640)
        XCTAssertTrue(try DurableFile.renameIfPresent(a, to: b))
        XCTAssertFalse(try DurableFile.renameIfPresent(a, to: b))
        try DurableFile.syncDirectory(at: directory.path)
        XCTAssertEqual(try DurableFile.listDirectory(at: directory.path), ["b"])
        XCTAssertThrowsError(try DurableFile.rename(a, to: b))
        XCTAssertThrowsError(try DurableFile.renameIfPresent(b, to: directory.path + "/missing/b"))
        XCTAssertTrue(try DurableFile.removeFile(at: b))
        XCTAssertFalse(try DurableFile.removeFile(at: b))
        XCTAssertEqual(try DurableFile.listDirectory(at: directory.path), [])
    }

    func testRemoveTree() throws {
        let root = directory.path + "/t"
        try DurableFile.makeDirectories(at: root + "/sub", mode: 0o750)
        try DurableFile.createFile(at: root + "/x", contents: [1], mode: 0o640)
        try DurableFile.createFile(at: root + "/sub/y", contents: [2], mode: 0o640)
        XCTAssertTrue(try DurableFile.removeTree(at: root))
        XCTAssertFalse(DurableFile.exists(root))
        XCTAssertFalse(try DurableFile.removeTree(at: root))
    }

    func testSyncOfMissingDirectoryFails() {
        XCTAssertThrowsError(try DurableFile.syncDirectory(at: directory.path + "/none")) { error in
            XCTAssertEqual((error as? IOFailure)?.errno, ENOENT)
        }
    }
}
