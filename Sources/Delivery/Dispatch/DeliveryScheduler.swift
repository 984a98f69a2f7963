import Foundation

/// Hands due jobs to delivery workers, with at most `maxInFlight` requests per endpoint.
///
/// Each endpoint has its own lane (a heap by due time), so a slow or dead endpoint fills only
/// its own lane and holds only its own share of workers: other endpoints go on, and adding a
/// job never blocks (intake is never held back). The last free worker is kept for lanes with no
/// request in flight, so that even several slow endpoints together cannot hold every worker.
/// An endpoint that asked for a pause (`Retry-After`) gets no requests until then. An ID is in
/// the scheduler at most once.
///
/// The state sits behind one `NSCondition` (a plain pthread mutex and condition variable):
/// workers sleep on it until a job is due, and short critical sections move only plain heap
/// entries, so eight workers on two cores do not spin on the lock.
public final class DeliveryScheduler: @unchecked Sendable {
    // Sound: every stored `var` below is read and written only with `condition` locked.
    private struct Lane {
        var waiting = DueHeap()
        var inFlight = 0
        var pausedUntil = 0.0
    }

    private let condition = NSCondition()
    private var lanes: [String: Lane] = [:]
    private var slots: [DeliveryJob?] = []
    private var freeSlots: [Int] = []
    private var known: Set<String> = []
    private var heldBytes = 0
    private var maxInFlight: Int
    private var workers = Int.max
    private var totalInFlight = 0
    private var sequence: UInt64 = 0
    private var sleepers = 0
    private var stopped = false
    /// Message bytes kept in memory at most; beyond it, records are read from disk when due.
    public let memoryBudget: Int

    /// Creates a scheduler.
    public init(maxInFlight: Int, memoryBudget: Int = 64 << 20) {
        self.maxInFlight = max(1, maxInFlight)
        self.memoryBudget = memoryBudget
    }

    /// The number of workers that take jobs, for the worker kept for idle lanes.
    public func setWorkers(_ count: Int) {
        locked { workers = max(1, count) }
    }

    /// Changes the per-endpoint limit (on reload).
    public func setMaxInFlight(_ limit: Int) {
        locked {
            maxInFlight = max(1, limit)
            condition.broadcast()
        }
    }

    /// Adds the jobs whose IDs are not in the scheduler and for which `condition` holds; returns
    /// how many were added.
    ///
    /// `condition` is checked under the scheduler's lock, after the ID: with "the record file
    /// still exists", and workers that remove a record before they ``finish(_:)`` its job, a
    /// job that is done can never be added again.
    @discardableResult
    public func submit(_ jobs: [DeliveryJob], if condition: (String) -> Bool = { _ in true }) -> Int {
        jobs.count - submitReturningRefused(jobs, if: condition).count
    }

    /// Adds jobs as ``submit(_:if:)`` does; returns those not added, for their caller to settle.
    public func submitReturningRefused(_ jobs: [DeliveryJob], if condition: (String) -> Bool = { _ in true }) -> [DeliveryJob] {
        locked {
            var refused: [DeliveryJob] = []
            for job in jobs {
                guard !known.contains(job.id), condition(job.id) else {
                    refused.append(job)
                    continue
                }
                known.insert(job.id)
                enqueue(job)
            }
            wake(jobs.count - refused.count)
            return refused
        }
    }

    /// Whether the ID is waiting or in flight.
    public func contains(_ id: String) -> Bool {
        locked { known.contains(id) }
    }

    /// Waits for the next due job whose endpoint has room, and counts it in flight; `nil` once
    /// the scheduler is stopped.
    public func next() -> DeliveryJob? {
        next(finishing: nil)
    }

    /// ``finish(_:)``es `done`, if given, then waits for the next job as ``next()`` does: one turn
    /// of the lock per delivery instead of two. Whoever calls this takes the freed room itself, so
    /// no sleeping worker is woken for it.
    public func next(finishing done: DeliveryJob?) -> DeliveryJob? {
        locked {
            if let done { release(done) }
            while !stopped {
                let now = Date().timeIntervalSince1970
                let (job, wait) = take(now: now)
                if let job { return job }
                sleepers += 1
                _ = self.condition.wait(until: Date(timeIntervalSince1970: now + min(wait, 1.0)))
                sleepers -= 1
            }
            return nil
        }
    }

    /// The next due job whose endpoint has room, counted in flight, without waiting; `nil`
    /// when none is due at `now`.
    public func poll(now: Date = Date()) -> DeliveryJob? {
        locked { stopped ? nil : take(now: now.timeIntervalSince1970).job }
    }

    /// The job is done (delivered or a dead letter): its ID leaves the scheduler.
    public func finish(_ job: DeliveryJob) {
        locked {
            release(job)
            wake(1)
        }
    }

    /// The job goes back to wait until `due`, holding `record` in memory if the budget allows.
    public func reschedule(_ job: DeliveryJob, due: Date, record: OutboxRecord?) {
        locked {
            if lanes[job.lane] != nil {
                lanes[job.lane]?.inFlight -= 1
                totalInFlight -= 1
            }
            var again = job
            again.due = due
            again.record = record
            enqueue(again)
            wake(1)
        }
    }

    /// No requests to `lane` before `until` (the endpoint asked with `Retry-After`).
    public func pause(lane: String, until: Date) {
        locked {
            guard let current = lanes[lane] else { return }
            lanes[lane]?.pausedUntil = max(current.pausedUntil, until.timeIntervalSince1970)
        }
    }

    /// Jobs waiting and in flight.
    public var counts: (waiting: Int, inFlight: Int) {
        locked { lanes.values.reduce((0, 0)) { ($0.0 + $1.waiting.count, $0.1 + $1.inFlight) } }
    }

    /// Makes ``next()`` return `nil` for every worker.
    public func stop() {
        locked {
            stopped = true
            condition.broadcast()
        }
    }

    private func locked<Result>(_ body: () -> Result) -> Result {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }

    /// Takes a finished job's ID out and frees its room in its lane (a lane left idle goes).
    private func release(_ job: DeliveryJob) {
        known.remove(job.id)
        guard let index = lanes.index(forKey: job.lane) else { return }
        lanes.values[index].inFlight -= 1
        totalInFlight -= 1
        let lane = lanes.values[index]
        if lane.inFlight <= 0, lane.waiting.count == 0, lane.pausedUntil <= Date().timeIntervalSince1970 {
            lanes.remove(at: index)
        }
    }

    /// Stores a job (its record only within the memory budget) and puts it in its lane.
    private func enqueue(_ job: DeliveryJob) {
        var job = job
        if heldBytes + job.heldBytes > memoryBudget { job.record = nil }
        heldBytes += job.heldBytes
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            slots[slot] = job
        } else {
            slot = slots.count
            slots.append(job)
        }
        sequence += 1
        lanes[job.lane, default: Lane()].waiting.push(.init(due: job.due.timeIntervalSince1970, sequence: sequence, slot: slot))
    }

    /// The due job of the lane that has waited longest, or how long to wait for one.
    private func take(now: Double) -> (job: DeliveryJob?, wait: Double) {
        // Lanes are reached by index, not by key: no URL is hashed on this path.
        var best: (lane: Dictionary<String, Lane>.Index, entry: DueHeap.Entry)?
        var earliest = Double.infinity
        var index = lanes.startIndex
        while index != lanes.endIndex {
            defer { index = lanes.index(after: index) }
            let lane = lanes.values[index]
            guard lane.inFlight < maxInFlight, let top = lane.waiting.first else { continue }
            // A lane already in flight may not take the last free worker: it is kept for the others.
            guard lane.inFlight == 0 || totalInFlight + 1 < workers else { continue }
            let ready = max(top.due, lane.pausedUntil)
            if ready <= now {
                if best == nil || (top.due, top.sequence) < (best!.entry.due, best!.entry.sequence) { best = (index, top) }
            } else {
                earliest = min(earliest, ready)
            }
        }
        guard let best, let entry = lanes.values[best.lane].waiting.pop(), let job = slots[entry.slot] else {
            return (nil, earliest.isFinite ? max(0.001, earliest - now) : 1.0)
        }
        slots[entry.slot] = nil
        freeSlots.append(entry.slot)
        lanes.values[best.lane].inFlight += 1
        totalInFlight += 1
        heldBytes -= job.heldBytes
        return (job, 0)
    }

    /// Wakes up to `count` sleeping workers.
    private func wake(_ count: Int) {
        guard count > 0, sleepers > 0 else { return }
        if count == 1 { condition.signal() } else { condition.broadcast() }
    }
}
