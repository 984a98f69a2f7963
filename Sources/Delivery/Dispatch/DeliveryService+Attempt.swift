import Foundation

extension DeliveryService {
    /// One attempt: POST the message (or send the receipt through `mail`), then record the
    /// verdict (delivered, retry, dead letter). Returns whether the job is done, for the caller
    /// to ``DeliveryScheduler/finish(_:)`` it (a job that is not done has been rescheduled).
    ///
    /// A job whose record is gone from the disk (erased by `wegwijzer forget`, though still held
    /// in memory) is settled without an attempt.
    func attempt(_ job: DeliveryJob, session: CurlSession, mail: MailSlot? = nil) -> Bool {
        guard isOnDisk(job) else {
            settle(job)
            return true
        }
        let record: OutboxRecord
        switch read(job) {
        case .found(let found):
            record = found
        case .gone:
            return true  // delivered or put away meanwhile
        case .failed:
            scheduler.reschedule(job, due: Date().addingTimeInterval(60), record: nil)
            return false
        }
        if ReceiptRecord.isReceipt(record.id) { return send(job, record: record, mail: mail ?? MailSlot(abort: abort)) }
        let configuration = current
        let endpoint = configuration.endpoint(forTeam: record.team)
        let started = Date()
        let outcome: HTTPOutcome
        if let endpoint {
            outcome = session.post(endpoint.request(
                id: record.id, body: record.message, timestamp: Int(started.timeIntervalSince1970),
                policy: configuration.policy, userAgent: userAgent))
        } else {
            // Retried like an unreachable endpoint, until a reload gives the team one again.
            outcome = .failure(HTTPFailure(code: -1, message: "team \(record.team) has no endpoint in the configuration"))
        }
        if case .aborted = outcome {
            scheduler.reschedule(job, due: record.nextAttemptAt, record: record)
            return false
        }
        let attempt = DeliveryAttempt(at: started, outcome: outcome)
        let now = Date()
        let verdict = RetryPolicy(configuration.policy).judge(
            outcome, attempt: record.attempts.count + 1, since: record.since, now: now)
        switch verdict {
        case .delivered:
            finishDelivered(job, record: record)
            counted(.ok)
            accepted(record, now)
            log(.info, "delivered", ["id": record.id, "team": record.team, "status": String(outcome.status ?? 0),
                                     "attempts": String(record.attempts.count + 1)])
            return true
        case .retry(let due):
            let (again, updated) = recordRetry(job, record: record, attempt: attempt, due: due)
            if case .response(let response) = outcome, let header = response.retryAfter,
               let delay = RetryAfter.delay(header, now: now), delay > 0 {
                scheduler.pause(lane: job.lane, until: now.addingTimeInterval(delay))
            }
            scheduler.reschedule(again, due: due, record: updated)
            counted(.retrying)
            log(.warning, "delivery-retry", [
                "id": record.id, "team": record.team, "attempt": String(updated.attempts.count),
                "result": attempt.summary, "next": RFC3339.format(due),
            ])
            return false
        case .dead(let reason, let gone):
            let done = bury(record, attempt: attempt, reason: reason, gone: gone, job: job)
            if gone {
                log(.error, "endpoint-gone", ["team": record.team, "endpoint": endpoint?.url ?? record.endpoint,
                                              "reason": "the endpoint answered 410 Gone: remove or change it in routing.conf"])
            }
            return done
        }
    }

    /// Whether the record of `job` is still in the outbox: its batch entry pending, or its
    /// `ID.json` there. An error reading the mark counts as there (the attempt reads again).
    func isOnDisk(_ job: DeliveryJob) -> Bool {
        guard let line = job.line else { return outbox.contains(job.id) }
        return (try? outbox.isPending(line)) ?? true
    }

    /// Removes a delivered record, or marks its batch entry done.
    func finishDelivered(_ job: DeliveryJob, record: OutboxRecord) {
        if job.line != nil {
            settle(job)
        } else {
            do {
                try outbox.remove(record.id, sync: false)
                removed()
            } catch {
                log(.error, "outbox-remove-failed", ["id": record.id, "reason": "\(error)"])
            }
        }
    }

    /// Writes `record` with `attempt` and its next attempt time `due` as its own `ID.json`
    /// (fsynced) and settles its batch entry; returns the job to reschedule and the record.
    func recordRetry(_ job: DeliveryJob, record: OutboxRecord, attempt: DeliveryAttempt,
                     due: Date) -> (DeliveryJob, OutboxRecord) {
        var updated = record
        updated.attempts.append(attempt)
        updated.nextAttemptAt = due
        var again = job
        do {
            // From now on the record is its own `ID.json`; its batch entry is settled.
            try outbox.write(updated)
            settle(job)
            again.line = nil
            again.file = nil
        } catch {
            // A job with a batch entry goes on with it: an `ID.json` the failed write may
            // have left must not be taken up as a second record. (Without an entry, the
            // `ID.json` is the record: it stays.)
            if job.line != nil { _ = try? outbox.remove(record.id, sync: false) }
            log(.error, "outbox-write-failed", ["id": record.id, "reason": "\(error)"])
        }
        return (again, updated)
    }

    /// Makes `record` a dead letter: written (fsynced) to `STATE/dead/`, then removed from
    /// the outbox; returns `true` (the job is done). If the dead letter cannot be written, the
    /// record is retried later instead, and it returns `false`. Once it is written the job is
    /// done, even if the removal fails: at the next start the later write, the dead letter, wins.
    func bury(_ record: OutboxRecord, attempt: DeliveryAttempt?, reason: String, gone: Bool, job: DeliveryJob) -> Bool {
        var dead = record
        if let attempt { dead.attempts.append(attempt) }
        dead.deadAt = Date()
        dead.reason = reason
        do {
            try deadLetters.write(dead)
        } catch {
            log(.error, "dead-letter-failed", ["id": record.id, "reason": "\(error)"])
            scheduler.reschedule(job, due: Date().addingTimeInterval(60), record: record)
            return false
        }
        do {
            if job.line != nil {
                settle(job)
                try syncRemovals()
            } else {
                try outbox.remove(record.id, sync: true)
            }
        } catch {
            log(.error, "outbox-remove-failed", ["id": record.id, "reason": "\(error)"])
        }
        if ReceiptRecord.isReceipt(record.id) { receiptCounted(.failed) } else { counted(.failed) }
        log(.error, "dead-letter", ["id": record.id, "team": record.team, "attempts": String(dead.attempts.count),
                                    "reason": reason])
        return true
    }
}
