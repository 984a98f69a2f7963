import Dispatch
import Foundation
import Intake
import Routing

/// The running sources, one thread each; restarted one by one when a reload changes them.
final class SourceSet {
    private struct Running {
        let key: String
        let stop: StopSignal
        let done: DispatchSemaphore
    }

    private var running: [String: Running] = [:]
    private let pipeline: MessagePipeline
    private let log: EventLog
    private let metrics: Metrics
    private let activation: SocketActivation
    private var inherited: [String: [Int32]] = [:]
    /// Signatures seen per webhook source, kept when a reload restarts the source.
    private var replayGuards: [String: ReplayGuard] = [:]

    init(pipeline: MessagePipeline, log: EventLog, metrics: Metrics = Metrics(),
         activation: SocketActivation = SocketActivation()) {
        self.pipeline = pipeline
        self.log = log
        self.metrics = metrics
        self.activation = activation
    }

    /// Starts, stops and restarts sources so that exactly those of `config` run.
    func apply(_ config: RoutingConfig) {
        var wanted: [String: (SourceConfig, String)] = [:]
        metrics.register(teams: config.teams.map(\.name))
        inherited = activation.assign(config.sources.filter { $0.type == .webhook }.map { ($0.name, $0.listen.count) })
        for source in config.sources {
            wanted[source.name] = (source, SourceSet.key(source, config: config))
        }
        for (name, current) in running where wanted[name]?.1 != current.key {
            stop([name])
        }
        for (name, (source, key)) in wanted where running[name] == nil {
            start(source, key: key, config: config)
        }
    }

    /// Stops every source; waits until each has finished its batch or `deadline` passes.
    func stopAll(deadline: DispatchTime) {
        stop(Array(running.keys), deadline: deadline)
    }

    private func start(_ source: SourceConfig, key: String, config: RoutingConfig) {
        let stop = StopSignal()
        let done = DispatchSemaphore(value: 0)
        let work: @Sendable () -> Void
        switch source.type {
        case .formDrop, .callDrop, .maildir:
            guard let folder = folder(for: source, config: config) else { return }
            let worker = FolderSource(
                config: source, folder: folder, noisePath: config.router.state + "/noise", pipeline: pipeline, log: log,
                stop: stop, metrics: metrics)
            work = { worker.run() }
        case .webhook:
            let worker = WebhookSource(config: source, routing: config, pipeline: pipeline, log: log, stop: stop,
                                       metrics: metrics, inherited: inherited[source.name] ?? [],
                                       replays: replayGuard(for: source.name))
            work = { worker.run() }
        }
        Thread.detachNewThread {
            work()
            done.signal()
        }
        running[source.name] = Running(key: key, stop: stop, done: done)
        log.log(.info, "source-started", ["source": source.name, "type": source.type.rawValue])
    }

    /// The folder a drop or Maildir source reads; nil (logged) when it cannot be used.
    private func folder(for source: SourceConfig, config: RoutingConfig) -> (any InputFolder)? {
        guard let path = config.sourcePath(source) else { return nil }
        guard source.type == .maildir else { return DropDirectory(path: path) }
        let maildir = MaildirFolder(path: path, deleteAfterRead: source.deleteAfterRead)
        do {
            try maildir.prepare()
        } catch {
            log.log(.error, "source-failed", ["source": source.name, "reason": "\(error)"])
            return nil
        }
        return maildir
    }

    private func replayGuard(for name: String) -> ReplayGuard {
        if let known = replayGuards[name] { return known }
        let created = ReplayGuard()
        replayGuards[name] = created
        return created
    }

    private func stop(_ names: [String], deadline: DispatchTime = .now() + 10) {
        for name in names { running[name]?.stop.stop() }
        for name in names {
            guard let source = running.removeValue(forKey: name) else { continue }
            if source.done.wait(timeout: deadline) == .timedOut {
                log.log(.warning, "source-stop-timeout", ["source": name])
            }
        }
    }

    private static func key(_ source: SourceConfig, config: RoutingConfig) -> String {
        [source.type.rawValue, config.sourcePath(source) ?? "", source.listen.joined(separator: ","),
         source.secretFile ?? "", source.tokenFile ?? "", String(source.maxSize), String(source.minConfidence),
         String(source.deleteAfterRead), source.fieldAliases.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";"),
         "\(source.headerTimeout),\(source.bodyTimeout),\(source.idleTimeout),\(source.maxConnections)",
         source.type == .webhook ? config.router.state + ":" + config.queuePaths.joined(separator: ",") : "",
        ].joined(separator: "|")
    }
}
