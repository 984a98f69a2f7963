import Archive
import Dispatch
import Foundation
import Glibc
import Intake
import Privacy
import Routing
import Storage
import Delivery

/// `wegwijzer run`: the long-running service.
///
/// `SIGHUP` reloads `routing.conf` (a broken one is logged and the old one keeps routing);
/// `SIGTERM` and `SIGINT` stop intake, finish the work in flight and exit 0 within 10 s.
/// Speaks sd_notify: `READY=1`, `STATUS=`, `RELOADING=1`, `WATCHDOG=1`, `STOPPING=1`.
public final class Daemon {
    private let configPath: String
    private let stateOverride: String?
    private let notifier = SystemdNotifier()
    /// The version sent as `User-Agent: wegwijzer/VERSION` to endpoints.
    public static let version = "0.1.0"

    /// Prepares a daemon for `configPath`; `stateOverride`, an absolute path, replaces `[router] state`.
    public init(configPath: String, stateOverride: String?) {
        self.configPath = configPath
        self.stateOverride = stateOverride
    }

    /// Runs until stopped; returns the exit status.
    public func run() -> Int32 {
        let signals = SignalWaiter([SIGHUP, SIGTERM, SIGINT])
        let activation = SocketActivation.takeFromEnvironment()
        guard var config = load(reporting: { printLine($0) }) else { return 2 }
        if let stateOverride { config = config.withState(stateOverride) }
        let state = config.router.state
        let log = EventLog(errorFile: state + "/errors.log")
        let pipeline: MessagePipeline
        let routers = RouterBox(Router(config: config))
        let metrics = Metrics(teams: config.teams.map(\.name))
        let delivery: DeliveryRunner
        // `archive-days` is read at start, like the delivery workers.
        let archive = ArchiveStore(directory: ArchiveStore.directory(inState: state), retentionDays: config.router.archiveDays)
        let intake = IntakeActivity()
        let retention = RetentionRunner(config: config, log: log, metrics: metrics, intake: intake)
        do {
            _ = try DurableFile.makeDirectories(at: state, mode: 0o750)
            _ = try DurableFile.makeDirectories(at: config.queuesRoot, mode: 0o750)
            let journal = try CommitJournal(directory: state + "/journal")
            delivery = try DeliveryRunner(config: config, journal: journal, log: log, metrics: metrics, version: Daemon.version,
                                          archive: archive)
            let acknowledger = try Acknowledger(config: config, log: log)
            try archive.expire()
            pipeline = MessagePipeline(routers: routers, journal: journal, log: log, metrics: metrics, delivery: delivery.service,
                                       acknowledger: acknowledger, archive: archive, intake: intake)
            try pipeline.recover(queues: config.queuePaths)
            delivery.recover()
        } catch {
            printLine("wegwijzer run: \(error)")
            return 2
        }
        signal(SIGPIPE, SIG_IGN)
        delivery.start()
        retention.start()
        let sources = SourceSet(pipeline: pipeline, log: log, metrics: metrics, activation: activation)
        sources.apply(config)
        let misrouted = MisroutedWatcher(pipeline: pipeline)
        misrouted.start(queues: config.queuePaths)
        log.log(.info, "started", ["config": configPath, "state": state, "configHash": config.configHash])
        try? notifier.ready(status: "routing with \(config.teams.count) teams, \(config.sources.count) sources")
        var nextWatchdog = DispatchTime.now()
        var nextRepublish = DispatchTime.now() + 10
        var nextExpiry = DispatchTime.now() + 3600
        var nextForeign = DispatchTime.now() + 2
        while true {
            if DispatchTime.now() >= nextRepublish {
                pipeline.publishPending()
                nextRepublish = .now() + 10
            }
            if DispatchTime.now() >= nextForeign {
                pipeline.journal.takeInForeignCorrections()
                nextForeign = .now() + 2
            }
            if DispatchTime.now() >= nextExpiry {
                do { try archive.expire() } catch { log.log(.error, "archive-expiry-failed", ["reason": "\(error)"]) }
                nextExpiry = .now() + 3600
            }
            if let interval = notifier.watchdogInterval, DispatchTime.now() >= nextWatchdog {
                try? notifier.watchdog()
                nextWatchdog = .now() + .nanoseconds(Int(interval.components.seconds * 1_000_000_000 + interval.components.attoseconds / 1_000_000_000))
            }
            switch signals.wait(timeout: 0.5) {
            case SIGHUP:
                if let reloaded = reload(&config, log: log) {
                    routers.replace(with: Router(config: reloaded))
                    sources.apply(reloaded)
                    delivery.reload(reloaded)
                    misrouted.prepare(queues: reloaded.queuePaths)
                    retention.reload(reloaded)
                    // Logged once the new router is in force, so "reloaded" means routed by it.
                    log.log(.info, "reloaded", ["config": configPath, "configHash": reloaded.configHash])
                }
                try? notifier.ready(status: "routing with \(config.teams.count) teams, \(config.sources.count) sources")
            case SIGTERM, SIGINT:
                log.log(.info, "stopping", [:])
                try? notifier.stopping()
                let deadline = DispatchTime.now() + 9
                let deliveryStopped = delivery.stop(deadline: deadline)
                sources.stopAll(deadline: deadline)
                misrouted.stopAndWait(deadline: deadline)
                retention.stop(deadline: deadline)
                _ = deliveryStopped.wait(timeout: deadline)
                log.log(.info, "stopped", [:])
                return 0
            default:
                continue
            }
        }
    }

    private func reload(_ config: inout RoutingConfig, log: EventLog) -> RoutingConfig? {
        try? notifier.reloading()
        var errors: [String] = []
        guard var fresh = load(reporting: { errors.append($0) }) else {
            log.log(.error, "reload-failed", ["config": configPath, "reason": errors.prefix(20).joined(separator: "; ")])
            return nil
        }
        if let stateOverride { fresh = fresh.withState(stateOverride) }
        config = fresh
        return fresh
    }

    private func load(reporting report: (String) -> Void) -> RoutingConfig? {
        let (config, diagnostics) = ConfigLoader.load(path: configPath)
        for diagnostic in diagnostics where diagnostic.severity == .error { report(diagnostic.description) }
        return config
    }
}

private func printLine(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
