import Foundation

extension RetryPolicy {
    /// The verdict on attempt number `attempt` (1-based) to send a receipt pending since
    /// `since`: `250` is delivered; a `4xx` answer or no answer (connection, TLS, time-out) is
    /// retried with ``Backoff``, within `maxAttempts` and `maxAge`; a `5xx` answer is final.
    public func judge(smtp outcome: SMTPOutcome, attempt: Int, since: Date, now: Date,
                      random: (ClosedRange<Double>) -> Double = { Double.random(in: $0) }) -> DeliveryVerdict {
        let problem: String
        switch outcome {
        case .accepted:
            return .delivered
        case .permanent(let code, let message):
            return .dead(reason: "the SMTP server refused the receipt: \(code) \(message)", gone: false)
        case .temporary(let code, let message):
            problem = "SMTP \(code) \(message)"
        case .failure(let message):
            problem = message
        case .aborted:
            return .retry(at: now)
        }
        if attempt >= policy.maxAttempts {
            return .dead(reason: "gave up after \(attempt) attempts (max-attempts), the last: \(problem)", gone: false)
        }
        let next = now.addingTimeInterval(Backoff.delay(retry: attempt, base: policy.retryBase, cap: policy.retryCap,
                                                        random: random))
        if next.timeIntervalSince(since) > policy.maxAge {
            return .dead(reason: "not delivered within max-age (\(Int(policy.maxAge)) s), the last: \(problem)", gone: false)
        }
        return .retry(at: next)
    }
}

extension DeliveryAttempt {
    /// The record of an SMTP `outcome`, made at `at`: the reply code as `status`, the server's
    /// text or the failure as `error`.
    public init(at: Date, smtp outcome: SMTPOutcome) {
        self.init(at: at)
        switch outcome {
        case .accepted:
            status = 250
        case .temporary(let code, let message), .permanent(let code, let message):
            status = code
            error = message
        case .failure(let message):
            error = message
        case .aborted:
            error = "aborted: the service stopped"
        }
    }
}
