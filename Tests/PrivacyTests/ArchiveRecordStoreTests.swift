import Archive
import Foundation
import Privacy
import XCTest

/// The archive as a privacy store: a message is found by its text or its ID, with its
/// corrections, and erased from its day's segment alone.
final class ArchiveRecordStoreTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "archive-store-" + UUID().uuidString
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func record(_ id: String, text: String) -> ArchiveEntry {
        .message(ArchiveRecord(id: id, receivedAt: "2026-12-05T10:00:00.000Z", queuedAt: "2026-12-05T10:00:00.001Z",
                               delayMilliseconds: 1, channel: "email", source: "mail", team: "Stadsbeheer", priority: "normal",
                               fallback: false, score: 4, area: "", signals: ["lantaarnpaal"], subject: "lamp", text: text))
    }

    func testAMessageIsFoundByItsTextOrIDAndErasedWithItsCorrections() throws {
        let archive = ArchiveStore(directory: directory, retentionDays: 90)
        let day = try XCTUnwrap(ISO8601DateFormatter().date(from: "2026-12-05T10:00:00Z"))
        try archive.append([record("m1", text: "Lamp kapot, mail mij op Jan@Example.nl"), record("m2", text: "Bankje stuk"),
                            record("m3", text: "Tegel los"),
                            .correction(ArchiveCorrection(id: "m1", from: "Stadsbeheer", to: "Milieu", time: "2026-12-05T11:00:00Z"))],
                           at: day, sync: true)
        let nextDay = try XCTUnwrap(ISO8601DateFormatter().date(from: "2026-12-06T08:00:00Z"))
        try archive.append([.correction(ArchiveCorrection(id: "m1", from: "Milieu", to: "Wmo", time: "2026-12-06T08:00:00Z",
                                                          note: "Jan belde terug"))], at: nextDay, sync: true)
        let store = ArchiveRecordStore(directory: directory)
        let matcher = PersonMatcher(try PersonQuery(kind: .email, text: "jan@example.nl"))
        let found = store.find(matcher, ids: ["m3"])
        XCTAssertEqual(found.map(\.id), ["m1", "m3", "m1"], "once per message and day, in the order of the segments")
        XCTAssertEqual(found.map(\.fields), [["text"], ["id"], ["text"]])
        XCTAssertTrue(found.allSatisfy { $0.kind == .archive })
        for item in found { try store.erase(item) }
        XCTAssertEqual(try archive.entries().map(\.id), ["m2"], "m1's corrections went with it, the later day's too")
        XCTAssertEqual(store.find(matcher, ids: []).count, 0)
        try store.erase(found[0])  // already gone: no error
    }
}
