import Delivery

/// The messages in the team queues: `QUEUE/new/` (waiting) and every claim folder a team's
/// tools made inside the queue (`cur/`, `cur-importer-1/`, …). `tmp/` (the router's scratch
/// space) is left to the daemon's recovery; `attachments/` is ``AttachmentStore``'s.
public struct QueueStore: PrivacyStore {
    /// Folders in a queue that hold no claimed messages.
    static let notClaimFolders: Set<String> = ["new", "tmp", "attachments"]
    /// The queue directories.
    public let queues: [String]

    /// A store over the queue directories `queues`.
    public init(queues: [String]) {
        self.queues = queues
    }

    public var kinds: [StoreKind] { [.queue, .claimed] }

    /// The message folders of a queue: `new/` and the claim folders, with their kind.
    static func messageFolders(of queue: String) -> [(path: String, kind: StoreKind)] {
        [(queue + "/new", .queue)] + FolderScan.folders(in: queue).filter { !notClaimFolders.contains($0) }
            .map { (queue + "/" + $0, .claimed) }
    }

    /// Reads the files of every folder several at a time, in inode order (``ParallelReads``);
    /// the items come in folder order, and by name within a folder.
    public func find(_ matcher: PersonMatcher, ids: Set<String>) -> [StoredItem] {
        let folders = queues.flatMap(QueueStore.messageFolders(of:))
        let files = folders.indices.flatMap { index in FolderScan.fileEntries(in: folders[index].path).map { (index, $0) } }
        return ParallelReads.compactMap(files, inode: \.1.inode) { index, entry in
            let (folder, kind) = folders[index]
            return FolderScan.item(entry.name, in: folder, kind: kind, id: RecordStore.id(ofFile: entry.name), matcher: matcher, ids: ids)
        }
    }

    public func erase(_ item: StoredItem) throws {
        try FolderScan.remove(item.location)
    }
}
