import Foundation
import Glibc
import XCTest

/// The daemon's retention sweep gives way to intake: while forms keep coming in, it removes
/// aged files at its minimum rate (a chunk a second) instead of at once; once intake falls
/// quiet it finishes, and logs how often it gave way.
final class SweepYieldDaemonTests: XCTestCase {
    func testTheSweepHoldsBackWhileFormsComeInAndFinishesAfter() throws {
        let daemon = try DaemonHarness(config: PrivacyFixture.config(router: "retention = 2s"))
        let claimed = daemon.stateDirectory.appendingPathComponent("queues/kcc/cur")
        try FileManager.default.createDirectory(at: claimed, withIntermediateDirectories: true)
        // Written now, so aged two seconds from now, while the forms below come in.
        for index in 0..<100 {
            XCTAssertTrue(FileManager.default.createFile(atPath: claimed.appendingPathComponent("c\(index).json").path,
                                                         contents: Data("{}".utf8)))
        }
        try daemon.start()
        var dropped = 0
        let busyUntil = Date().addingTimeInterval(4.5)
        while Date() < busyUntil {
            try daemon.drop(PrivacyFixture.form("asbest", subject: "melding \(dropped)", citizen: false), as: "f\(dropped).json",
                            into: "forms")
            dropped += 1
            usleep(20_000)
        }
        let leftUnderLoad = PrivacyFixture.names(in: "queues/kcc/cur", of: daemon).count
        XCTAssertGreaterThan(leftUnderLoad, 0, "at its idle pace the sweep removes 100 files at once\n\(daemon.log)")
        // The sweep logs once its folder is fsynced, after the last removal.
        XCTAssertTrue(daemon.wait(timeout: 20) {
            PrivacyFixture.names(in: "queues/kcc/cur", of: daemon).isEmpty && daemon.queued("milieu").count == dropped
                && daemon.log.contains(#""event":"retention-swept""#)
        }, "left: \(PrivacyFixture.names(in: "queues/kcc/cur", of: daemon).count), routed \(daemon.queued("milieu").count) of \(dropped)\n\(daemon.log)")
        let swept = daemon.log.split(separator: "\n").filter { $0.contains(#""event":"retention-swept""#) }
        XCTAssertTrue(swept.contains { $0.contains(#""yields":""#) }, "the sweep logs how often it gave way\n\(daemon.log)")
        XCTAssertFalse(daemon.log.contains("retention-failed"), daemon.log)
    }
}
