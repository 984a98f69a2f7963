#if canImport(Glibc)
import Glibc
#endif
import Delivery
import Foundation
import Intake
import Routing
import Storage

/// The retention sweep: removes what has aged past its period (``RetentionSettings``) and
/// counts the unclaimed messages that have.
///
/// It removes files in claim folders (with their attachments), dead letters, noise, rejected
/// input (with reasons and sidecars) and finished outbox files; never a message in `new/`, nor
/// the attachments of one. A file's age counts from its modification time: when Wegwijzer
/// wrote it (a claim by rename keeps it). Each folder is fsynced once after its removals. Only metadata is read, so a sweep over a million files costs no file
/// contents; removals are paced (``SweepPacer``) so that intake's fsyncs are not held up.
public struct RetentionSweep: Sendable {
    /// What one sweep did.
    public struct Result: Sendable, Equatable {
        /// Files (or attachment folders) removed, by kind.
        public var removed: [RetentionSettings.Kind: Int] = [:]
        /// Attachment folders removed with claimed messages or left without one.
        public var attachments = 0
        /// Messages in `new/` older than `retention` (not removed).
        public var unclaimedOverRetention = 0
        /// Removals that failed: path and reason.
        public var failures: [String] = []
        /// Whether the sweep stopped early (the daemon is stopping): the rest waits for the next.
        public var stopped = false

        /// Creates an empty result.
        public init() {}
    }

    private let config: RoutingConfig
    private let duty: Double

    /// A sweep over the state, queues and sources of `config` that removes during at most
    /// `duty` of its time (1: without pauses).
    public init(config: RoutingConfig, duty: Double = 0.1) {
        self.config = config
        self.duty = duty
    }

    /// Sweeps once, removing what is older than its period at `now`; stops early, between two
    /// chunks of removals, once `shouldStop` says so.
    public func run(now: Date = Date(), shouldStop: @escaping () -> Bool = { false }) -> Result {
        var result = Result()
        let pacer = SweepPacer(duty: duty, shouldStop: shouldStop)
        let settings = config.router.retention
        let state = config.router.state
        let cutoff = { (kind: RetentionSettings.Kind) in settings.period(kind).map { now.addingTimeInterval(-$0) } }
        result.unclaimedOverRetention = Self.countUnclaimed(config, olderThan: settings.period(.claimed), now: now, pacer: pacer)
        if let before = cutoff(.claimed) { sweepClaimed(before: before, pacer: pacer, into: &result) }
        if let before = cutoff(.dead) {
            sweep(state + "/dead", before: before, kind: .dead, pacer: pacer, into: &result) { $0.hasSuffix(".json") || $0.hasSuffix(".unreadable") }
        }
        if let before = cutoff(.noise) { sweep(state + "/noise", before: before, kind: .noise, pacer: pacer, into: &result) }
        if let before = cutoff(.rejected) {
            for source in config.sources {
                guard let path = config.sourcePath(source) else { continue }
                sweep(path + "/rejected", before: before, kind: .rejected, pacer: pacer, into: &result)
            }
        }
        if let before = cutoff(.outbox) {
            let outbox = RecordStore(directory: state + "/outbox")
            sweep(outbox.directory, before: before, kind: .outbox, pacer: pacer, into: &result) { name in
                name.hasSuffix(".unreadable")
                    || (RecordStore.isBatchName(name) && ((try? outbox.readBatch(name)) ?? []).allSatisfy(\.isDone))
            }
        }
        result.stopped = pacer.stopped
        return result
    }

    /// Messages in the queues' `new/` older than `period` (the claimed period, else `retention`).
    public static func countUnclaimed(_ config: RoutingConfig, olderThan period: Double?, now: Date = Date()) -> Int {
        countUnclaimed(config, olderThan: period, now: now, pacer: nil)
    }

    static func countUnclaimed(_ config: RoutingConfig, olderThan period: Double?, now: Date, pacer: SweepPacer?) -> Int {
        guard let period else { return 0 }
        let before = now.addingTimeInterval(-period)
        return config.queuePaths.reduce(0) { count, queue in
            count + FolderScan.files(in: queue + "/new").filter { name in
                _ = pacer?.examined()
                return name.hasSuffix(".json") && (FolderScan.modified(queue + "/new/" + name).map { $0 < before } ?? false)
            }.count
        }
    }

    private func sweepClaimed(before: Date, pacer: SweepPacer, into result: inout Result) {
        for queue in config.queuePaths {
            var held = Set<String>()  // IDs whose message is still in new/ or a claim folder
            for (folder, kind) in QueueStore.messageFolders(of: queue) {
                let removed = kind == .claimed
                    ? sweep(folder, before: before, kind: .claimed, pacer: pacer, into: &result) { $0.hasSuffix(".json") } : []
                let removedIDs = Set(removed.compactMap(RecordStore.id(ofFile:)))
                for name in FolderScan.files(in: folder) {
                    if let id = RecordStore.id(ofFile: name), !removedIDs.contains(id) { held.insert(id) }
                }
            }
            // Attachments go with their claimed message, or once aged without one.
            let root = queue + "/attachments"
            var removedAny = false
            for id in FolderScan.folders(in: root) where !held.contains(id) && pacer.examined() {
                let folder = root + "/" + id
                guard let modified = FolderScan.modified(folder), modified < before else { continue }
                do {
                    try DurableFile.removeTree(at: folder)
                    result.attachments += 1
                    removedAny = true
                    _ = pacer.removed()
                } catch {
                    result.failures.append("\(folder): \(error)")
                }
            }
            if removedAny { sync(root, into: &result) }
        }
    }

    /// Removes the files in `directory` older than `before` that `wanted` accepts (with their
    /// `NAME.reason` and call sidecar); returns the names removed.
    @discardableResult
    private func sweep(_ directory: String, before: Date, kind: RetentionSettings.Kind, pacer: SweepPacer,
                       into result: inout Result, wanted: (String) -> Bool = { _ in true }) -> [String] {
        var removed: [String] = []
        for name in FolderScan.files(in: directory) where wanted(name) && pacer.examined() {
            let path = directory + "/" + name
            guard let modified = FolderScan.modified(path), modified < before else { continue }
            do {
                try DurableFile.removeFile(at: path)
                removed.append(name)
                if !name.hasSuffix(".reason") && !name.hasSuffix(".meta.json") { result.removed[kind, default: 0] += 1 }
                _ = pacer.removed()
            } catch {
                result.failures.append("\(path): \(error)")
            }
        }
        if !removed.isEmpty { sync(directory, into: &result) }
        return removed
    }

    private func sync(_ directory: String, into result: inout Result) {
        do {
            try DurableFile.syncDirectory(at: directory)
        } catch {
            result.failures.append("\(directory): \(error)")
        }
    }
}
