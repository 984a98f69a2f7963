import Storage
import Delivery
import Foundation
import Hashing
import Messages
import XCTest

#if canImport(Glibc)
import Glibc
#endif

final class QueueDirectoryTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var savedUmask: mode_t = 0
    private var queue: QueueDirectory!
    /// The group the queue directory is given; not the test's own group when running as root,
    /// so that the group is seen to be set rather than inherited.
    private var group: gid_t = 0

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
        savedUmask = umask(0o022)
        let root = directory.path + "/stadsbeheer"
        XCTAssertEqual(mkdir(root, 0o750), 0)
        group = getegid()
        if geteuid() == 0 {
            group = getegid() == 4242 ? 4243 : 4242
            XCTAssertEqual(chown(root, uid_t.max, group), 0)
        }
        queue = QueueDirectory(path: root)
        try queue.prepare()
    }

    override func tearDown() {
        umask(savedUmask)
        directory.remove()
    }

    func testPrepareCreatesTheLayout() throws {
        XCTAssertEqual(try names(in: queue.path), ["attachments", "new", "tmp"])
        for sub in ["attachments", "new", "tmp"] {
            try assertMode(queue.path + "/" + sub, 0o750, group: group)
        }
        try queue.prepare()  // again: nothing changes, nothing fails
        XCTAssertEqual(try names(in: queue.path), ["attachments", "new", "tmp"])
    }

    func testPrepareCreatesAMissingQueueDirectory() throws {
        umask(0o077)
        let fresh = QueueDirectory(path: directory.path + "/queues/milieu")
        try fresh.prepare()
        try assertMode(fresh.path, 0o750)
        try assertMode(fresh.path + "/new", 0o750)
        XCTAssertEqual(fresh.depth(), 0)
    }

    func testStageWritesTmpFileWithModeAndGroup() throws {
        try queue.stage(id: "msg-1", json: Array("{\"a\":1}".utf8))
        let path = queue.path + "/tmp/msg-1.json"
        XCTAssertEqual(try contents(path), Array("{\"a\":1}".utf8))
        try assertMode(path, 0o640, group: group)
        XCTAssertTrue(queue.isStaged(id: "msg-1"))
        XCTAssertFalse(queue.isInNew(id: "msg-1"))
        XCTAssertEqual(try queue.stagedIDs(), ["msg-1"])
        XCTAssertEqual(queue.depth(), 0)
    }

    func testStageAgainReplacesTheFile() throws {
        try queue.stage(id: "m", json: Array("first, longer".utf8))
        try queue.stage(id: "m", json: Array("second".utf8))
        XCTAssertEqual(try contents(queue.path + "/tmp/m.json"), Array("second".utf8))
        XCTAssertEqual(try names(in: queue.path + "/tmp"), ["m.json"])
    }

    func testStageWritesInPlaceAndRemovingClearsAnOldPartFile() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: queue.path + "/tmp/m.json.part", contents: Data([9])))
        try queue.stage(id: "m", json: [1])
        XCTAssertEqual(try names(in: queue.path + "/tmp"), ["m.json", "m.json.part"])
        XCTAssertEqual(try queue.stagedIDs(), ["m"])
        try queue.removeStaged(id: "m")
        XCTAssertEqual(try names(in: queue.path + "/tmp"), [])
    }

    func testLeftoverPartFilesAreRemovedAndStagedFilesKept() throws {
        try queue.stage(id: "kept", json: [1])
        XCTAssertTrue(FileManager.default.createFile(atPath: queue.path + "/tmp/old.json.part", contents: Data([9])))
        XCTAssertEqual(try queue.removeLeftoverParts(), 1)
        XCTAssertEqual(try names(in: queue.path + "/tmp"), ["kept.json"])
        XCTAssertEqual(try queue.removeLeftoverParts(), 0)
    }

    func testPublishMovesToNewAndIsRepeatable() throws {
        try queue.stage([(id: "a", json: [1]), (id: "b", json: [2]), (id: "c", json: [3])])
        XCTAssertEqual(try queue.stagedIDs(), ["a", "b", "c"])
        try queue.publish(ids: ["a", "b"])
        XCTAssertEqual(try names(in: queue.path + "/new"), ["a.json", "b.json"])
        XCTAssertEqual(try queue.stagedIDs(), ["c"])
        XCTAssertEqual(queue.depth(), 2)
        XCTAssertTrue(queue.isInNew(id: "a"))
        XCTAssertFalse(queue.isStaged(id: "a"))
        try assertMode(queue.path + "/new/a.json", 0o640, group: group)
        XCTAssertEqual(try contents(queue.path + "/new/b.json"), [2])

        try queue.publish(ids: ["a", "b", "c"])
        XCTAssertEqual(queue.depth(), 3)
        XCTAssertEqual(try queue.stagedIDs(), [])
    }

    func testPublishAfterTheConsumerClaimedTheMessage() throws {
        try queue.stage(id: "x", json: [1])
        try queue.publish(ids: ["x"])
        XCTAssertEqual(unlink(queue.path + "/new/x.json"), 0)  // the team's tool claims it
        try queue.publish(ids: ["x"])
        XCTAssertFalse(queue.isInNew(id: "x"))
        XCTAssertEqual(queue.depth(), 0)
    }

    func testPublishFailsWhenNewIsMissing() throws {
        try queue.stage(id: "x", json: [1])
        XCTAssertEqual(rmdir(queue.path + "/new"), 0)
        XCTAssertThrowsError(try queue.publish(ids: ["x"])) { error in
            XCTAssertEqual((error as? IOFailure)?.errno, ENOENT)
        }
        XCTAssertTrue(queue.isStaged(id: "x"))
    }

    func testDepthCountsOnlyMessageFiles() throws {
        for name in ["a.json", "b.json", ".c.json", "d.txt", "e.json.part"] {
            XCTAssertTrue(FileManager.default.createFile(atPath: queue.path + "/new/" + name, contents: Data()))
        }
        XCTAssertEqual(queue.depth(), 2)
    }

    func testStoreAttachments() throws {
        let pdf = Array("%PDF-1.7 ...".utf8), photo: [UInt8] = [0xFF, 0xD8, 0xFF, 0x00]
        let records = try queue.storeAttachments(id: "m1", [
            (filename: "../../etc/scan.pdf", contentType: "application/pdf", data: pdf),
            (filename: "scan.pdf", contentType: "application/pdf", data: photo),
            (filename: "foto lantaarnpaal.jpg", contentType: "image/jpeg", data: photo),
        ])
        XCTAssertEqual(records, [
            Attachment(filename: "scan.pdf", contentType: "application/pdf", size: pdf.count,
                       sha256: Digest.sha256Hex(pdf), path: "attachments/m1/scan.pdf"),
            Attachment(filename: "scan-2.pdf", contentType: "application/pdf", size: 4,
                       sha256: Digest.sha256Hex(photo), path: "attachments/m1/scan-2.pdf"),
            Attachment(filename: "foto lantaarnpaal.jpg", contentType: "image/jpeg", size: 4,
                       sha256: Digest.sha256Hex(photo), path: "attachments/m1/foto lantaarnpaal.jpg"),
        ])
        XCTAssertEqual(
            try names(in: queue.path + "/attachments/m1"), ["foto lantaarnpaal.jpg", "scan-2.pdf", "scan.pdf"])
        XCTAssertEqual(try contents(queue.path + "/attachments/m1/scan.pdf"), pdf)
        try assertMode(queue.path + "/attachments/m1", 0o750, group: group)
        for record in records {
            try assertMode(queue.path + "/" + record.path, 0o640, group: group)
        }
    }

    func testStoreAttachmentsIsIdempotentAndRepairs() throws {
        let files = [(filename: "a.txt", contentType: "text/plain", data: Array("inhoud".utf8))]
        let first = try queue.storeAttachments(id: "m", files)
        let path = queue.path + "/attachments/m/a.txt"
        var before = try fileStatus(path)
        XCTAssertEqual(try queue.storeAttachments(id: "m", files), first)
        var after = try fileStatus(path)
        XCTAssertEqual(before.st_ino, after.st_ino, "identical content is not rewritten")

        // A crash left other content: it is replaced.
        XCTAssertEqual(truncate(path, 2), 0)
        before = try fileStatus(path)
        XCTAssertEqual(try queue.storeAttachments(id: "m", files), first)
        after = try fileStatus(path)
        XCTAssertNotEqual(before.st_ino, after.st_ino)
        XCTAssertEqual(try contents(path), Array("inhoud".utf8))
        XCTAssertEqual(try names(in: queue.path + "/attachments/m"), ["a.txt"])
    }

    func testNoAttachmentsCreatesNothing() throws {
        XCTAssertEqual(try queue.storeAttachments(id: "m", []), [])
        XCTAssertEqual(try names(in: queue.path + "/attachments"), [])
    }

    func testRemoveStaged() throws {
        _ = try queue.storeAttachments(id: "gone", [(filename: "x", contentType: "text/plain", data: [1])])
        try queue.stage(id: "gone", json: [1])
        try queue.removeStaged(id: "gone")
        XCTAssertFalse(queue.isStaged(id: "gone"))
        XCTAssertEqual(try names(in: queue.path + "/attachments"), [])
        try queue.removeStaged(id: "gone")  // again: nothing to do
    }

    func testRemoveStagedKeepsAttachmentsOfAPublishedMessage() throws {
        _ = try queue.storeAttachments(id: "kept", [(filename: "x", contentType: "text/plain", data: [1])])
        try queue.stage(id: "kept", json: [1])
        try queue.publish(ids: ["kept"])
        try queue.stage(id: "kept", json: [1])
        try queue.removeStaged(id: "kept")
        XCTAssertFalse(queue.isStaged(id: "kept"))
        XCTAssertEqual(try names(in: queue.path + "/attachments/kept"), ["x"])
    }

    func testInvalidIDsAreRefused() throws {
        let longest = String(repeating: "a", count: 128)
        try queue.stage(id: longest, json: [1])
        XCTAssertTrue(queue.isStaged(id: longest))
        for id in ["", "../x", "a.b", "a/b", "é", "a b", String(repeating: "a", count: 129), "x\u{0}"] {
            assertInvalid(id, try queue.stage(id: id, json: [1]))
            assertInvalid(id, try queue.publish(ids: ["ok", id]))
            assertInvalid(id, try queue.storeAttachments(id: id, [(filename: "f", contentType: "t", data: [])]))
            assertInvalid(id, try queue.removeStaged(id: id))
            XCTAssertFalse(queue.isStaged(id: id))
        }
        XCTAssertEqual(try queue.stagedIDs(), [longest])
        XCTAssertEqual(
            InvalidMessageID(id: "a/b").description,
            "invalid message ID \"a/b\": use 1 to 128 of A-Z a-z 0-9 _ -")
    }

    private func assertInvalid<T>(
        _ id: String, _ expression: @autoclosure () throws -> T,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try expression(), "ID \(id.debugDescription)", file: file, line: line) { error in
            XCTAssertEqual(error as? InvalidMessageID, InvalidMessageID(id: id), file: file, line: line)
        }
    }
}
