import Delivery
import Foundation
import Intake

/// Notices records and batch files put in the outbox from outside the daemon (`wegwijzer
/// retry`): by inotify,
/// and by a full rescan every `rescanInterval` in case events were lost.
final class OutboxWatcher: Sendable {
    private let delivery: DeliveryService
    private let stop: StopSignal
    private let rescanInterval: TimeInterval
    private let log: EventLog

    init(delivery: DeliveryService, stop: StopSignal, log: EventLog, rescanInterval: TimeInterval = 5) {
        self.delivery = delivery
        self.stop = stop
        self.log = log
        self.rescanInterval = rescanInterval
    }

    /// Runs until the stop signal is set.
    func run() {
        var watcher = makeWatcher()
        var lastScan = Date()
        while !stop.isStopped {
            guard let current = watcher else {
                Thread.sleep(forTimeInterval: 0.25)
                if Date().timeIntervalSince(lastScan) >= rescanInterval {
                    delivery.rescan()
                    lastScan = Date()
                    watcher = makeWatcher()
                }
                continue
            }
            let changes = (try? current.waitForChanges(timeout: .milliseconds(250))) ?? DirectoryWatcher.Changes(needsRescan: true)
            if changes.isWatchLost { watcher = makeWatcher() }
            if changes.needsRescan || Date().timeIntervalSince(lastScan) >= rescanInterval {
                delivery.rescan()
                lastScan = Date()
            } else if !changes.names.isEmpty {
                delivery.consider(ids: changes.names.compactMap(RecordStore.id(ofFile:)))
                delivery.consider(batches: changes.names.filter(RecordStore.isBatchName))
            }
        }
    }

    private func makeWatcher() -> DirectoryWatcher? {
        do {
            // Records and batch files are renamed in; batch entries are then marked in place.
            return try DirectoryWatcher(path: delivery.outbox.directory, renamesOnly: true)
        } catch {
            log.log(.warning, "watch-failed", ["directory": delivery.outbox.directory, "reason": "\(error)"])
            return nil
        }
    }
}
