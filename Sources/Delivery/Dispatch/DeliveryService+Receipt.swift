import Foundation

/// A delivery worker's SMTP session, made when its first receipt is due and then reused, so a
/// worker that never sends a receipt opens no SMTP handle. Owned by one worker thread.
final class MailSlot {
    private let abort: AbortSignal
    private var session: SMTPSession?

    init(abort: AbortSignal) {
        self.abort = abort
    }

    /// The session, made at first use.
    func take() throws(HTTPFailure) -> SMTPSession {
        if let session { return session }
        let made = try SMTPSession(abort: abort)
        session = made
        return made
    }
}

extension DeliveryService {
    /// One attempt to send a receipt through the `[acknowledge]` SMTP server, then the verdict,
    /// as for endpoint deliveries: accepted (`250`) is delivered; `4xx` and no answer are
    /// retried with the backoff; `5xx`, `max-attempts` and `max-age` make a dead letter.
    /// Returns whether the job is done.
    func send(_ job: DeliveryJob, record: OutboxRecord, mail: MailSlot) -> Bool {
        let envelope: ReceiptRecord.Envelope
        do {
            envelope = try ReceiptRecord.envelope(of: record)
        } catch {
            return bury(record, attempt: nil, reason: "\(error)", gone: false, job: job)
        }
        let configuration = current
        let started = Date()
        let outcome: SMTPOutcome
        if let settings = configuration.smtp {
            do {
                outcome = try mail.take().send(from: envelope.from, to: envelope.to, mail: Array(envelope.mail.utf8),
                                               settings: settings)
            } catch {
                outcome = .failure(error.description)
            }
        } else {
            // Retried, until a reload configures `[acknowledge]` again or the receipt is too old.
            outcome = .failure("no [acknowledge] section in the configuration")
        }
        if case .aborted = outcome {
            scheduler.reschedule(job, due: record.nextAttemptAt, record: record)
            return false
        }
        let attempt = DeliveryAttempt(at: started, smtp: outcome)
        let verdict = RetryPolicy(configuration.policy).judge(
            smtp: outcome, attempt: record.attempts.count + 1, since: record.since, now: Date())
        switch verdict {
        case .delivered:
            finishDelivered(job, record: record)
            receiptCounted(.ok)
            log(.info, "receipt-sent", ["id": record.id, "team": record.team, "messageId": envelope.messageID,
                                        "attempts": String(record.attempts.count + 1)])
            return true
        case .retry(let due):
            let (again, updated) = recordRetry(job, record: record, attempt: attempt, due: due)
            scheduler.reschedule(again, due: due, record: updated)
            receiptCounted(.retrying)
            log(.warning, "receipt-retry", [
                "id": record.id, "team": record.team, "attempt": String(updated.attempts.count),
                "result": attempt.status.map { "SMTP \($0)" } ?? attempt.summary, "next": RFC3339.format(due),
            ])
            return false
        case .dead(let reason, _):
            return bury(record, attempt: attempt, reason: reason, gone: false, job: job)
        }
    }
}
