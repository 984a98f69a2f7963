import Delivery
import Foundation
import XCTest

/// Lanes per endpoint: the in-flight bound, pauses, and one entry per ID.
final class DeliverySchedulerTests: XCTestCase {
    private let past = Date(timeIntervalSince1970: 1_000)

    private func job(_ id: String, _ lane: String, due: Date? = nil) -> DeliveryJob {
        DeliveryJob(id: id, lane: lane, due: due ?? past)
    }

    func testASlowEndpointHoldsBackNoOtherEndpoint() {
        let scheduler = DeliveryScheduler(maxInFlight: 2)
        scheduler.submit((0..<100).map { job("slow-\($0)", "https://slow.example/") })
        scheduler.submit([job("fast-0", "https://fast.example/", due: past.addingTimeInterval(1)),
                          job("fast-1", "https://fast.example/", due: past.addingTimeInterval(2))])
        let first = [scheduler.poll(), scheduler.poll()].compactMap { $0?.lane }
        XCTAssertEqual(first, ["https://slow.example/", "https://slow.example/"], "oldest due first")
        let next = scheduler.poll()
        XCTAssertEqual(next?.id, "fast-0", "the slow lane is full: the fast one goes on")
        XCTAssertEqual(scheduler.poll()?.id, "fast-1")
        XCTAssertNil(scheduler.poll(), "both lanes are at their bound")
        XCTAssertEqual(scheduler.counts.inFlight, 4)
        XCTAssertEqual(scheduler.counts.waiting, 98)
        scheduler.finish(next!)
        XCTAssertNil(scheduler.poll(), "the fast lane is empty; the slow one is still full")
    }

    func testTwoSlowEndpointsLeaveAWorkerForAThird() throws {
        let scheduler = DeliveryScheduler(maxInFlight: 4)
        scheduler.setWorkers(8)
        scheduler.submit((0..<20).map { job("a-\($0)", "https://slow-a.example/") })
        scheduler.submit((0..<20).map { job("b-\($0)", "https://slow-b.example/") })
        let held = (0..<7).compactMap { _ in scheduler.poll() }
        XCTAssertEqual(held.count, 7)
        XCTAssertNil(scheduler.poll(), "the eighth worker is kept for a lane with nothing in flight")
        scheduler.submit([job("c-0", "https://fast.example/")])
        XCTAssertEqual(scheduler.poll()?.id, "c-0", "a third endpoint still gets a worker")
        XCTAssertEqual(scheduler.counts.inFlight, 8)
        scheduler.finish(held[0])
        XCTAssertNil(scheduler.poll(), "a freed worker is kept again while seven are busy")
    }

    func testFinishingFreesASlotInTheLane() throws {
        let scheduler = DeliveryScheduler(maxInFlight: 1)
        scheduler.submit([job("a", "L"), job("b", "L")])
        let a = try XCTUnwrap(scheduler.poll())
        XCTAssertNil(scheduler.poll())
        scheduler.finish(a)
        XCTAssertEqual(scheduler.poll()?.id, "b")
    }

    func testNextFinishingAJobFreesItsSlotAndID() throws {
        let scheduler = DeliveryScheduler(maxInFlight: 1)
        scheduler.submit([job("a", "L"), job("b", "L")])
        let a = try XCTUnwrap(scheduler.next(finishing: nil))
        XCTAssertNil(scheduler.poll(), "the lane is at its bound")
        XCTAssertEqual(scheduler.next(finishing: a)?.id, "b", "finishing a made room for b")
        XCTAssertFalse(scheduler.contains("a"))
        XCTAssertEqual(scheduler.counts.inFlight, 1)
        XCTAssertEqual(scheduler.counts.waiting, 0)
    }

    func testStopStillFinishesTheJobHandedToNext() throws {
        let scheduler = DeliveryScheduler(maxInFlight: 1)
        scheduler.submit([job("a", "L")])
        let a = try XCTUnwrap(scheduler.poll())
        scheduler.stop()
        XCTAssertNil(scheduler.next(finishing: a))
        XCTAssertFalse(scheduler.contains("a"))
        XCTAssertEqual(scheduler.counts.inFlight, 0)
    }

    func testAnIDIsScheduledOnce() throws {
        let scheduler = DeliveryScheduler(maxInFlight: 4)
        XCTAssertEqual(scheduler.submit([job("a", "L"), job("a", "L")]), 1)
        let taken = try XCTUnwrap(scheduler.poll())
        XCTAssertEqual(scheduler.submit([job("a", "L")]), 0, "in flight counts as scheduled")
        XCTAssertTrue(scheduler.contains("a"))
        scheduler.finish(taken)
        XCTAssertFalse(scheduler.contains("a"))
        XCTAssertEqual(scheduler.submit([job("a", "L")]) { _ in false }, 0, "the condition is respected")
        XCTAssertEqual(scheduler.submit([job("a", "L"), job("b", "L")]) { $0 == "b" }, 1)
    }

    func testRescheduledJobsWaitUntilDueAndPausedLanesWait() throws {
        let scheduler = DeliveryScheduler(maxInFlight: 4)
        let now = Date()
        scheduler.submit([job("a", "L"), job("b", "L"), job("c", "M", due: past.addingTimeInterval(1))])
        let a = try XCTUnwrap(scheduler.poll(now: now))
        scheduler.reschedule(a, due: now.addingTimeInterval(60), record: nil)
        scheduler.pause(lane: "L", until: now.addingTimeInterval(30))
        XCTAssertEqual(scheduler.poll(now: now)?.id, "c", "L is paused")
        XCTAssertNil(scheduler.poll(now: now))
        XCTAssertEqual(scheduler.poll(now: now.addingTimeInterval(31))?.id, "b", "after the pause")
        XCTAssertNil(scheduler.poll(now: now.addingTimeInterval(31)), "a is due later")
        XCTAssertEqual(scheduler.poll(now: now.addingTimeInterval(61))?.id, "a")
    }

    func testRecordsBeyondTheMemoryBudgetAreLeftOnDisk() throws {
        let scheduler = DeliveryScheduler(maxInFlight: 4, memoryBudget: 3100)
        let record = { (id: String) in
            OutboxRecord(id: id, team: "T", endpoint: "L", createdAt: self.past, message: [UInt8](repeating: 0x20, count: 1000))
        }
        scheduler.submit([DeliveryJob(record: record("a")), DeliveryJob(record: record("b")), DeliveryJob(record: record("c"))])
        let held = [scheduler.poll(), scheduler.poll(), scheduler.poll()].map { $0?.record != nil }
        XCTAssertEqual(held, [true, true, false])
    }

    func testStopEndsNext() {
        let scheduler = DeliveryScheduler(maxInFlight: 1)
        scheduler.submit([job("a", "L", due: Date().addingTimeInterval(3600))])
        let done = expectation(description: "next returns nil")
        Thread.detachNewThread {
            XCTAssertNil(scheduler.next())
            done.fulfill()
        }
        scheduler.stop()
        wait(for: [done], timeout: 5)
    }
}
