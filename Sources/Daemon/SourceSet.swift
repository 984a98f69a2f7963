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

    init(pipeline: MessagePipeline, log: EventLog) {
        self.pipeline = pipeline
        self.log = log
    }

    /// Starts, stops and restarts sources so that exactly those of `config` run.
    func apply(_ config: RoutingConfig) {
        var wanted: [String: (SourceConfig, String)] = [:]
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
        let folder: any InputFolder
        switch source.type {
        case .formDrop, .callDrop:
            guard let path = config.sourcePath(source) else { return }
            folder = DropDirectory(path: path)
        case .maildir:
            guard let path = config.sourcePath(source) else { return }
            let maildir = MaildirFolder(path: path, deleteAfterRead: source.deleteAfterRead)
            do {
                try maildir.prepare()
            } catch {
                log.log(.error, "source-failed", ["source": source.name, "reason": "\(error)"])
                return
            }
            folder = maildir
        default:
            log.log(.warning, "source-unsupported", ["source": source.name, "reason": "type \(source.type.rawValue) is not served by this build"])
            return
        }
        let worker = FolderSource(
            config: source, folder: folder, noisePath: config.router.state + "/noise", pipeline: pipeline, log: log, stop: stop)
        Thread.detachNewThread {
            worker.run()
            done.signal()
        }
        running[source.name] = Running(key: key, stop: stop, done: done)
        log.log(.info, "source-started", ["source": source.name, "type": source.type.rawValue])
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
        ].joined(separator: "|")
    }
}
