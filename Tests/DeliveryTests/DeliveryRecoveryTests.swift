import Delivery
import Foundation
import Synchronization
import XCTest

/// What the service finds in the outbox at start.
final class DeliveryRecoveryTests: XCTestCase {
    private final class Events: Sendable {
        let names = Mutex<[String]>([])
    }

    private func record(_ id: String, requeued: Bool = false, due: Date = Date(timeIntervalSince1970: 1_800_000_000)) -> OutboxRecord {
        OutboxRecord(id: id, team: "Wmo", endpoint: "http://127.0.0.1:9/", createdAt: Date(timeIntervalSince1970: 1_700_000_000),
                     requeuedAt: requeued ? Date(timeIntervalSince1970: 1_750_000_000) : nil, nextAttemptAt: due,
                     message: Array(#"{"id":"\#(id)"}"#.utf8))
    }

    func testUncommittedRecordsGoAndTheRestAreScheduledAtTheirTime() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let events = Events()
        let service = DeliveryService(state: directory.path, configuration: DeliveryConfiguration(),
                                      isCommitted: { $0.hasPrefix("c") },
                                      log: { _, event, _ in events.names.withLock { $0.append(event) } })
        try service.prepare()
        try service.outbox.write([record("committed"), record("uncommitted"), record("requeued", requeued: true),
                                  record("cdead"), record("crequeued", requeued: true)])
        try "{broken".write(toFile: service.outbox.path("cbroken"), atomically: true, encoding: .utf8)
        var dead = record("cdead")
        dead.deadAt = Date(timeIntervalSince1970: 1_760_000_000)
        var older = record("crequeued")
        older.deadAt = Date(timeIntervalSince1970: 1_740_000_000)
        try service.deadLetters.write([dead, older])

        let recovery = service.recover()
        XCTAssertEqual(recovery, DeliveryService.Recovery(scheduled: 3, removed: 1, unreadable: 1))
        XCTAssertEqual(service.outbox.ids(), ["committed", "crequeued", "requeued"])
        XCTAssertEqual(service.deadLetters.ids(), ["cdead"], "the later write wins: dead letter, or the requeue")
        XCTAssertTrue(FileManager.default.fileExists(atPath: service.outbox.path("cbroken") + ".unreadable"))
        XCTAssertEqual(service.counts.waiting, 3)
        XCTAssertTrue(events.names.withLock { $0.contains("outbox-orphan-removed") && $0.contains("outbox-unreadable") })
    }
}
