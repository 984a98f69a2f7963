#if canImport(Glibc)
import Glibc
#endif
import Storage
import Synchronization

/// One batch file the daemon has taken on: how many of its entries are still to settle, and
/// the file kept open for marking them (within ``BatchLedger/maxOpenFiles``).
///
/// Settling an entry touches no lock: one `pwrite` and two atomic operations.
final class BatchFile: Sendable {
    /// The file's name in the outbox.
    let name: String
    /// Its path.
    let path: String
    /// The file open for writing, or -1: then each mark opens it.
    let fd: Int32
    /// The outbox it is in.
    private let store: RecordStore
    /// Entries not yet settled.
    private let unsettled: Atomic<Int>
    /// Whether an entry was marked since the last sync.
    private let dirty = Atomic<Bool>(false)
    /// Set before the ledger closes ``fd``.
    private let closed = Atomic<Bool>(false)

    init(name: String, store: RecordStore, fd: Int32, unsettled: Int) {
        self.name = name
        self.store = store
        path = store.batchPath(name)
        self.fd = fd
        self.unsettled = Atomic(unsettled)
    }

    /// Marks the entry at `offset` done, in place; not synced. Nothing is written once the
    /// file is finished (a second settle of one entry must not write through a reused descriptor).
    func markDone(at offset: Int) throws(IOFailure) {
        guard !closed.load(ordering: .acquiring) else { return }
        if fd >= 0 {
            try DurableFile.overwriteByte(OutboxBatch.done, at: offset, in: fd, path: path)
        } else {
            try store.markDone(OutboxBatch.Line(batch: name, offset: offset))
        }
        dirty.store(true, ordering: .releasing)
    }

    /// Counts one entry settled; whether it was the last.
    func countSettled() -> Bool {
        unsettled.subtract(1, ordering: .acquiringAndReleasing).newValue == 0
    }

    /// Marks the file finished, before its descriptor is closed.
    func close() {
        closed.store(true, ordering: .releasing)
    }

    /// Asks for a sync again (the last one failed).
    func markDirty() {
        dirty.store(true, ordering: .releasing)
    }

    /// Whether entries were marked since the last call (which clears it).
    func takeDirty() -> Bool {
        dirty.exchange(false, ordering: .acquiringAndReleasing)
    }
}
