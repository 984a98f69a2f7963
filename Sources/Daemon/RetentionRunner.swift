import Dispatch
import Foundation
import Glibc
import Privacy
import Routing
import Synchronization

/// The daemon's retention sweep (``RetentionSweep``): once at start, then every hour, or every
/// half of the shortest retention period when that is under two hours. Runs on its own thread at
/// a lower CPU priority, with its work paced (``RetentionSweep``): it gives way while intake is
/// busy (``IntakeActivity``), so intake goes first; logs what it removed as counts, never names
/// or content.
final class RetentionRunner: Sendable {
    private let config: Mutex<RoutingConfig>
    private let log: EventLog
    private let metrics: Metrics
    private let intake: IntakeActivity
    private let stop = StopSignal()
    private let done = DispatchSemaphore(value: 0)

    init(config: RoutingConfig, log: EventLog, metrics: Metrics, intake: IntakeActivity) {
        self.config = Mutex(config)
        self.log = log
        self.metrics = metrics
        self.intake = intake
    }

    /// The time between two sweeps for `settings`, in seconds.
    static func interval(_ settings: RetentionSettings) -> Double {
        min(3600, max(1, (settings.shortest ?? 3600) / 2))
    }

    /// Starts the thread.
    func start() {
        Thread.detachNewThread { [self] in
            // On Linux, 0 names the calling thread: only the sweep runs at the lower priority.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            while !stop.isStopped {
                let current = config.withLock { $0 }
                if current.router.retention.isEnabled { sweep(current) }
                let next = Date().addingTimeInterval(RetentionRunner.interval(current.router.retention))
                while !stop.isStopped, Date() < next { Thread.sleep(forTimeInterval: 0.25) }
            }
            done.signal()
        }
    }

    /// Puts a reloaded configuration's retention in force from the next sweep.
    func reload(_ new: RoutingConfig) {
        config.withLock { $0 = new }
    }

    /// Stops the thread (a sweep in progress stops after its current chunk of removals) and
    /// waits until `deadline`.
    func stop(deadline: DispatchTime) {
        stop.stop()
        _ = done.wait(timeout: deadline)
    }

    private func sweep(_ config: RoutingConfig) {
        let result = RetentionSweep(config: config, intake: intake).run(shouldStop: { [stop] in stop.isStopped })
        var removed = Dictionary(uniqueKeysWithValues: result.removed.map { ($0.key.rawValue, $0.value) })
        if result.attachments > 0 { removed["attachments"] = result.attachments }
        metrics.retention(removed: removed, unclaimedOverRetention: result.unclaimedOverRetention)
        if !removed.isEmpty {
            var fields = removed.mapValues(String.init)
            fields["unclaimedOverRetention"] = String(result.unclaimedOverRetention)
            if result.yields > 0 { fields["yields"] = String(result.yields) }
            log.log(.info, "retention-swept", fields)
        }
        if let first = result.failures.first {
            log.log(.warning, "retention-failed", ["failures": String(result.failures.count), "first": first])
        }
    }
}
