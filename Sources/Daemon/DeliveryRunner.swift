import Archive
import Delivery
import Dispatch
import Foundation
import Routing

/// The daemon's endpoint delivery: the ``DeliveryService``, the watcher of its outbox, and their
/// start, reload and stop.
final class DeliveryRunner: Sendable {
    /// The service the pipeline stages records with and hands them to.
    let service: DeliveryService
    private let log: EventLog
    private let watcherStop = StopSignal()
    private let watcherDone = DispatchSemaphore(value: 0)

    /// Sets up libcurl (once, before any thread) and the service for `config`; throws when an
    /// endpoint file cannot be read or the state folder cannot be prepared.
    /// `metrics` counts the attempts' results and the dead letters; `archive` (when on) gets the
    /// time each endpoint accepted a message, for the report (not synced: a figure, not a record
    /// anyone relies on).
    init(config: RoutingConfig, journal: CommitJournal, log: EventLog, metrics: Metrics? = nil, version: String,
         archive: ArchiveStore? = nil) throws {
        guard CurlLibrary.initialize() else { throw EndpointFileError(path: nil, line: nil, reason: "libcurl could not be initialized") }
        self.log = log
        service = DeliveryService(
            state: config.router.state, configuration: try EndpointDelivery.configuration(config).get(),
            userAgent: "wegwijzer/\(version)", isCommitted: journal.contains,
            log: { level, event, fields in log.log(DeliveryRunner.level(level), event, fields) },
            counted: { result in
                metrics?.delivery(result)
                if result == .failed { metrics?.deadLettered() }
            },
            receiptCounted: { result in
                metrics?.receipt(delivery: result)
                if result == .failed { metrics?.deadLettered() }
            },
            accepted: { record, now in
                guard let archive, archive.isOn else { return }
                let milliseconds = max(0, Int((now.timeIntervalSince(record.createdAt) * 1000).rounded()))
                try? archive.append([.accepted(ArchiveAcceptance(
                    id: record.id, team: record.team, time: RFC3339.format(now), milliseconds: milliseconds))], at: now, sync: false)
            })
        try service.prepare()
    }

    /// The log level of a delivery event (a switch: no string is compared per event).
    private static func level(_ level: DeliveryLogLevel) -> EventLog.Level {
        switch level {
        case .info: .info
        case .warning: .warning
        case .error: .error
        }
    }

    /// Reads the outbox (after the pipeline's recovery, before any source starts).
    func recover() {
        let recovered = service.recover()
        log.log(.info, "outbox-recovered", ["scheduled": String(recovered.scheduled), "removed": String(recovered.removed),
                                            "unreadable": String(recovered.unreadable)])
    }

    /// Starts the workers and the outbox watcher.
    func start() {
        service.start()
        let watcher = OutboxWatcher(delivery: service, stop: watcherStop, log: log)
        Thread.detachNewThread { [watcherDone] in
            watcher.run()
            watcherDone.signal()
        }
    }

    /// Puts the endpoints and delivery settings of a reloaded `config` in force; a broken
    /// endpoint file keeps the endpoints in force and is logged.
    func reload(_ config: RoutingConfig) {
        switch EndpointDelivery.configuration(config) {
        case .success(let configuration):
            service.reconfigure(configuration)
        case .failure(let error):
            log.log(.error, "endpoint-config-failed", ["reason": error.description, "kept": "the endpoints before the reload"])
        }
    }

    /// Stops the watcher and the service in the background; the semaphore is signalled when done.
    func stop(deadline: DispatchTime) -> DispatchSemaphore {
        let stopped = DispatchSemaphore(value: 0)
        watcherStop.stop()
        Thread.detachNewThread { [service, watcherDone] in
            service.stop(deadline: deadline)
            _ = watcherDone.wait(timeout: deadline)
            stopped.signal()
        }
        return stopped
    }
}
