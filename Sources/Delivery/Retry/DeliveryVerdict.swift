import Foundation

/// What happens to a message after an attempt.
public enum DeliveryVerdict: Sendable, Equatable {
    /// The endpoint accepted it (2xx).
    case delivered
    /// Try again at `at`.
    case retry(at: Date)
    /// Give up: it becomes a dead letter. `gone` when the endpoint answered 410.
    case dead(reason: String, gone: Bool)
}

/// Decides, after each attempt, between delivered, retry and dead letter.
///
/// 2xx is success; 408, 425, 429, 5xx, connection errors and timeouts are retried with
/// ``Backoff`` (never sooner than `Retry-After`); 410 and every other status are final. A
/// message that has had `maxAttempts` attempts, or whose next attempt would come after
/// `maxAge`, becomes a dead letter.
public struct RetryPolicy: Sendable {
    /// The limits and schedule.
    public var policy: DeliveryPolicy

    /// Creates a policy.
    public init(_ policy: DeliveryPolicy) {
        self.policy = policy
    }

    /// Whether a status is worth retrying.
    public static func isRetryable(status: Int) -> Bool {
        status == 408 || status == 425 || status == 429 || (500...599).contains(status)
    }

    /// The verdict on attempt number `attempt` (1-based) of a message pending since `since`.
    public func judge(_ outcome: HTTPOutcome, attempt: Int, since: Date, now: Date,
                      random: (ClosedRange<Double>) -> Double = { Double.random(in: $0) }) -> DeliveryVerdict {
        let problem: String
        var retryAfter: Double?
        switch outcome {
        case .response(let response) where (200...299).contains(response.status):
            return .delivered
        case .response(let response) where response.status == 410:
            return .dead(reason: "the endpoint answered 410 Gone", gone: true)
        case .response(let response) where RetryPolicy.isRetryable(status: response.status):
            problem = "HTTP \(response.status)"
            retryAfter = response.retryAfter.flatMap { RetryAfter.delay($0, now: now) }
        case .response(let response):
            let kind = (300...399).contains(response.status) ? "redirected (redirects are not followed)" : "refused the message"
            return .dead(reason: "the endpoint \(kind): HTTP \(response.status)", gone: false)
        case .failure(let failure):
            problem = failure.description
        case .aborted:
            return .retry(at: now)
        }
        if attempt >= policy.maxAttempts {
            return .dead(reason: "gave up after \(attempt) attempts (max-attempts), the last: \(problem)", gone: false)
        }
        let delay = max(Backoff.delay(retry: attempt, base: policy.retryBase, cap: policy.retryCap, random: random),
                        retryAfter ?? 0)
        let next = now.addingTimeInterval(delay)
        if next.timeIntervalSince(since) > policy.maxAge {
            return .dead(reason: "not delivered within max-age (\(Int(policy.maxAge)) s), the last: \(problem)", gone: false)
        }
        return .retry(at: next)
    }
}
