import Foundation
import Intake
import Routing
import Storage

/// Takes inputs from a folder (a form or call drop directory, or a Maildir) and hands them to
/// the pipeline.
///
/// It wakes on inotify and rescans every `rescanInterval` as a safety net; it reads at most
/// `batchSize` inputs and `batchBytes` bytes at a time (but always one input), so memory
/// stays bounded. An input is acknowledged (removed, or
/// moved to `cur/`) only after its message is committed; input that can never be routed moves
/// to `rejected/` with its reason, automatic mail to the state folder's `noise/`.
final class FolderSource: Sendable {
    let config: SourceConfig
    private let folder: any InputFolder
    private let reader: InputReader
    private let pipeline: MessagePipeline
    private let log: EventLog
    private let stop: StopSignal
    private let noisePath: String
    private let batchSize: Int
    private let batchBytes: Int
    private let rescanInterval: Duration
    private let metrics: Metrics?

    init(config: SourceConfig, folder: any InputFolder, noisePath: String, pipeline: MessagePipeline, log: EventLog,
         stop: StopSignal, batchSize: Int = 64, batchBytes: Int = 32 << 20, rescanInterval: Duration = .seconds(2),
         metrics: Metrics? = nil) {
        self.metrics = metrics
        self.config = config
        self.folder = folder
        reader = InputReader(source: config)
        self.noisePath = noisePath
        self.pipeline = pipeline
        self.log = log
        self.stop = stop
        self.batchSize = batchSize
        self.batchBytes = batchBytes
        self.rescanInterval = rescanInterval
    }

    /// Runs until the stop signal is set and the batch in hand is committed.
    func run() {
        _ = try? DurableFile.makeDirectories(at: folder.incomingPath, mode: 0o750)
        let watcher: DirectoryWatcher?
        do {
            watcher = try DirectoryWatcher(path: folder.incomingPath)
        } catch {
            log.log(.warning, "watch-failed", ["source": config.name, "reason": "\(error)"])
            watcher = nil
        }
        var pause = Duration.zero
        while !stop.isStopped {
            let items = pause > .zero ? [] : Self.batch(folder.pending(limit: batchSize), maxBytes: batchBytes)
            if items.isEmpty {
                if let watcher {
                    _ = try? watcher.waitForChanges(timeout: .milliseconds(250))
                } else {
                    Thread.sleep(forTimeInterval: 0.25)
                }
                pause = max(.zero, pause - .milliseconds(250))
                continue
            }
            pause = process(items) ? .seconds(1) : .zero
        }
    }

    /// The first `items` whose sizes add up to at most `maxBytes`, and at least the first one.
    static func batch(_ items: [DropDirectory.Item], maxBytes: Int) -> [DropDirectory.Item] {
        var total = 0
        var count = 0
        for item in items {
            total += item.size
            if count > 0 && total > maxBytes { break }
            count += 1
        }
        return Array(items.prefix(count))
    }

    /// Handles one batch; true when something could not be committed (retry after a pause).
    func process(_ items: [DropDirectory.Item]) -> Bool {
        var inputs: [(item: DropDirectory.Item, input: MessagePipeline.Input)] = []
        for item in items {
            do {
                switch try reader.read(item, from: folder) {
                case .input(let input): inputs.append((item, input))
                case .noise(let reason): setAside(item.name, reason: reason)
                }
            } catch let error as RejectedInput {
                reject(item.name, reason: error.reason)
                metrics?.rejected(reason: error.label)
            } catch let error as IOFailure where error.errno == ENOENT {
                continue  // another reader took it
            } catch {
                log.log(.error, "read-failed", ["source": config.name, "file": item.name, "reason": "\(error)"])
            }
        }
        let outcomes = pipeline.process(inputs.map(\.input))
        var failed = false
        for (pair, outcome) in zip(inputs, outcomes) {
            guard outcome.isCommitted else {
                failed = true
                continue
            }
            do {
                try folder.acknowledge(pair.item.name)
            } catch {
                log.log(.error, "acknowledge-failed", ["source": config.name, "file": pair.item.name, "reason": "\(error)"])
            }
        }
        return failed
    }

    private func reject(_ name: String, reason: String) {
        do {
            try folder.reject(name, reason: reason)
            log.log(.warning, "rejected", ["source": config.name, "file": name, "reason": reason])
        } catch {
            log.log(.error, "reject-failed", ["source": config.name, "file": name, "reason": "\(error)"])
        }
    }

    private func setAside(_ name: String, reason: String) {
        do {
            try folder.setAside(name, in: noisePath, reason: reason)
            log.log(.info, "noise", ["source": config.name, "file": name, "reason": reason])
        } catch {
            log.log(.error, "noise-failed", ["source": config.name, "file": name, "reason": "\(error)"])
        }
    }
}
