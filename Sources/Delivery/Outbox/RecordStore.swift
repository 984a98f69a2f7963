#if canImport(Glibc)
import Glibc
#endif
import Storage
import Synchronization

/// A directory of delivery records, one `ID.json` each: `STATE/outbox/` (pending) or
/// `STATE/dead/` (dead letters).
///
/// A record is written as `ID.json.part`, fsynced and renamed over `ID.json`, so a reader sees
/// the old record or the new one. Many records written at once share a batch file
/// (``OutboxBatch``). Removals can share one directory fsync (``syncIfDirty()``).
public final class RecordStore: Sendable {
    /// Mode of record files.
    public static let fileMode: mode_t = 0o640
    /// Mode of the directory.
    public static let directoryMode: mode_t = 0o750

    /// The directory.
    public let directory: String
    private let dirty = Atomic<Bool>(false)

    /// A store in `directory`; nothing is touched until ``prepare()``.
    public init(directory: String) {
        self.directory = directory
    }

    /// Creates the directory where missing.
    public func prepare() throws(IOFailure) {
        try DurableFile.makeDirectories(at: directory, mode: Self.directoryMode)
    }

    /// The file of record `id`.
    public func path(_ id: String) -> String { directory + "/" + id + ".json" }

    /// Whether record `id` exists.
    public func contains(_ id: String) -> Bool { DurableFile.exists(path(id)) }

    /// Writes each record durably (each file fsynced), then fsyncs the directory once.
    public func write(_ records: [OutboxRecord]) throws {
        guard !records.isEmpty else { return }
        for record in records {
            try QueueDirectory.validate(id: record.id)
            let target = path(record.id)
            let part = target + ".part"
            try DurableFile.removeFile(at: part)
            try DurableFile.createFile(at: part, contents: record.encoded(), mode: Self.fileMode)
            try DurableFile.rename(part, to: target)
        }
        try DurableFile.syncDirectory(at: directory)
    }

    /// Writes one record durably.
    public func write(_ record: OutboxRecord) throws {
        try write([record])
    }

    /// Fsyncs the directory, making every entry created, renamed or removed so far durable.
    public func syncDirectory() throws(IOFailure) {
        dirty.store(false, ordering: .sequentiallyConsistent)
        try DurableFile.syncDirectory(at: directory)
    }

    /// Fsyncs the directory if a removal since the last sync asked for it; whether it did.
    @discardableResult
    public func syncIfDirty() throws(IOFailure) -> Bool {
        guard dirty.exchange(false, ordering: .sequentiallyConsistent) else { return false }
        try DurableFile.syncDirectory(at: directory)
        return true
    }

    /// Removes the file `path` in the directory, for the next ``syncIfDirty()``; whether there was one.
    @discardableResult
    func remove(file path: String) throws(IOFailure) -> Bool {
        let removed = try DurableFile.removeFile(at: path)
        if removed { dirty.store(true, ordering: .sequentiallyConsistent) }
        return removed
    }

    /// Reads record `id`; `nil` when there is none.
    public func load(_ id: String) throws -> OutboxRecord? {
        guard QueueDirectory.isValid(id: id) else { throw InvalidMessageID(id: id) }
        let bytes: [UInt8]
        do {
            bytes = try DurableFile.readFile(at: path(id), maxSize: 512 << 20)
        } catch where error.errno == ENOENT {
            return nil
        }
        return try OutboxRecord.decode(bytes)
    }

    /// Removes record `id`. With `sync`, the directory is fsynced at once; without, it is
    /// marked for the next ``syncIfDirty()``. Returns whether there was one.
    @discardableResult
    public func remove(_ id: String, sync: Bool) throws(IOFailure) -> Bool {
        let removed = try remove(file: path(id))
        if sync { try syncDirectory() }
        return removed
    }

    /// The IDs of the records, sorted; empty when the directory does not exist.
    public func ids() -> [String] {
        let names = (try? DurableFile.listDirectory(at: directory)) ?? []
        return names.compactMap(RecordStore.id(ofFile:)).sorted()
    }

    /// The ID a file name `ID.json` stands for, if it is one.
    public static func id(ofFile name: String) -> String? {
        guard name.hasSuffix(".json") else { return nil }
        let id = String(name.dropLast(5))
        return QueueDirectory.isValid(id: id) ? id : nil
    }

    /// Number of records and the modification time (Unix seconds) of the oldest.
    public func census() -> (count: Int, oldest: Double?) {
        var oldest: Double?
        let ids = ids()
        for id in ids {
            var info = stat()
            guard stat(path(id), &info) == 0 else { continue }
            let time = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
            oldest = min(oldest ?? time, time)
        }
        return (ids.count, oldest)
    }
}
