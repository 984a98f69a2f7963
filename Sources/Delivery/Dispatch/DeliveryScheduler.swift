import Dispatch
import Foundation
import Synchronization

/// Hands due jobs to delivery workers, with at most `maxInFlight` requests per endpoint.
///
/// Each endpoint has its own lane (a heap by due time), so a slow or dead endpoint fills only
/// its own lane and holds only its own share of workers: other endpoints go on, and adding a
/// job never blocks (intake is never held back). An endpoint that asked for a pause
/// (`Retry-After`) gets no requests until then. An ID is in the scheduler at most once.
public final class DeliveryScheduler: Sendable {
    private struct Lane {
        var waiting = DueHeap()
        var inFlight = 0
        var pausedUntil: Date?
    }

    private struct State {
        var lanes: [String: Lane] = [:]
        var known: Set<String> = []
        var heldBytes = 0
        var maxInFlight: Int
        var stopped = false
    }

    private let state: Mutex<State>
    private let wake = DispatchSemaphore(value: 0)
    /// Message bytes kept in memory at most; beyond it, records are read from disk when due.
    public let memoryBudget: Int

    /// Creates a scheduler.
    public init(maxInFlight: Int, memoryBudget: Int = 64 << 20) {
        state = Mutex(State(maxInFlight: max(1, maxInFlight)))
        self.memoryBudget = memoryBudget
    }

    /// Changes the per-endpoint limit (on reload).
    public func setMaxInFlight(_ limit: Int) {
        state.withLock { $0.maxInFlight = max(1, limit) }
        signal(8)
    }

    /// Adds the jobs whose IDs are not in the scheduler and for which `condition` holds; returns
    /// how many were added.
    ///
    /// `condition` is checked under the scheduler's lock, after the ID: with "the record file
    /// still exists", and workers that remove a record before they ``finish(_:)`` its job, a
    /// job that is done can never be added again.
    @discardableResult
    public func submit(_ jobs: [DeliveryJob], if condition: (String) -> Bool = { _ in true }) -> Int {
        let added = state.withLock { state in
            jobs.reduce(0) { count, job in
                count + (!state.known.contains(job.id) && condition(job.id) && insert(job, into: &state) ? 1 : 0)
            }
        }
        signal(added)
        return added
    }

    /// Whether the ID is waiting or in flight.
    public func contains(_ id: String) -> Bool {
        state.withLock { $0.known.contains(id) }
    }

    /// Waits for the next due job whose endpoint has room, and counts it in flight; `nil` once
    /// the scheduler is stopped.
    public func next() -> DeliveryJob? {
        while true {
            let (job, wait) = state.withLock { state -> (DeliveryJob?, Double) in
                if state.stopped { return (nil, -1) }
                return take(&state, now: Date())
            }
            if let job { return job }
            if wait < 0 { return nil }
            _ = wake.wait(timeout: .now() + .milliseconds(Int(min(wait, 1.0) * 1000) + 1))
        }
    }

    /// The next due job whose endpoint has room, counted in flight, without waiting; `nil`
    /// when none is due at `now`.
    public func poll(now: Date = Date()) -> DeliveryJob? {
        state.withLock { state in state.stopped ? nil : take(&state, now: now).0 }
    }

    /// The job is done (delivered or a dead letter): its ID leaves the scheduler.
    public func finish(_ job: DeliveryJob) {
        state.withLock { state in
            state.known.remove(job.id)
            state.lanes[job.lane]?.inFlight -= 1
            dropIfIdle(job.lane, in: &state)
        }
        signal(1)
    }

    /// The job goes back to wait until `due`, holding `record` in memory if the budget allows.
    public func reschedule(_ job: DeliveryJob, due: Date, record: OutboxRecord?) {
        state.withLock { state in
            state.lanes[job.lane]?.inFlight -= 1
            var again = job
            again.due = due
            again.record = record
            if state.heldBytes + again.heldBytes > memoryBudget { again.record = nil }
            state.heldBytes += again.heldBytes
            state.lanes[job.lane, default: Lane()].waiting.push(again)
        }
        signal(1)
    }

    /// No requests to `lane` before `until` (the endpoint asked with `Retry-After`).
    public func pause(lane: String, until: Date) {
        state.withLock { state in
            guard let current = state.lanes[lane] else { return }
            state.lanes[lane]?.pausedUntil = max(current.pausedUntil ?? until, until)
        }
    }

    /// Jobs waiting and in flight.
    public var counts: (waiting: Int, inFlight: Int) {
        state.withLock { state in
            state.lanes.values.reduce((0, 0)) { ($0.0 + $1.waiting.count, $0.1 + $1.inFlight) }
        }
    }

    /// Makes ``next()`` return `nil` for every worker.
    public func stop() {
        state.withLock { $0.stopped = true }
        for _ in 0..<4096 { wake.signal() }
    }

    private func insert(_ job: DeliveryJob, into state: inout State) -> Bool {
        guard state.known.insert(job.id).inserted else { return false }
        var job = job
        if state.heldBytes + job.heldBytes > memoryBudget { job.record = nil }
        state.heldBytes += job.heldBytes
        state.lanes[job.lane, default: Lane()].waiting.push(job)
        return true
    }

    /// The due job of the lane that has waited longest, or how long to wait for one.
    private func take(_ state: inout State, now: Date) -> (DeliveryJob?, Double) {
        var best: (lane: String, due: Date)?
        var earliest: Date?
        for (key, lane) in state.lanes where lane.inFlight < state.maxInFlight {
            guard let top = lane.waiting.first else { continue }
            let ready = max(top.due, lane.pausedUntil ?? top.due)
            if ready <= now {
                if best == nil || top.due < best!.due { best = (key, top.due) }
            } else {
                earliest = min(earliest ?? ready, ready)
            }
        }
        guard let best, let job = state.lanes[best.lane]?.waiting.pop() else {
            return (nil, earliest.map { max(0.001, $0.timeIntervalSince(now)) } ?? 1.0)
        }
        state.lanes[best.lane]?.inFlight += 1
        state.heldBytes -= job.heldBytes
        return (job, 0)
    }

    private func dropIfIdle(_ lane: String, in state: inout State) {
        guard let current = state.lanes[lane], current.inFlight <= 0, current.waiting.count == 0 else { return }
        if let paused = current.pausedUntil, paused > Date() { return }
        state.lanes.removeValue(forKey: lane)
    }

    private func signal(_ count: Int) {
        for _ in 0..<min(count, 64) { wake.signal() }
    }
}
