#if canImport(Glibc)
import Glibc
#endif
import Delivery
import Foundation
import Storage

/// Pending deliveries and receipts in `STATE/outbox/`: records `ID.json`, the entries of batch
/// files `NAME.batch` (done entries too, as long as their bytes are there), and damaged files
/// set aside (`*.unreadable`).
///
/// A batch entry is erased in place: marked done, its JSON overwritten with spaces (``Erasure``
/// fsyncs the file); the daemon skips done entries and removes the file with its last one. `forget`
/// erases the outbox holding the ``ErasureLock``, so no delivery is in flight for it meanwhile.
public struct OutboxStore: PrivacyStore {
    /// The outbox directory.
    public let directory: String

    /// A store over the outbox `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    public var kinds: [StoreKind] { [.outbox] }

    public func find(_ matcher: PersonMatcher, ids: Set<String>) -> [StoredItem] {
        var items: [StoredItem] = []
        for name in FolderScan.files(in: directory) {
            if RecordStore.isBatchName(name) {
                items += entries(of: name, matcher: matcher, ids: ids)
            } else if let item = FolderScan.item(name, in: directory, kind: .outbox, id: FolderScan.messageID(ofFile: name),
                                                 matcher: matcher, ids: ids) {
                items.append(item)
            }
        }
        return items
    }

    private func entries(of name: String, matcher: PersonMatcher, ids: Set<String>) -> [StoredItem] {
        let path = directory + "/" + name
        guard let bytes = try? DurableFile.readFile(at: path) else { return [] }
        let time = FolderScan.modified(path)
        var items: [StoredItem] = []
        var offset = 0
        while let (json, next) = OutboxBatch.frame(bytes, at: offset) {
            defer { offset = next }
            let entry = Array(bytes[json])
            guard entry.contains(where: { $0 != 0x20 }) else { continue }  // erased
            let id = (try? OutboxRecord.decode(entry)).map { ReceiptRecord.messageID(ofRecord: $0.id) }
            var fields: [String] = []
            if let id, id == matcher.query.value || ids.contains(id) {
                fields = ["id"]
            } else if matcher.query.kind != .id {
                fields = matcher.fields(in: entry)
            }
            guard !fields.isEmpty else { continue }
            items.append(StoredItem(kind: .outbox, place: path, id: id, time: time, fields: fields,
                                    location: .batchEntry(file: path, offset: offset, json: json)))
        }
        return items
    }

    public func erase(_ item: StoredItem) throws {
        guard case .batchEntry(let path, let offset, let json) = item.location else {
            return try FolderScan.remove(item.location)
        }
        let fd = DurableFile.openForOverwriting(path)
        guard fd >= 0 else {
            if errno == ENOENT { return }  // the whole batch was settled meanwhile
            throw IOFailure.current(.open, path)
        }
        defer { close(fd) }
        try DurableFile.overwriteByte(OutboxBatch.done, at: offset, in: fd, path: path)
        try DurableFile.fill(0x20, count: json.count, at: json.lowerBound, in: fd, path: path)
    }
}
