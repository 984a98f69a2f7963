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
/// wrote it (a claim by rename keeps it). Each folder is fsynced once after its removals. Only
/// metadata is read, so a sweep over a million files costs no file contents; folders are
/// listed as a stream, each name looked at as it comes, and the work is paced
/// (``SweepPacer``): it gives way to intake (``IntakeActivity``) while intake is busy.
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
        /// How many times the sweep gave way to intake (paused for it after a chunk).
        public var yields = 0

        /// Creates an empty result.
        public init() {}
    }

    private let config: RoutingConfig
    private let duty: Double
    private let intake: IntakeActivity?

    /// A sweep over the state, queues and sources of `config` that works during at most `duty`
    /// of its time (1: without pauses) while intake is idle, and gives way while `intake` is
    /// busy.
    public init(config: RoutingConfig, duty: Double = 0.5, intake: IntakeActivity? = nil) {
        self.config = config
        self.duty = duty
        self.intake = intake
    }

    /// Sweeps once, removing what is older than its period at `now`; stops early, between two
    /// chunks of removals, once `shouldStop` says so.
    public func run(now: Date = Date(), shouldStop: @escaping () -> Bool = { false }) -> Result {
        var result = Result()
        let pacer = SweepPacer(duty: duty, intake: intake, shouldStop: shouldStop)
        let settings = config.router.retention
        let state = config.router.state
        let cutoff = { (kind: RetentionSettings.Kind) in settings.period(kind).map { now.addingTimeInterval(-$0) } }
        if let before = cutoff(.claimed) {
            for queue in config.queuePaths { sweepQueue(queue, before: before, pacer: pacer, into: &result) }
        }
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
        result.yields = pacer.yields
        return result
    }

    /// Messages in the queues' `new/` older than `period` (the claimed period, else `retention`).
    public static func countUnclaimed(_ config: RoutingConfig, olderThan period: Double?, now: Date = Date()) -> Int {
        guard let period else { return 0 }
        let before = now.addingTimeInterval(-period)
        return config.queuePaths.reduce(0) { count, queue in count + countUnclaimed(queue + "/new", before: before) }
    }

    /// The messages in `folder` (a `new/`) older than `before`; hands every file name to `seen`.
    private static func countUnclaimed(_ folder: String, before: Date, pacer: SweepPacer? = nil,
                                       seen: (String) -> Void = { _ in }) -> Int {
        var count = 0
        FolderScan.forEachEntry(in: folder) { entry in
            guard entry.isFile else { return true }
            seen(entry.name)
            guard pacer?.examined() ?? true else { return false }
            if entry.name.hasSuffix(".json"), let modified = FolderScan.modified(folder + "/" + entry.name), modified < before {
                count += 1
            }
            return true
        }
        return count
    }

    /// One queue: counts the aged messages in `new/`, removes the aged ones in claim folders,
    /// then the attachment folders of messages no longer held (or aged without one).
    private func sweepQueue(_ queue: String, before: Date, pacer: SweepPacer, into result: inout Result) {
        let root = queue + "/attachments"
        let attached = Set(FolderScan.folders(in: root))
        var held = Set<String>()  // IDs with attachments whose message is still in new/ or a claim folder
        let hold = { (name: String) in
            if !attached.isEmpty, let id = RecordStore.id(ofFile: name), attached.contains(id) { held.insert(id) }
        }
        let folders = QueueStore.messageFolders(of: queue)
        for (folder, kind) in folders {
            if kind == .claimed {
                sweep(folder, before: before, kind: .claimed, pacer: pacer, into: &result, wanted: { $0.hasSuffix(".json") }, kept: hold)
            } else {
                result.unclaimedOverRetention += Self.countUnclaimed(folder, before: before, pacer: pacer, seen: hold)
            }
        }
        // Attachments go with their claimed message, or once aged without one. A message claimed
        // while the folders were listed is looked for again by name.
        var removedAny = false
        for id in attached.sorted() where !held.contains(id) && pacer.examined() {
            let folder = root + "/" + id
            guard let modified = FolderScan.modified(folder), modified < before,
                  !folders.contains(where: { FolderScan.modified($0.path + "/" + id + ".json") != nil }) else { continue }
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

    /// Removes the files in `directory` older than `before` that `wanted` accepts (with their
    /// `NAME.reason` and call sidecar), looking at each name as the listing streams it; hands
    /// the names of the files it leaves to `kept`.
    private func sweep(_ directory: String, before: Date, kind: RetentionSettings.Kind, pacer: SweepPacer,
                       into result: inout Result, wanted: (String) -> Bool = { _ in true }, kept: (String) -> Void = { _ in }) {
        var removedAny = false
        FolderScan.forEachEntry(in: directory) { entry in
            guard entry.isFile else { return true }
            let name = entry.name
            guard wanted(name) else {
                kept(name)
                return true
            }
            guard pacer.examined() else { return false }
            let path = directory + "/" + name
            guard let modified = FolderScan.modified(path), modified < before else {
                kept(name)
                return true
            }
            do {
                try DurableFile.removeFile(at: path)
                removedAny = true
                if !name.hasSuffix(".reason") && !name.hasSuffix(".meta.json") { result.removed[kind, default: 0] += 1 }
                return pacer.removed()
            } catch {
                kept(name)
                result.failures.append("\(path): \(error)")
                return true
            }
        }
        if removedAny { sync(directory, into: &result) }
    }

    private func sync(_ directory: String, into result: inout Result) {
        do {
            try DurableFile.syncDirectory(at: directory)
        } catch {
            result.failures.append("\(directory): \(error)")
        }
    }
}
