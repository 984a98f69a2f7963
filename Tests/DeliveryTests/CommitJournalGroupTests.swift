import Delivery
import Foundation
import XCTest

final class CommitJournalGroupTests: XCTestCase {
    func testConcurrentCommitsEachCountOnceAndSurviveReopening() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try CommitJournal(directory: directory)
        let fresh = FreshIDs()
        let group = DispatchGroup()
        for thread in 0..<16 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                for index in 0..<50 {
                    // Every ID is committed by two threads; exactly one of them may see it as new.
                    let id = "m\((thread / 2) * 50 + index)"
                    let entry = CommitJournal.Entry(id: id, team: "KCC", queue: "/q", receivedAt: "2026-11-29T10:00:00Z")
                    fresh.add((try? journal.commit([entry])) ?? ["failed"])
                }
            }
        }
        XCTAssertEqual(group.wait(timeout: .now() + 60), .success)
        XCTAssertEqual(fresh.all.count, 400)
        XCTAssertEqual(Set(fresh.all).count, 400, "each ID new exactly once")
        XCTAssertTrue(journal.contains("m399"))
        XCTAssertEqual(CommitJournal.read(directory: directory).committed, 400)
        XCTAssertEqual(try CommitJournal(directory: directory).unpublished.count, 400)
    }
}

/// IDs returned as new, collected from many threads.
private final class FreshIDs: @unchecked Sendable {
    // Sound: every access goes through `lock`.
    private let lock = NSLock()
    private var ids: [String] = []

    func add(_ new: [String]) {
        lock.lock()
        ids += new
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return ids
    }
}
