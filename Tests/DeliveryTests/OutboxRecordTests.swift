import Delivery
import Foundation
import XCTest

/// Outbox and dead-letter records: their JSON, their directory, and putting dead letters back.
final class OutboxRecordTests: XCTestCase {
    private let message = Array(#"{"id":"m1","text":"zie \"message\":{\"x\":1} en , } ] \\ eind","n":[1,{"a":"}"}]}"#.utf8)

    private func record(_ id: String = "m1") -> OutboxRecord {
        OutboxRecord(
            id: id, team: "Wmo", endpoint: "https://zaken.example.nl/hook",
            createdAt: Date(timeIntervalSince1970: 1_800_000_000.25),
            nextAttemptAt: Date(timeIntervalSince1970: 1_800_000_060),
            attempts: [
                DeliveryAttempt(at: Date(timeIntervalSince1970: 1_800_000_001), status: 503, response: "busy \"now\""),
                DeliveryAttempt(at: Date(timeIntervalSince1970: 1_800_000_030), error: "curl error 7: refused"),
            ],
            message: message)
    }

    func testRecordRoundTripKeepsTheMessageByteForByte() throws {
        let original = record()
        let encoded = original.encoded()
        XCTAssertEqual(encoded.last, 0x0A)
        let decoded = try OutboxRecord.decode(encoded)
        XCTAssertEqual(decoded, original)
        XCTAssertEqual(decoded.message, message)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(encoded)) as? [String: Any])
        XCTAssertEqual(object["schema"] as? String, "wegwijzer.delivery/1")
        XCTAssertEqual(object["nextAttemptAt"] as? String, "2027-01-15T08:01:00.000Z")
        XCTAssertEqual((object["message"] as? [String: Any])?["id"] as? String, "m1")
        XCTAssertEqual((object["attempts"] as? [[String: Any]])?.first?["status"] as? Int, 503)
    }

    func testDeadLetterFieldsSurvive() throws {
        var dead = record()
        dead.deadAt = Date(timeIntervalSince1970: 1_800_000_100)
        dead.reason = "the endpoint refused the message: HTTP 400"
        XCTAssertEqual(try OutboxRecord.decode(dead.encoded()), dead)
        let back = dead.requeued(at: Date(timeIntervalSince1970: 1_900_000_000))
        XCTAssertEqual(back.attempts, [])
        XCTAssertNil(back.deadAt)
        XCTAssertEqual(back.since, Date(timeIntervalSince1970: 1_900_000_000))
        XCTAssertEqual(back.nextAttemptAt, back.since)
        XCTAssertEqual(try OutboxRecord.decode(back.encoded()).requeuedAt, back.requeuedAt)
    }

    func testMalformedRecordsAreRefused() {
        for text in ["", "[]", #"{"id":"a","team":"b"}"#, #"{"id":"a","team":"b","createdAt":"gisteren","message":{}}"#,
                     #"{"id":"a","team":"b","createdAt":"2026-01-01T00:00:00Z"}"#] {
            XCTAssertThrowsError(try OutboxRecord.decode(Array(text.utf8)), text)
        }
    }

    func testTimestamps() {
        XCTAssertEqual(RFC3339.format(Date(timeIntervalSince1970: 0.999)), "1970-01-01T00:00:00.999Z")
        XCTAssertEqual(RFC3339.format(Date(timeIntervalSince1970: 1_795_947_300.123)), "2026-11-29T10:15:00.123Z")
        XCTAssertEqual(RFC3339.format(Date(timeIntervalSince1970: 253_402_300_799.9994)), "9999-12-31T23:59:59.999Z")
        XCTAssertEqual(RFC3339.format(Date(timeIntervalSince1970: -0.001)), "1969-12-31T23:59:59.999Z")
        XCTAssertEqual(RFC3339.parse("2026-11-29T10:15:00Z")?.timeIntervalSince1970, 1_795_947_300)
        XCTAssertEqual(RFC3339.parse("2026-11-29T10:15:00.5Z")?.timeIntervalSince1970, 1_795_947_300.5)
        XCTAssertNil(RFC3339.parse("2026-11-29 10:15:00Z"))
        XCTAssertNil(RFC3339.parse("2026-11-29T10:15:00.Z"))
    }

    func testStoreWritesListsLoadsAndRemoves() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = RecordStore(directory: directory.path + "/outbox")
        try store.prepare()
        try store.write([record("b"), record("a")])
        try store.write(record("c"))
        try store.syncDirectory()
        try "junk".write(toFile: directory.path + "/outbox/x.json.part", atomically: false, encoding: .utf8)
        XCTAssertEqual(store.ids(), ["a", "b", "c"])
        XCTAssertEqual(try store.load("b")?.id, "b")
        XCTAssertNil(try store.load("z"))
        XCTAssertThrowsError(try store.load("../etc/passwd"))
        try assertMode(store.path("a"), RecordStore.fileMode)
        XCTAssertTrue(try store.remove("a", sync: false))
        XCTAssertTrue(try store.syncIfDirty())
        XCTAssertFalse(try store.syncIfDirty(), "nothing removed since")
        XCTAssertFalse(try store.remove("a", sync: true))
        XCTAssertEqual(store.ids(), ["b", "c"])
        XCTAssertEqual(store.census().count, 2)
    }

    func testRequeuePutsDeadLettersBackAndReportsUnknownIDs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let dead = RecordStore(directory: directory.path + "/dead")
        try dead.prepare()
        var letter = record("d1")
        letter.deadAt = Date()
        letter.reason = "HTTP 400"
        try dead.write([letter, record("d2")])
        let now = Date(timeIntervalSince1970: 1_900_000_000)
        let result = try DeadLetterRequeue.requeue(["d1", "nope", "../x"], state: directory.path, now: now)
        XCTAssertEqual(result.requeued, ["d1"])
        XCTAssertEqual(result.missing, ["nope", "../x"])
        XCTAssertEqual(dead.ids(), ["d2"])
        let outbox = RecordStore(directory: directory.path + "/outbox")
        XCTAssertEqual(outbox.ids(), [], "put back as one batch file, not as ID.json files")
        XCTAssertEqual(outbox.batchNames().count, 1)
        let back = try XCTUnwrap(outbox.pendingRecords().first)
        XCTAssertEqual(back.requeuedAt, now)
        XCTAssertEqual(back.attempts, [])
        XCTAssertEqual(back.message, message)
        XCTAssertEqual(try DeadLetterRequeue.requeue(nil, state: directory.path, now: now).requeued, ["d2"])
        XCTAssertEqual(dead.ids(), [])
        XCTAssertEqual(outbox.pendingRecords().map(\.id).sorted(), ["d1", "d2"])
        XCTAssertEqual(outbox.batchNames().count, 2)
    }
}
