@testable import Delivery
import Foundation
import Synchronization
import XCTest

/// Batch files in the outbox: their format, marking entries done, and what recovery does with them.
final class OutboxBatchTests: XCTestCase {
    private final class Events: Sendable {
        let names = Mutex<[String]>([])
    }

    private func record(_ id: String, requeued: Bool = false, message: String? = nil) -> OutboxRecord {
        OutboxRecord(id: id, team: "Wmo", endpoint: "http://127.0.0.1:9/", createdAt: Date(timeIntervalSince1970: 1_700_000_000),
                     requeuedAt: requeued ? Date(timeIntervalSince1970: 1_750_000_000) : nil,
                     nextAttemptAt: Date(timeIntervalSince1970: 1_800_000_000),
                     message: Array((message ?? #"{"id":"\#(id)"}"#).utf8))
    }

    private func service(_ directory: TemporaryDirectory, events: Events = Events(),
                         committed: @escaping @Sendable (String) -> Bool = { $0.hasPrefix("c") }) throws -> DeliveryService {
        let service = DeliveryService(state: directory.path, configuration: DeliveryConfiguration(), isCommitted: committed,
                                      log: { _, event, _ in events.names.withLock { $0.append(event) } })
        try service.prepare()
        return service
    }

    func testEntriesRoundTripWithTheirMarksAndANewlineInsideTheJSON() throws {
        // A dead letter edited by hand may hold raw newlines: entries are framed by length.
        let records = [record("a"), record("b", message: "{\"id\":\n\"b\"}"), record("c")]
        let (bytes, offsets) = OutboxBatch.encode(records)
        XCTAssertEqual(offsets.first, 0)
        XCTAssertEqual(offsets.map { bytes[$0] }, [UInt8](repeating: OutboxBatch.pending, count: 3))
        var marked = bytes
        marked[offsets[1]] = OutboxBatch.done
        let entries = OutboxBatch.decode(marked, name: "x.batch")
        XCTAssertEqual(entries.map(\.isDone), [false, true, false])
        XCTAssertEqual(entries.map(\.line.offset), offsets)
        XCTAssertEqual(try entries.map { try $0.record.get() }, records)
    }

    func testACutShortFileEndsWithOneUnreadableEntry() {
        let (bytes, offsets) = OutboxBatch.encode([record("a"), record("b")])
        for cut in [offsets[1] + 1, offsets[1] + 5, bytes.count - 1] {
            let entries = OutboxBatch.decode(Array(bytes[..<cut]), name: "x.batch")
            XCTAssertEqual(entries.count, 2, "cut at \(cut)")
            XCTAssertEqual(try entries[0].record.get().id, "a")
            XCTAssertThrowsError(try entries[1].record.get())
        }
        XCTAssertEqual(OutboxBatch.decode(Array("X 3 {}}\n".utf8), name: "x.batch").count, 1)
        XCTAssertNil(OutboxBatch.frame(Array("P 99999999999999999 {}\n".utf8), at: 0), "no overflow on a long length")
    }

    func testABatchWrittenByRootBelongsToTheDirectorysOwner() throws {
        try XCTSkipUnless(geteuid() == 0, "needs root")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = RecordStore(directory: directory.path + "/outbox")
        try store.prepare()
        XCTAssertEqual(chown(store.directory, 65534, 65534), 0)
        let lines = try store.writeBatch([record("a")])
        let attributes = try FileManager.default.attributesOfItem(atPath: store.batchPath(lines[0].batch))
        XCTAssertEqual(attributes[.ownerAccountID] as? Int, 65534)
        XCTAssertEqual(attributes[.groupOwnerAccountID] as? Int, 65534)
    }

    func testNamesAreUniqueAndSortInTimeOrder() {
        let early = OutboxBatch.newName(now: Date(timeIntervalSince1970: 1_800_000_000))
        let late = OutboxBatch.newName(now: Date(timeIntervalSince1970: 1_800_000_001))
        XCTAssertLessThan(early, late)
        XCTAssertNotEqual(OutboxBatch.newName(), OutboxBatch.newName())
        XCTAssertTrue(RecordStore.isBatchName(late))
        XCTAssertFalse(RecordStore.isBatchName(late + ".part"))
        XCTAssertNil(RecordStore.id(ofFile: late), "a batch file is not an ID.json record")
    }

    func testStoreMarksEntriesDoneInPlaceAndCountsEachIDOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = RecordStore(directory: directory.path + "/outbox")
        try store.prepare()
        let lines = try store.writeBatch([record("a"), record("b")], name: "1-1-1.batch")
        try store.write(record("b"))
        try "junk".write(toFile: store.batchPath("2-1-1.batch.part"), atomically: false, encoding: .utf8)
        XCTAssertEqual(store.batchNames(), ["1-1-1.batch"])
        XCTAssertEqual(store.pendingRecords().map(\.id).sorted(), ["a", "b"])
        XCTAssertEqual(try store.load(lines[1])?.id, "b")
        let size = try FileManager.default.attributesOfItem(atPath: store.batchPath("1-1-1.batch"))[.size] as? Int
        try store.markDone(lines[0])
        XCTAssertFalse(try store.isPending(lines[0]))
        XCTAssertTrue(try store.isPending(lines[1]))
        XCTAssertNil(try store.load(lines[0]), "a done entry is not loaded")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: store.batchPath("1-1-1.batch"))[.size] as? Int, size)
        XCTAssertEqual(store.removeBatchParts(), 1)
        try store.removeBatch("1-1-1.batch")
        XCTAssertFalse(try store.isPending(lines[1]))
        XCTAssertNil(try store.load(lines[1]))
        XCTAssertNoThrow(try store.markDone(lines[1]), "marking an entry of a removed batch is no error")
    }

    func testTheFileGoesWithItsLastSettledEntry() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let service = try service(directory)
        let records = [record("c1"), record("c2"), record("c3")]
        let lines = try service.stage(records)
        let path = service.outbox.batchPath(lines[0].batch)
        XCTAssertTrue(service.batches.knows(lines[0].batch))
        service.submit(records, lines: lines, committed: ["c1", "c3"])
        XCTAssertFalse(try service.outbox.isPending(lines[1]), "an entry not committed now is settled")
        XCTAssertEqual(service.counts.waiting, 2)
        let file = try XCTUnwrap(service.batches.file(named: lines[0].batch))
        service.settle(lines[0], in: file)
        XCTAssertTrue(try service.batches.syncMarked(), "the marked batch file is synced")
        XCTAssertFalse(try service.batches.syncMarked())
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        service.settle(lines[2], in: file)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        XCTAssertFalse(service.batches.knows(lines[0].batch))
    }

    func testARecordWhoseRewriteFailsKeepsItsFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let service = try service(directory)  // no endpoints: every attempt is a retry
        func record(_ id: String) -> OutboxRecord {  // young enough not to be given up on
            OutboxRecord(id: id, team: "Wmo", endpoint: "http://127.0.0.1:9/", createdAt: Date(), message: Array("{}".utf8))
        }
        try service.outbox.write(record("c5"))
        try FileManager.default.createDirectory(atPath: service.outbox.path("c5") + ".part", withIntermediateDirectories: false)
        let session = try CurlSession(abort: service.abort)
        XCTAssertFalse(service.attempt(DeliveryJob(record: record("c5")), session: session), "rescheduled")
        XCTAssertTrue(service.outbox.contains("c5"), "the only durable copy of the record stays")

        let lines = try service.stage([record("c6")])
        try FileManager.default.createDirectory(atPath: service.outbox.path("c6") + ".part", withIntermediateDirectories: false)
        var job = DeliveryJob(record: record("c6"), line: lines[0])
        job.file = service.batches.file(named: lines[0].batch)
        XCTAssertFalse(service.attempt(job, session: session))
        XCTAssertFalse(service.outbox.contains("c6"))
        XCTAssertTrue(try service.outbox.isPending(lines[0]), "a batch entry goes on as the record")
    }

    func testAFinishedBatchIsNotWrittenAgain() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let service = try service(directory)
        let lines = try service.stage([record("c1")])
        let file = try XCTUnwrap(service.batches.file(named: lines[0].batch))
        XCTAssertGreaterThanOrEqual(file.fd, 0, "kept open while its entries are settled")
        service.settle(lines[0], in: file)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path))
        // A second settle of the same entry (a bug elsewhere) must not write through the closed descriptor.
        let other = try service.outbox.writeBatch([record("c2")], name: "9-9-9.batch")
        service.settle(lines[0], in: file)
        XCTAssertTrue(try service.outbox.isPending(other[0]))
        XCTAssertNil(service.batches.file(named: lines[0].batch))
    }

    func testAFailedCommitStrandsItsEntriesUntilALaterCommitOrTheNextStart() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let service = try service(directory, committed: { $0 == "c0" })
        let records = [record("c0"), record("c1"), record("c2")]
        let lines = try service.stage(records)
        service.submit(records, lines: lines, committed: [], failed: true)
        XCTAssertEqual(service.counts.waiting, 0, "nothing of a failed commit is posted")
        XCTAssertEqual(try lines.map(service.outbox.isPending), [false, true, true], "c0 was committed before: settled")
        service.rescan()
        XCTAssertEqual(service.counts.waiting, 0, "the batch is still the daemon's: no rescan takes it up")

        let failedAgain = try service.stage([record("c1")])  // the source tries c1 again: it fails again
        service.submit([record("c1")], lines: failedAgain, committed: [], failed: true)
        let again = try service.stage([record("c1")])  // and once more, and it commits
        service.submit([record("c1")], lines: again, committed: ["c1"])
        XCTAssertEqual(service.counts.waiting, 1)
        XCTAssertEqual(try lines.map(service.outbox.isPending), [false, false, true], "the later commit supersedes c1's entries")
        XCTAssertFalse(try service.outbox.isPending(failedAgain[0]))
        XCTAssertFalse(FileManager.default.fileExists(atPath: service.outbox.batchPath(failedAgain[0].batch)))

        // After a restart the journal decides: here it holds c1 (the second commit) and c2.
        let restarted = try self.service(directory, committed: { ["c1", "c2"].contains($0) })
        XCTAssertEqual(restarted.recover().scheduled, 2)
        XCTAssertEqual(restarted.counts.waiting, 2, "c2 from the failed batch, c1 from the later one")
    }

    func testRecoverySchedulesPendingEntriesAndSettlesTheRest() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let events = Events()
        let service = try service(directory, events: events)
        try service.outbox.write(record("cfile"))
        var dead = record("cdead")
        dead.deadAt = Date(timeIntervalSince1970: 1_760_000_000)
        try service.deadLetters.write(dead)
        let first = try service.outbox.writeBatch(
            [record("c1"), record("cfile"), record("uncommitted"), record("cdead"), record("requeued", requeued: true)],
            name: "1-1-1.batch")
        let second = try service.outbox.writeBatch([record("c1"), record("c2")], name: "2-1-1.batch")
        try service.outbox.markDone(second[1])
        var damaged = try Data(contentsOf: URL(fileURLWithPath: service.outbox.batchPath("2-1-1.batch")))
        damaged.append(contentsOf: Array("P 40 {\"id\":".utf8))
        try damaged.write(to: URL(fileURLWithPath: service.outbox.batchPath("2-1-1.batch")))
        let allDone = try service.outbox.writeBatch([record("c9")], name: "3-1-1.batch")
        try service.outbox.markDone(allDone[0])

        let recovery = service.recover()
        XCTAssertEqual(recovery, DeliveryService.Recovery(scheduled: 3, removed: 1, unreadable: 1))
        XCTAssertEqual(service.counts.waiting, 3, "cfile (its ID.json), c1 (once), requeued")
        XCTAssertEqual(try first.map(service.outbox.isPending), [true, false, false, false, true])
        XCTAssertFalse(FileManager.default.fileExists(atPath: service.outbox.batchPath("2-1-1.batch")),
                       "its one good entry was a second c1: nothing left, so the file went")
        XCTAssertTrue(FileManager.default.fileExists(atPath: service.outbox.batchPath("2-1-1.batch") + ".unreadable"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: service.outbox.batchPath("3-1-1.batch")))
        XCTAssertEqual(service.deadLetters.ids(), ["cdead"])
        XCTAssertTrue(events.names.withLock { $0.contains("outbox-orphan-removed") && $0.contains("outbox-unreadable") })
    }
}
