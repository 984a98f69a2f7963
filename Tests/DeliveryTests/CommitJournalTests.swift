import Delivery
import Foundation
import Synchronization
import XCTest

final class CommitJournalTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var path: String { directory.path + "/journal" }

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    private static func entry(_ id: String, key: String? = nil) -> CommitJournal.Entry {
        CommitJournal.Entry(id: id, team: "Milieu", queue: "/q/milieu", receivedAt: "2026-11-29T10:15:00.000Z", conversationKey: key)
    }

    func testCommitReturnsOnlyNewIDsAndSurvivesReopening() throws {
        let journal = try CommitJournal(directory: path)
        XCTAssertEqual(try journal.commit([Self.entry("a"), Self.entry("b"), Self.entry("a")]), ["a", "b"])
        XCTAssertEqual(try journal.commit([Self.entry("b"), Self.entry("c")]), ["c"])
        XCTAssertEqual(try journal.commit([Self.entry("c")]), [])
        try journal.markPublished(["a"])
        let reopened = try CommitJournal(directory: path)
        XCTAssertTrue(reopened.contains("a") && reopened.contains("b") && reopened.contains("c"))
        XCTAssertFalse(reopened.contains("d"))
        XCTAssertEqual(reopened.unpublished.map(\.id), ["b", "c"])
        XCTAssertEqual(CommitJournal.read(directory: path).committed, 3)
        XCTAssertEqual(reopened.team(of: "a"), "Milieu")
        XCTAssertNil(reopened.team(of: "d"))
    }

    func testCorrectionsMoveTheTeamAndItsRepliesAndSurviveReopening() throws {
        let journal = try CommitJournal(directory: path)
        _ = try journal.commit([Self.entry("a", key: "<a@example.nl>"), Self.entry("b")])
        try journal.markPublished(["a", "b"])
        try journal.record(.init(id: "a", from: "Milieu", to: "Wmo", time: "2026-12-06T10:00:00Z", fromQueue: "/q/milieu",
                                 toQueue: "/q/wmo", note: "niet\tvan ons"))
        XCTAssertEqual(journal.team(of: "a"), "Wmo")
        XCTAssertEqual(journal.conversation("<a@example.nl>")?.team, "Wmo", "a reply follows the message")
        // Another process (wegwijzer reroute) appends to the newest segment.
        try CommitJournal.append(.init(id: "b", from: "Milieu", to: "KCC", time: "2026-12-06T11:00:00Z", fromQueue: "/q/milieu",
                                       toQueue: "/q/kcc"), directory: path)
        XCTAssertEqual(journal.team(of: "b"), "Milieu", "not yet looked at")
        journal.takeInForeignCorrections()
        XCTAssertEqual(journal.team(of: "b"), "KCC", "taken in while open")
        _ = try journal.commit([Self.entry("d")])
        try journal.markPublished(["d"])
        journal.takeInForeignCorrections()
        XCTAssertNil(journal.correction(of: "d"), "its own lines read again change nothing")
        XCTAssertEqual(journal.team(of: "b"), "KCC")
        let reopened = try CommitJournal(directory: path)
        XCTAssertEqual(reopened.team(of: "a"), "Wmo")
        XCTAssertEqual(reopened.team(of: "b"), "KCC")
        XCTAssertEqual(reopened.conversation("<a@example.nl>")?.team, "Wmo")
        XCTAssertEqual(reopened.correction(of: "a")?.note, "niet van ons", "a tab in the note cannot break the line")
        XCTAssertEqual(Set(reopened.corrections.map(\.id)), ["a", "b"])
        XCTAssertEqual(reopened.unpublished, [], "a correction does not make a message unpublished")
        XCTAssertEqual(CommitJournal.lookUp("b", directory: path)?.queue, "/q/kcc")
        XCTAssertEqual(CommitJournal.lookUp("a", directory: path)?.team, "Wmo")
        XCTAssertNil(CommitJournal.lookUp("c", directory: path))
    }

    func testSeparatorsInFieldsCannotBreakALine() throws {
        let journal = try CommitJournal(directory: path)
        _ = try journal.commit([Self.entry("a", key: "<x\r\ny\tz@example.nl>")])
        let reopened = try CommitJournal(directory: path)
        XCTAssertEqual(reopened.conversation("<x  y z@example.nl>")?.id, "a")
        XCTAssertEqual(reopened.unpublished.first?.conversationKey, "<x  y z@example.nl>")
    }

    func testConcurrentCommitsAndLookUpsAgree() throws {
        let journal = try CommitJournal(directory: path)
        let fresh = ConcurrentCount()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for round in 0..<50 {
                let ids = (0..<4).map { "id-\((worker + $0) % 8)-\(round)" }
                let new = (try? journal.commit(ids.map { Self.entry($0) })) ?? []
                fresh.add(new.count)
                for id in ids { XCTAssertTrue(journal.contains(id)) }
            }
        }
        XCTAssertEqual(fresh.value, 8 * 50, "each ID is new exactly once")
        XCTAssertEqual(try CommitJournal(directory: path).committedCount, 8 * 50)
    }

    func testAFullSegmentRotatesAndKeepsWhatIsUnpublished() throws {
        let journal = try CommitJournal(directory: path)
        _ = try journal.commit([Self.entry("kept")])
        let filler = (0..<(CommitJournal.segmentLimit / 60)).map { Self.entry("filler-\($0)") }
        _ = try journal.commit(filler)
        try journal.markPublished(filler.map(\.id))
        let segments = try names(in: path)
        XCTAssertEqual(segments.count, 2, "\(segments)")
        let reopened = try CommitJournal(directory: path)
        XCTAssertEqual(reopened.unpublished.map(\.id), ["kept"])
        XCTAssertTrue(reopened.contains("filler-0"))
    }
}

/// A counter that threads add to.
private final class ConcurrentCount: Sendable {
    private let total = Mutex(0)
    func add(_ count: Int) { total.withLock { $0 += count } }
    var value: Int { total.withLock { $0 } }
}
