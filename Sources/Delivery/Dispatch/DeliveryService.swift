import Dispatch
import Foundation
import Storage
import Synchronization

/// Delivers committed messages to team endpoints, and receipts to citizens through SMTP
/// (``ReceiptRecord``): a pool of workers, each with its own reused libcurl handles, takes due jobs from the ``DeliveryScheduler`` and records every outcome in
/// the outbox (`STATE/outbox/`) or the dead letters (`STATE/dead/`).
///
/// Life cycle: ``prepare()``; the pipeline ``stage(_:)``s the records of a batch of messages
/// (one batch file) before its commit and ``submit(_:lines:committed:failed:)``s them after;
/// ``recover()`` once at start (before intake), then ``start()``; ``consider(ids:)``,
/// ``consider(batches:)`` and ``rescan()`` pick up records put back by `wegwijzer retry`;
/// ``stop(deadline:)``.
public final class DeliveryService: Sendable {
    /// Pending deliveries.
    public let outbox: RecordStore
    /// Dead letters.
    public let deadLetters: RecordStore
    /// The state folder, where the ``ErasureLock`` lives.
    let state: String
    let scheduler: DeliveryScheduler
    /// The outbox's batch files taken on, and their entries still to settle.
    let batches: BatchLedger
    /// The configuration in force, replaced whole on reload: readers hold the lock only to
    /// take a reference, not to copy the configuration (eight workers read it per delivery).
    private let configuration: Mutex<ConfigurationSnapshot>
    let isCommitted: @Sendable (String) -> Bool
    let log: DeliveryLog
    let counted: @Sendable (DeliveryResult) -> Void
    let receiptCounted: @Sendable (DeliveryResult) -> Void
    let accepted: @Sendable (OutboxRecord, Date) -> Void
    let abort = AbortSignal()
    let userAgent: String
    private let workers: Mutex<[DispatchSemaphore]> = Mutex([])
    private let syncWake = DispatchSemaphore(value: 0)
    private let syncWanted = Atomic<Bool>(false)
    private let stopping = Atomic<Bool>(false)

    /// A service over the state folder `state`. `isCommitted` tells whether the journal holds
    /// an ID (records of uncommitted IDs are never delivered; for a receipt, the ID of its
    /// message is asked); `counted` hears each endpoint attempt's result, `receiptCounted` each
    /// receipt attempt's, `accepted` each message an endpoint accepted, with the time.
    public init(state: String, configuration: DeliveryConfiguration, userAgent: String = "wegwijzer",
                isCommitted: @escaping @Sendable (String) -> Bool, log: @escaping DeliveryLog,
                counted: @escaping @Sendable (DeliveryResult) -> Void = { _ in },
                receiptCounted: @escaping @Sendable (DeliveryResult) -> Void = { _ in },
                accepted: @escaping @Sendable (OutboxRecord, Date) -> Void = { _, _ in }) {
        self.state = state
        outbox = RecordStore(directory: state + "/outbox")
        deadLetters = RecordStore(directory: state + "/dead")
        batches = BatchLedger(store: outbox)
        scheduler = DeliveryScheduler(maxInFlight: configuration.policy.maxInFlight)
        self.configuration = Mutex(ConfigurationSnapshot(configuration))
        self.isCommitted = { isCommitted(ReceiptRecord.messageID(ofRecord: $0)) }
        self.log = log
        self.counted = counted
        self.receiptCounted = receiptCounted
        self.accepted = accepted
        self.userAgent = userAgent
    }

    /// Creates the outbox and dead-letter directories, and the ``ErasureLock``'s files.
    public func prepare() throws(IOFailure) {
        try outbox.prepare()
        try deadLetters.prepare()
        _ = ErasureLock(state: state, create: true)
    }

    /// The configuration in force.
    public var current: DeliveryConfiguration { configuration.withLock { $0 }.value }

    /// Puts a new configuration in force (on reload). The number of workers is kept.
    public func reconfigure(_ new: DeliveryConfiguration) {
        let old = configuration.withLock { state in
            let old = state.value
            state = ConfigurationSnapshot(new)
            return old
        }
        scheduler.setMaxInFlight(new.policy.maxInFlight)
        if old.policy.workers != new.policy.workers {
            log(.warning, "delivery-workers-unchanged", ["reason": "delivery-workers takes effect at the next start",
                                                         "workers": String(old.policy.workers)])
        }
    }

    /// What ``recover()`` found.
    public struct Recovery: Sendable, Equatable {
        /// Records scheduled.
        public var scheduled = 0
        /// Records of messages that were never committed, removed.
        public var removed = 0
        /// Records that could not be read, set aside as `ID.json.unreadable`.
        public var unreadable = 0

        /// Creates a summary.
        public init(scheduled: Int = 0, removed: Int = 0, unreadable: Int = 0) {
            self.scheduled = scheduled
            self.removed = removed
            self.unreadable = unreadable
        }
    }

    /// Reads the outbox at start: removes records whose ID was never committed, settles
    /// records that are also dead letters (a crash between the two writes), and schedules the
    /// rest at their next attempt time. `ID.json` records come first; a batch entry for an ID
    /// that has one (a crash after the record was written, before the entry was marked) is
    /// settled, as is a second entry for one ID.
    public func recover() -> Recovery {
        var result = Recovery()
        let dead = Set(deadLetters.ids())
        var jobs: [DeliveryJob] = []
        for id in outbox.ids() {
            guard let record = read(id) else {
                result.unreadable += 1
                continue
            }
            if dead.contains(id), twinLoses(record) {
                _ = try? outbox.remove(id, sync: false)
                continue
            }
            guard record.requeuedAt != nil || isCommitted(id) else {
                _ = try? outbox.remove(id, sync: false)
                log(.info, "outbox-orphan-removed", ["id": id])
                result.removed += 1
                continue
            }
            jobs.append(DeliveryJob(record: record))
        }
        outbox.removeBatchParts()
        var taken = Set(jobs.map(\.id))
        for name in outbox.batchNames() {
            jobs += adopt(name, dead: dead, taken: &taken, into: &result)
        }
        try? syncRemovals()
        result.scheduled = scheduler.submit(jobs)
        return result
    }

    /// Schedules the records `ids` if they exist and are not scheduled (for directory events).
    public func consider(ids: [String]) {
        for id in ids where !scheduler.contains(id) {
            guard let record = read(id), record.requeuedAt != nil || isCommitted(id) else { continue }
            let added = scheduler.submit([DeliveryJob(record: record)]) { outbox.contains($0) } == 1
            if added, record.requeuedAt != nil { log(.info, "delivery-requeued", ["id": id, "team": record.team]) }
        }
    }

    /// Looks at every record and batch file in the outbox (a safety net for lost directory
    /// events).
    public func rescan() {
        consider(ids: outbox.ids())
        consider(batches: outbox.batchNames())
    }

    /// Starts the workers and the thread that syncs the outbox directory after deliveries.
    public func start() {
        let count = max(1, current.policy.workers)
        scheduler.setWorkers(count)
        var semaphores: [DispatchSemaphore] = []
        for index in 0..<count {
            let done = DispatchSemaphore(value: 0)
            semaphores.append(done)
            Thread.detachNewThread { [self] in
                runWorker(index)
                done.signal()
            }
        }
        let syncerDone = DispatchSemaphore(value: 0)
        semaphores.append(syncerDone)
        Thread.detachNewThread { [self] in
            runSyncer()
            syncerDone.signal()
        }
        workers.withLock { $0 = semaphores }
        log(.info, "delivery-started", ["workers": String(count), "curl": CurlLibrary.version])
    }

    /// Stops taking jobs, lets requests in flight finish until shortly before `deadline`
    /// (then aborts them: they stay in the outbox), and waits for the workers.
    public func stop(deadline: DispatchTime) {
        stopping.store(true, ordering: .sequentiallyConsistent)
        scheduler.stop()
        let left = Double(Int64(bitPattern: deadline.uptimeNanoseconds &- DispatchTime.now().uptimeNanoseconds)) / 1e9
        abort.abort(after: max(0, min(left, 30) - 1.5))
        syncWake.signal()
        for done in workers.withLock({ $0 }) where done.wait(timeout: deadline) == .timedOut {
            log(.warning, "delivery-stop-timeout", [:])
            break
        }
        try? syncRemovals()
    }

    /// Records waiting and in flight.
    public var counts: (waiting: Int, inFlight: Int) { scheduler.counts }

    /// What reading a job's record found.
    enum RecordRead {
        /// The record.
        case found(OutboxRecord)
        /// None: delivered or put away meanwhile, or damaged (then set aside and logged).
        case gone
        /// An I/O error (logged): the record stays, to be read again later.
        case failed
    }

    /// The record of `job`: held in memory, or read from its batch entry or `ID.json`.
    func read(_ job: DeliveryJob) -> RecordRead {
        if let record = job.record { return .found(record) }
        guard let line = job.line else { return readFile(job.id) }
        do {
            return try outbox.load(line).map(RecordRead.found) ?? .gone
        } catch let error as RecordFormatError {
            setAside(line.batch, reason: error)
            settle(job)
            return .gone
        } catch {
            log(.error, "outbox-read-failed", ["id": job.id, "reason": "\(error)"])
            return .failed
        }
    }

    /// Reads record `id`; a damaged one is set aside and logged.
    func read(_ id: String) -> OutboxRecord? {
        if case .found(let record) = readFile(id) { return record }
        return nil
    }

    /// Reads the `ID.json` of `id`: a damaged file is set aside, an I/O error leaves it for later.
    private func readFile(_ id: String) -> RecordRead {
        do {
            return try outbox.load(id).map(RecordRead.found) ?? .gone
        } catch let error as IOFailure {
            log(.error, "outbox-read-failed", ["id": id, "reason": "\(error)"])
            return .failed
        } catch {
            let path = outbox.path(id)
            _ = try? DurableFile.rename(path, to: path + ".unreadable")
            log(.error, "outbox-unreadable", ["id": id, "reason": "\(error)", "file": path + ".unreadable"])
            return .gone
        }
    }

    /// A record that is in both the outbox and the dead letters: the later of the two writes
    /// wins. Returns whether the outbox record loses (for the caller to remove); when it wins,
    /// the dead letter is removed here.
    func twinLoses(_ record: OutboxRecord) -> Bool {
        guard let dead = try? deadLetters.load(record.id), let deadAt = dead.deadAt else { return false }
        if let requeuedAt = record.requeuedAt, requeuedAt > deadAt {
            _ = try? deadLetters.remove(record.id, sync: true)
            return false
        }
        return true
    }

    private func runWorker(_ index: Int) {
        let session: CurlSession
        do {
            session = try CurlSession(abort: abort)
        } catch {
            log(.error, "delivery-worker-failed", ["worker": String(index), "reason": "\(error)"])
            return
        }
        let mail = MailSlot(abort: abort)
        let erasure = ErasureLock(state: state, create: false)
        var done: DeliveryJob?
        while let job = scheduler.next(finishing: done) {
            done = erasure.shared { attempt(job, session: session, mail: mail) }
                ? job : nil
        }
    }

    /// Syncs the outbox directory after removals, at most every 50 ms, so that delivered
    /// records stay removed after a crash without one directory fsync per delivery.
    private func runSyncer() {
        while !stopping.load(ordering: .sequentiallyConsistent) {
            guard syncWake.wait(timeout: .now() + 1) == .success else { continue }
            syncWanted.store(false, ordering: .sequentiallyConsistent)
            do {
                try syncRemovals()
                Thread.sleep(forTimeInterval: 0.05)
            } catch {
                log(.error, "outbox-sync-failed", ["reason": "\(error)"])
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }

    /// Makes removed records and marked batch entries durable.
    func syncRemovals() throws(IOFailure) {
        try batches.syncMarked()
        try outbox.syncIfDirty()
    }

    /// Wakes the syncer after a removal or a mark, unless it is woken already.
    func removed() {
        if !syncWanted.exchange(true, ordering: .sequentiallyConsistent) { syncWake.signal() }
    }
}

/// One configuration, immutable, shared by reference.
private final class ConfigurationSnapshot: Sendable {
    let value: DeliveryConfiguration

    init(_ value: DeliveryConfiguration) {
        self.value = value
    }
}
