import Foundation
import Intake
import Messages
import Routing
import Storage

/// Takes inputs from a form-drop or call-drop directory and hands them to the pipeline.
///
/// It wakes on inotify and rescans every `rescanInterval` as a safety net; it reads at most
/// `batchSize` files at a time, so memory stays bounded. A file is removed only after its
/// message is committed; bad input moves to `rejected/` with its reason.
final class DropSource: Sendable {
    let config: SourceConfig
    private let directory: DropDirectory
    private let pipeline: MessagePipeline
    private let log: EventLog
    private let stop: StopSignal
    private let batchSize: Int
    private let rescanInterval: Duration
    private let metrics: Metrics?

    init(config: SourceConfig, path: String, pipeline: MessagePipeline, log: EventLog, stop: StopSignal,
         batchSize: Int = 64, rescanInterval: Duration = .seconds(2), metrics: Metrics? = nil) {
        self.metrics = metrics
        self.config = config
        directory = DropDirectory(path: path)
        self.pipeline = pipeline
        self.log = log
        self.stop = stop
        self.batchSize = batchSize
        self.rescanInterval = rescanInterval
    }

    /// Runs until the stop signal is set and the batch in hand is committed.
    func run() {
        _ = try? DurableFile.makeDirectories(at: directory.path, mode: 0o750)
        let watcher: DirectoryWatcher?
        do {
            watcher = try DirectoryWatcher(path: directory.path)
        } catch {
            log.log(.warning, "watch-failed", ["source": config.name, "reason": "\(error)"])
            watcher = nil
        }
        var pause = Duration.zero
        while !stop.isStopped {
            let items = directory.pending(limit: batchSize)
            if items.isEmpty || pause > .zero {
                let wait = pause > .zero ? pause : rescanInterval
                if let watcher {
                    _ = try? watcher.waitForChanges(timeout: min(wait, .milliseconds(250)))
                } else {
                    Thread.sleep(forTimeInterval: 0.25)
                }
                pause = max(.zero, pause - .milliseconds(250))
                continue
            }
            let failed = process(items)
            pause = failed ? .seconds(1) : .zero
        }
    }

    /// Handles one batch; true when something could not be committed (retry after a pause).
    func process(_ items: [DropDirectory.Item]) -> Bool {
        var inputs: [(item: DropDirectory.Item, input: MessagePipeline.Input)] = []
        for item in items {
            do {
                inputs.append((item, try read(item)))
            } catch let error as RejectedInput {
                reject(item.name, reason: error.reason)
                metrics?.rejected(reason: error.label)
            } catch {
                log.log(.error, "read-failed", ["source": config.name, "file": item.name, "reason": "\(error)"])
            }
        }
        let outcomes = pipeline.process(inputs.map(\.input))
        var failed = false
        for (pair, outcome) in zip(inputs, outcomes) {
            if outcome.isCommitted {
                directory.remove(pair.item.name)
            } else {
                failed = true
            }
        }
        return failed
    }

    private func read(_ item: DropDirectory.Item) throws -> MessagePipeline.Input {
        guard item.size <= config.maxSize else {
            throw RejectedInput(reason: "over the size limit (\(item.size) bytes > \(config.maxSize))", label: "too-large")
        }
        let bytes = try directory.read(item.name, maxSize: config.maxSize)
        let sidecar = config.type == .callDrop ? try directory.sidecar(of: item.name, maxSize: 1 << 20) : nil
        guard let kind = InputKind.detect(fileName: item.name, bytes: bytes) else {
            throw RejectedInput(reason: "unknown file type (\(fileExtension(item.name)))", label: "unsupported-type")
        }
        switch (config.type, kind) {
        case (.formDrop, .formJSON), (.callDrop, .callWhisper), (.callDrop, .callVTT), (.callDrop, .callSRT),
             (.callDrop, .callText):
            break
        default:
            throw RejectedInput(reason: "not a \(config.type == .formDrop ? "form" : "call transcript") (\(kind.rawValue))",
                                label: "unsupported-type")
        }
        let reference = SourceReference(name: config.name, ref: item.name)
        do {
            let normalized = try InputNormalizer.normalize(
                bytes, kind: kind, sidecar: sidecar, source: reference, aliases: FieldAliases(config.fieldAliases))
            return MessagePipeline.Input(source: config, identity: Array(item.name.utf8) + [0] + bytes, normalized: normalized)
        } catch {
            throw RejectedInput(reason: error.description)
        }
    }

    private func reject(_ name: String, reason: String) {
        do {
            try directory.reject(name, reason: reason)
            log.log(.warning, "rejected", ["source": config.name, "file": name, "reason": reason])
        } catch {
            log.log(.error, "reject-failed", ["source": config.name, "file": name, "reason": "\(error)"])
        }
    }

    private func fileExtension(_ name: String) -> String {
        name.contains(".") ? "." + (name.split(separator: ".").last.map(String.init) ?? "") : "no extension"
    }
}

/// Input that can never be routed: it goes to `rejected/` with this reason.
struct RejectedInput: Error {
    let reason: String
    /// A short label for the metrics.
    var label = "invalid-input"
}
