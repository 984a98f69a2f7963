import Foundation
import Privacy
import Routing
import XCTest

/// The retention sweep gives way to intake: while intake is busy it pauses after each chunk of
/// its work, and it still finishes; while intake is idle it does not pause for it.
final class SweepPacingTests: XCTestCase {
    private var state: URL!

    override func setUpWithError() throws {
        state = FileManager.default.temporaryDirectory.appendingPathComponent("pacing-\(UUID().uuidString)")
        let claimed = state.appendingPathComponent("queues/kcc/cur")
        try FileManager.default.createDirectory(at: claimed, withIntermediateDirectories: true)
        let old = Date().addingTimeInterval(-7200)
        // 40 files: 40 looked at and 40 removed make 360 units, two chunks of 128 and a rest.
        for index in 0..<40 {
            let path = claimed.appendingPathComponent("m\(index).json").path
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("{}".utf8)))
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        }
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: state)
    }

    private func sweep(_ intake: IntakeActivity) -> (result: RetentionSweep.Result, seconds: Double) {
        var router = RouterSettings(state: state.path, queues: "queues", fallback: "KCC")
        router.retention = RetentionSettings(default: 3600)
        let config = RoutingConfig(path: "/dev/null", router: router,
                                   teams: [TeamConfig(name: "KCC", location: SourceLocation(path: "routing.conf", line: 1, column: 1))],
                                   configHash: "")
        let start = Date()
        let result = RetentionSweep(config: config, duty: 1, intake: intake).run()
        return (result, Date().timeIntervalSince(start))
    }

    private func leftInCur() throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: state.appendingPathComponent("queues/kcc/cur").path).count
    }

    func testIntakeActivityIsBusyForASecondAfterAMark() {
        let intake = IntakeActivity()
        XCTAssertFalse(intake.isBusy(), "no mark yet")
        intake.mark()
        XCTAssertTrue(intake.isBusy())
        usleep(20_000)
        XCTAssertFalse(intake.isBusy(within: 0.01), "20 ms ago is not within 10 ms")
        XCTAssertTrue(intake.isBusy(within: 1))
    }

    func testTheSweepPausesAfterEachChunkWhileIntakeIsBusyAndStillFinishes() throws {
        let intake = IntakeActivity()
        let done = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            intake.mark()
            while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut { intake.mark() }
            finished.signal()
        }
        let (result, seconds) = sweep(intake)
        done.signal()
        finished.wait()
        XCTAssertEqual(result.removed, [.claimed: 40])
        XCTAssertEqual(result.yields, 2, "one pause after each of the two full chunks")
        XCTAssertGreaterThanOrEqual(seconds, 1.9, "a second a pause")
        XCTAssertEqual(try leftInCur(), 0)
    }

    func testAnIdleSweepDoesNotPauseForIntake() throws {
        let (result, seconds) = sweep(IntakeActivity())
        XCTAssertEqual(result.removed, [.claimed: 40])
        XCTAssertEqual(result.yields, 0)
        XCTAssertLessThan(seconds, 1)
        XCTAssertEqual(try leftInCur(), 0)
    }

    func testThePauseEndsOnceIntakeFallsQuiet() throws {
        let intake = IntakeActivity()
        intake.mark()
        // The first chunk yields (marked just now); the pause ends when the mark is a second
        // old, and the second chunk no longer yields.
        let (result, seconds) = sweep(intake)
        XCTAssertEqual(result.removed, [.claimed: 40])
        XCTAssertEqual(result.yields, 1)
        XCTAssertLessThan(seconds, 1.9)
    }
}
