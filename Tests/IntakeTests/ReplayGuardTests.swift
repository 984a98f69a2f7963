import Intake
import XCTest

final class ReplayGuardTests: XCTestCase {
    func testASecondSightingIsARefusalUntilItExpires() {
        let guardian = ReplayGuard()
        XCTAssertTrue(guardian.admit("a", expires: 100, now: 10))
        XCTAssertFalse(guardian.admit("a", expires: 100, now: 50))
        XCTAssertTrue(guardian.admit("b", expires: 100, now: 50))
        XCTAssertTrue(guardian.admit("a", expires: 200, now: 100))
    }

    func testForgottenKeysMayComeAgain() {
        let guardian = ReplayGuard()
        XCTAssertTrue(guardian.admit("a", expires: 100, now: 10))
        guardian.forget("a")
        XCTAssertTrue(guardian.admit("a", expires: 100, now: 11))
    }

    func testMemoryIsBoundedByCapacity() {
        let guardian = ReplayGuard(capacity: 100)
        for index in 0..<10_000 { XCTAssertTrue(guardian.admit("k\(index)", expires: 1_000_000, now: 0)) }
        XCTAssertLessThanOrEqual(guardian.count, 100)
        XCTAssertFalse(guardian.admit("k9999", expires: 1_000_000, now: 0), "the newest are kept")
    }

    func testExpiredEntriesAreDropped() {
        let guardian = ReplayGuard()
        for index in 0..<50 { _ = guardian.admit("k\(index)", expires: 10, now: 0) }
        _ = guardian.admit("late", expires: 100, now: 20)
        XCTAssertEqual(guardian.count, 1)
    }
}
