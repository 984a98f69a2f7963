import Storage

/// The attachments of messages: `QUEUE/attachments/ID/`. A folder is an item when its message
/// concerns the person (its ID was found elsewhere) or when one of its files does.
public struct AttachmentStore: PrivacyStore {
    /// The queue directories.
    public let queues: [String]

    /// A store over the attachments of the queues `queues`.
    public init(queues: [String]) {
        self.queues = queues
    }

    public var kinds: [StoreKind] { [.attachment] }

    public func find(_ matcher: PersonMatcher, ids: Set<String>) -> [StoredItem] {
        var items: [StoredItem] = []
        for queue in queues {
            let root = queue + "/attachments"
            for id in FolderScan.folders(in: root) {
                let folder = root + "/" + id
                var fields: [String] = []
                if ids.contains(id) || id == matcher.query.value {
                    fields = ["id"]
                } else if matcher.query.kind != .id {
                    for name in FolderScan.files(in: folder) {
                        guard let bytes = try? DurableFile.readFile(at: folder + "/" + name, maxSize: 1 << 30) else { continue }
                        if !matcher.fields(in: bytes).isEmpty || matcher.matches(name) { fields.append(name) }
                    }
                }
                guard !fields.isEmpty else { continue }
                items.append(StoredItem(kind: .attachment, place: folder, id: id, time: FolderScan.modified(folder),
                                        fields: fields, location: .folder(folder)))
            }
        }
        return items
    }

    public func erase(_ item: StoredItem) throws {
        try FolderScan.remove(item.location)
    }
}
