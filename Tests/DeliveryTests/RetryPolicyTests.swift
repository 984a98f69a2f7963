import Delivery
import Foundation
import XCTest

/// Backoff, `Retry-After` and the verdict after each attempt.
final class RetryPolicyTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)
    private let policy = DeliveryPolicy(retryBase: 1, retryCap: 60, maxAttempts: 5, maxAge: 3600)

    private func verdict(_ outcome: HTTPOutcome, attempt: Int = 1, since: Date? = nil,
                         random: @escaping (ClosedRange<Double>) -> Double = { $0.upperBound }) -> DeliveryVerdict {
        RetryPolicy(policy).judge(outcome, attempt: attempt, since: since ?? now, now: now, random: random)
    }

    private func status(_ code: Int, retryAfter: String? = nil) -> HTTPOutcome {
        .response(EndpointResponse(status: code, retryAfter: retryAfter))
    }

    func testSuccessIsAny2xx() {
        for code in [200, 201, 202, 204, 299] { XCTAssertEqual(verdict(status(code)), .delivered, "\(code)") }
    }

    func testTransientStatusesAndFailuresAreRetried() {
        let failures: [HTTPOutcome] = [408, 425, 429, 500, 502, 503, 504, 599].map { status($0) } + [
            .failure(HTTPFailure(code: 7, message: "Connection refused")),
            .failure(HTTPFailure(code: 28, message: "Operation timed out", isTimeout: true)),
        ]
        for outcome in failures {
            XCTAssertEqual(verdict(outcome), .retry(at: now.addingTimeInterval(1)), "\(outcome)")
        }
    }

    func testOtherClientErrorsAreDeadAtOnce() {
        for code in [400, 401, 403, 404, 409, 413, 422] {
            guard case .dead(let reason, let gone) = verdict(status(code)) else { return XCTFail("\(code) not dead") }
            XCTAssertTrue(reason.contains("HTTP \(code)"), reason)
            XCTAssertFalse(gone)
        }
        guard case .dead(_, let gone) = verdict(status(410)) else { return XCTFail("410 not dead") }
        XCTAssertTrue(gone)
        guard case .dead(let reason, _) = verdict(status(301)) else { return XCTFail("301 not dead") }
        XCTAssertTrue(reason.contains("redirect"), reason)
    }

    func testBackoffDoublesUpToTheCapWithFullJitter() {
        XCTAssertEqual((1...8).map { Backoff.ceiling(retry: $0, base: 1, cap: 60) }, [1, 2, 4, 8, 16, 32, 60, 60])
        XCTAssertEqual(Backoff.ceiling(retry: 500, base: 1, cap: 60), 60)
        var asked: ClosedRange<Double>?
        let delay = Backoff.delay(retry: 3, base: 1, cap: 60) { range in
            asked = range
            return 2.5
        }
        XCTAssertEqual(asked, 0...4)
        XCTAssertEqual(delay, 2.5)
        XCTAssertEqual(verdict(status(503), attempt: 3, random: { $0.lowerBound }), .retry(at: now))
    }

    func testRetryAfterIsHonouredInSecondsAndAsADate() {
        XCTAssertEqual(verdict(status(503, retryAfter: "30"), random: { _ in 0 }), .retry(at: now.addingTimeInterval(30)))
        let date = "Fri, 15 Jan 2027 08:00:20 GMT"  // 1_800_000_020
        XCTAssertEqual(verdict(status(429, retryAfter: date), random: { _ in 0 }), .retry(at: now.addingTimeInterval(20)))
        XCTAssertEqual(verdict(status(429, retryAfter: "2"), random: { _ in 5 }), .retry(at: now.addingTimeInterval(5)),
                       "a longer backoff wins over a shorter Retry-After")
        XCTAssertEqual(verdict(status(503, retryAfter: "soon"), random: { _ in 0 }), .retry(at: now), "unreadable: ignored")
    }

    func testRetryAfterForms() {
        XCTAssertEqual(RetryAfter.delay("120", now: now), 120)
        XCTAssertEqual(RetryAfter.delay(" 0 ", now: now), 0)
        XCTAssertEqual(RetryAfter.httpDate("Sun, 06 Nov 1994 08:49:37 GMT")?.timeIntervalSince1970, 784_111_777)
        XCTAssertEqual(RetryAfter.httpDate("Sunday, 06-Nov-94 08:49:37 GMT")?.timeIntervalSince1970, 784_111_777)
        XCTAssertEqual(RetryAfter.httpDate("Sun Nov  6 08:49:37 1994")?.timeIntervalSince1970, 784_111_777)
        XCTAssertEqual(RetryAfter.delay("Sun, 06 Nov 1994 08:49:37 GMT", now: now), 0, "a date in the past: now")
        for bad in ["", "-5", "1.5", "tomorrow", "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
                    "Sun, 06 Nov 1994 08:49:37 CET"] {
            XCTAssertNil(RetryAfter.delay(bad, now: now), bad)
        }
    }

    func testMaxAttemptsAndMaxAgeMakeDeadLetters() {
        guard case .dead(let reason, _) = verdict(status(503), attempt: 5) else { return XCTFail("not dead at max-attempts") }
        XCTAssertTrue(reason.contains("5 attempts") && reason.contains("HTTP 503"), reason)
        XCTAssertEqual(verdict(status(503), attempt: 4), .retry(at: now.addingTimeInterval(8)))
        let old = now.addingTimeInterval(-3599)
        guard case .dead(let ageReason, _) = verdict(status(503), attempt: 2, since: old) else {
            return XCTFail("not dead past max-age")
        }
        XCTAssertTrue(ageReason.contains("max-age"), ageReason)
        XCTAssertEqual(verdict(status(503), attempt: 2, since: old, random: { _ in 0 }), .retry(at: now))
    }
}
