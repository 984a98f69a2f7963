#if canImport(Glibc)
import Glibc
#endif
import Storage
import Synchronization

/// The batch files of the outbox that the daemon has taken on (``BatchFile``), and the names
/// it is writing. A batch is removed when its last entry is settled: delivered, put away as a
/// dead letter, superseded by an `ID.json` record, or dropped.
///
/// A batch file the ledger does not know was put there by someone else (`wegwijzer retry`),
/// or is one the daemon has finished with or let go.
final class BatchLedger: Sendable {
    /// Batch files kept open at most; the entries of others open their file for each mark.
    static let maxOpenFiles = 32

    private struct State {
        var files: [String: BatchFile] = [:]
        var reserved: Set<String> = []
        var openFiles = 0
        /// Entries of failed commits, by ID, left pending for the next start to decide (one ID
        /// may fail to commit more than once).
        var stranded: [String: [(file: BatchFile, line: OutboxBatch.Line)]] = [:]
    }

    private let store: RecordStore
    private let state = Mutex(State())

    init(store: RecordStore) {
        self.store = store
    }

    /// Whether batch `name` is taken on, or being written.
    func knows(_ name: String) -> Bool {
        state.withLock { $0.files[name] != nil || $0.reserved.contains(name) }
    }

    /// Claims a name for a batch about to be written, so that no rescan takes it on meanwhile.
    func reserve(_ name: String) {
        state.withLock { _ = $0.reserved.insert(name) }
    }

    /// Takes on batch `name` with `count` entries to settle; `nil` when it is taken on
    /// already, or has nothing to settle (then its file is removed at once).
    func take(_ name: String, unsettled count: Int) throws(IOFailure) -> BatchFile? {
        try state.withLock { (state) throws(IOFailure) -> BatchFile? in
            state.reserved.remove(name)
            guard state.files[name] == nil else { return nil }
            guard count > 0 else {
                try store.removeBatch(name)
                return nil
            }
            var fd: Int32 = -1
            if state.openFiles < Self.maxOpenFiles {
                fd = DurableFile.openForOverwriting(store.batchPath(name))
                if fd >= 0 { state.openFiles += 1 }
            }
            let file = BatchFile(name: name, store: store, fd: fd, unsettled: count)
            state.files[name] = file
            return file
        }
    }

    /// The batch `name`, if taken on.
    func file(named name: String) -> BatchFile? {
        state.withLock { $0.files[name] }
    }

    /// Leaves the entry of `id`, whose commit failed, pending: the journal may still hold the
    /// ID after a restart, and recovery then delivers it. A later commit of the same ID
    /// supersedes it (``unstrand(_:)``).
    func strand(_ id: String, line: OutboxBatch.Line, in file: BatchFile) {
        state.withLock { $0.stranded[id, default: []].append((file, line)) }
    }

    /// The stranded entries of `ids`, taken out, for their caller to settle.
    func unstrand(_ ids: some Sequence<String>) -> [(file: BatchFile, line: OutboxBatch.Line)] {
        state.withLock { state in
            guard !state.stranded.isEmpty else { return [] }
            return ids.flatMap { state.stranded.removeValue(forKey: $0) ?? [] }
        }
    }

    /// Lets go of batch `name` without touching its file (writing it failed).
    func forget(_ name: String) {
        state.withLock { state in
            state.reserved.remove(name)
            if let file = state.files.removeValue(forKey: name) { Self.close(file, in: &state) }
        }
    }

    /// Marks the entry at `offset` of `file` done and counts it settled; after the last entry,
    /// removes the file (under the lock, so that no rescan takes it on again meanwhile). A
    /// failure to mark is thrown after the entry is counted: the entry stays pending on disk
    /// only until the batch file is removed.
    func settle(_ file: BatchFile, offset: Int) throws(IOFailure) {
        var failure: IOFailure?
        do {
            try file.markDone(at: offset)
        } catch {
            failure = error
        }
        if file.countSettled() {
            try state.withLock { (state) throws(IOFailure) in
                guard state.files[file.name] === file else { return }
                state.files.removeValue(forKey: file.name)
                Self.close(file, in: &state)
                try store.removeBatch(file.name)
            }
        }
        if let failure { throw failure }
    }

    /// Fsyncs the data of the batch files with entries marked since the last sync; whether
    /// there was any.
    @discardableResult
    func syncMarked() throws(IOFailure) -> Bool {
        var synced = false
        for file in state.withLock({ Array($0.files.values) }) where file.takeDirty() {
            synced = true
            do {
                try DurableFile.syncData(at: file.path)
            } catch where error.errno == ENOENT {
                continue  // removed meanwhile
            } catch {
                file.markDirty()
                throw error
            }
        }
        return synced
    }

    private static func close(_ file: BatchFile, in state: inout State) {
        file.close()
        guard file.fd >= 0 else { return }
        _ = Glibc.close(file.fd)
        state.openFiles -= 1
    }
}
