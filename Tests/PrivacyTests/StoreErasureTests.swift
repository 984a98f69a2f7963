import Delivery
import Foundation
import Privacy
import Receipts
import XCTest

/// The link stores and the outbox erase in place, and what is left still reads back.
final class StoreErasureTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("privacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
    }

    private func erase(_ store: any PrivacyStore, _ query: PersonQuery, ids: Set<String> = []) throws -> Int {
        let items = store.find(PersonMatcher(query), ids: ids)
        for item in items { try store.erase(item) }
        return items.count
    }

    func testJournalKeysAreErasedAndTheIDStaysCommitted() throws {
        let path = directory.appendingPathComponent("journal").path
        let journal = try CommitJournal(directory: path)
        _ = try journal.commit([
            .init(id: "a", team: "KCC", queue: "/q", receivedAt: "2026-12-01T10:00:00Z", conversationKey: "jan@example.nl"),
            .init(id: "b", team: "KCC", queue: "/q", receivedAt: "2026-12-01T10:00:00Z", conversationKey: "<x@mail.example>"),
        ])
        let store = JournalStore(directory: path)
        XCTAssertEqual(try erase(store, try PersonQuery(kind: .email, text: "Jan@example.nl")), 1, "a key holding the address")
        XCTAssertEqual(try erase(store, try PersonQuery(kind: .email, text: "piet@example.nl"), ids: ["b"]), 1, "a linked ID")
        XCTAssertEqual(store.find(PersonMatcher(try PersonQuery(kind: .id, text: "a")), ids: []).count, 0, "nothing left to erase")
        let reopened = try CommitJournal(directory: path)
        XCTAssertTrue(reopened.contains("a") && reopened.contains("b"), "still committed, for dedupe")
        XCTAssertNil(reopened.conversation("jan@example.nl"))
        XCTAssertNil(reopened.conversation("<x@mail.example>"))
        XCTAssertNil(reopened.conversation("--------------"), "an erased key links to nothing")
    }

    /// A correction's note may name the person: it goes with the person's messages, and a note
    /// that names them goes whichever message it is about; the move itself stays.
    func testCorrectionNotesAreErasedAndTheMoveStays() throws {
        let path = directory.appendingPathComponent("journal").path
        let journal = try CommitJournal(directory: path)
        _ = try journal.commit([
            .init(id: "a", team: "KCC", queue: "/q", receivedAt: "2026-12-01T10:00:00Z"),
            .init(id: "b", team: "KCC", queue: "/q", receivedAt: "2026-12-01T10:00:00Z"),
        ])
        try CommitJournal.append(CommitJournal.Correction(
            id: "a", from: "KCC", to: "Wmo", time: "2026-12-01T11:00:00Z", fromQueue: "/q", toQueue: "/w",
            note: "mevrouw Jansen belt"), directory: path)
        try CommitJournal.append(CommitJournal.Correction(
            id: "b", from: "KCC", to: "Milieu", time: "2026-12-01T11:00:00Z", fromQueue: "/q", toQueue: "/m",
            note: "zie mail van jan@example.nl"), directory: path)
        let store = JournalStore(directory: path)
        XCTAssertEqual(try erase(store, try PersonQuery(kind: .email, text: "jan@example.nl"), ids: ["a"]), 2)
        let text = try String(contentsOfFile: path + "/" + (try FileManager.default.contentsOfDirectory(atPath: path).first { $0.hasPrefix("journal-") }!), encoding: .utf8)
        XCTAssertFalse(text.contains("jan@example.nl"), text)
        XCTAssertFalse(text.contains("Jansen"), text)
        XCTAssertEqual(CommitJournal.lookUp("a", directory: path)?.team, "Wmo", "the move stays")
        XCTAssertEqual(CommitJournal.lookUp("b", directory: path)?.team, "Milieu", "the move stays")
    }

    func testLedgerHashesAreErased() throws {
        let path = directory.appendingPathComponent("receipts").path
        let ledger = try ReceiptLedger(directory: path, keep: 86400)
        let decisions = ["a", "b"].map { ledger.decide(id: $0, address: "Jan@Example.nl", count: 3, period: 86400) }
        _ = ledger.decide(id: "c", address: "piet@example.nl", count: 3, period: 86400)
        try ledger.append(decisions.compactMap(\.line) + [Array("S\tc\t\(ReceiptLedger.hash("piet@example.nl"))\t1\n".utf8)])
        let store = ReceiptLedgerStore(directory: path)
        XCTAssertEqual(try erase(store, try PersonQuery(kind: .email, text: "jan@example.nl")), 2)
        let text = try String(contentsOfFile: path + "/ledger.log", encoding: .utf8)
        XCTAssertFalse(text.contains(ReceiptLedger.hash("jan@example.nl")), text)
        XCTAssertTrue(text.contains(ReceiptLedger.hash("piet@example.nl")), "the other address stays")
        XCTAssertEqual(text.split(separator: "\n").count, 3, "lines keep their place")
    }

    func testABatchEntryIsBlankedAndMarkedDone() throws {
        let outbox = RecordStore(directory: directory.appendingPathComponent("outbox").path)
        try outbox.prepare()
        let records = ["jan@example.nl", "piet@example.nl"].enumerated().map { index, address in
            OutboxRecord(id: "m\(index)", team: "KCC", endpoint: "http://127.0.0.1:1/", createdAt: Date(),
                         message: Array(#"{"sender":{"email":"\#(address)"}}"#.utf8))
        }
        let lines = try outbox.writeBatch(records, name: "1.batch")
        let store = OutboxStore(directory: outbox.directory)
        XCTAssertEqual(try erase(store, try PersonQuery(kind: .email, text: "jan@example.nl")), 1)
        XCTAssertFalse(try outbox.isPending(lines[0]))
        XCTAssertTrue(try outbox.isPending(lines[1]))
        XCTAssertEqual(outbox.pendingRecords().map(\.id), ["m1"])
        let bytes = try String(contentsOfFile: outbox.batchPath("1.batch"), encoding: .utf8)
        XCTAssertFalse(bytes.contains("jan@"), bytes)
        XCTAssertEqual(store.find(PersonMatcher(try PersonQuery(kind: .id, text: "m0")), ids: []).count, 0)
    }
}
