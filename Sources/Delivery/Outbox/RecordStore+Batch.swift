#if canImport(Glibc)
import Glibc
#endif
import Storage

extension RecordStore {
    /// The path of the batch file `name`.
    public func batchPath(_ name: String) -> String { directory + "/" + name }

    /// Writes `records` as one batch file (``OutboxBatch``) named `name`: as `NAME.part`, then
    /// renamed. With `sync`, the file and the directory are fsynced; without, the caller syncs
    /// the file system (the pipeline's group commit). Returns each record's entry, in order.
    ///
    /// Written by root (an operator's `wegwijzer retry`), the file is given to the directory's
    /// owner before it is renamed into place: the daemon marks its entries in place.
    public func writeBatch(
        _ records: [OutboxRecord], name: String = OutboxBatch.newName(), sync: Bool = true
    ) throws -> [OutboxBatch.Line] {
        for record in records { try QueueDirectory.validate(id: record.id) }
        let (bytes, offsets) = OutboxBatch.encode(records)
        let target = batchPath(name)
        try DurableFile.removeFile(at: target + ".part")
        try DurableFile.createFile(at: target + ".part", contents: bytes, mode: Self.fileMode, sync: sync)
        if geteuid() == 0 {
            var owner = stat()
            guard stat(directory, &owner) == 0 else { throw IOFailure.current(.inspect, directory) }
            if owner.st_uid != 0 {
                guard chown(target + ".part", owner.st_uid, owner.st_gid) == 0 else {
                    throw IOFailure.current(.changeGroup, target + ".part")
                }
                if sync { try DurableFile.syncFile(at: target + ".part") }
            }
        }
        try DurableFile.rename(target + ".part", to: target)
        if sync { try DurableFile.syncDirectory(at: directory) }
        return offsets.map { OutboxBatch.Line(batch: name, offset: $0) }
    }

    /// The names of the batch files, oldest first.
    public func batchNames() -> [String] {
        let names = (try? DurableFile.listDirectory(at: directory)) ?? []
        return names.filter(Self.isBatchName).sorted()
    }

    /// Whether `name` is a batch file's name (`NAME.batch`, not hidden).
    public static func isBatchName(_ name: String) -> Bool {
        name.hasSuffix(OutboxBatch.suffix) && !name.hasPrefix(".") && !name.contains("/")
    }

    /// The entries of batch file `name`; empty when it is gone.
    public func readBatch(_ name: String) throws(IOFailure) -> [OutboxBatch.Entry] {
        do {
            return OutboxBatch.decode(try DurableFile.readFile(at: batchPath(name)), name: name)
        } catch where error.errno == ENOENT {
            return []
        }
    }

    /// Reads the record of one entry; `nil` when its file is gone or the entry is done.
    public func load(_ line: OutboxBatch.Line) throws -> OutboxRecord? {
        let bytes: [UInt8]
        do {
            bytes = try DurableFile.readFile(at: batchPath(line.batch), from: line.offset, maxSize: 512 << 20) {
                OutboxBatch.frame($0, at: 0) != nil
            }
        } catch where error.errno == ENOENT {
            return nil
        }
        guard let (json, _) = OutboxBatch.frame(bytes, at: 0) else {
            throw RecordFormatError(reason: "a damaged batch entry")
        }
        return bytes[0] == OutboxBatch.done ? nil : try OutboxRecord.decode(Array(bytes[json]))
    }

    /// Marks one entry done in place, not synced (the daemon's ``BatchLedger`` syncs what it
    /// marked); an entry of a batch file that is gone is no error.
    public func markDone(_ line: OutboxBatch.Line) throws(IOFailure) {
        do {
            try DurableFile.overwriteByte(OutboxBatch.done, at: line.offset, in: batchPath(line.batch))
        } catch where error.errno == ENOENT {
            return
        }
    }

    /// Removes batch file `name` (all of its entries are done); the next ``syncIfDirty()``
    /// makes that durable.
    public func removeBatch(_ name: String) throws(IOFailure) {
        try remove(file: batchPath(name))
    }

    /// Every pending record, from `ID.json` files and from the pending entries of batch files
    /// (an ID in both counts once, as its `ID.json`).
    public func pendingRecords() -> [OutboxRecord] {
        var records = ids().compactMap { try? load($0) }
        var seen = Set(records.map(\.id))
        for name in batchNames() {
            for entry in (try? readBatch(name)) ?? [] where !entry.isDone {
                guard case .success(let record) = entry.record, seen.insert(record.id).inserted else { continue }
                records.append(record)
            }
        }
        return records
    }

    /// Removes batch files cut short by a crash while they were written (`NAME.batch.part`);
    /// returns how many.
    @discardableResult
    public func removeBatchParts() -> Int {
        let names = (try? DurableFile.listDirectory(at: directory)) ?? []
        var removed = 0
        for name in names where name.hasSuffix(OutboxBatch.suffix + ".part") {
            if (try? DurableFile.removeFile(at: directory + "/" + name)) == true { removed += 1 }
        }
        return removed
    }
}

extension RecordStore {
    /// Whether the entry is still pending: its file exists and its mark is `P`.
    public func isPending(_ line: OutboxBatch.Line) throws(IOFailure) -> Bool {
        do {
            let mark = try DurableFile.readFile(at: batchPath(line.batch), from: line.offset, maxSize: 1) { _ in true }
            return mark.first == OutboxBatch.pending
        } catch where error.errno == ENOENT {
            return false
        }
    }
}
