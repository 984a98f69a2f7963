import Delivery
import Dispatch
import Synchronization

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

    /// Searches the folders two at a time (a million messages are read in a few seconds on two
    /// cores); the items come in folder order.
    public func find(_ matcher: PersonMatcher, ids: Set<String>) -> [StoredItem] {
        let folders = queues.flatMap(QueueStore.messageFolders(of:))
        let found = Mutex([[StoredItem]](repeating: [], count: folders.count))
        DispatchQueue.concurrentPerform(iterations: folders.count) { index in
            let (folder, kind) = folders[index]
            let items = FolderScan.files(in: folder).compactMap { name in
                FolderScan.item(name, in: folder, kind: kind, id: RecordStore.id(ofFile: name), matcher: matcher, ids: ids)
            }
            found.withLock { $0[index] = items }
        }
        return found.withLock { $0 }.flatMap { $0 }
    }

    public func erase(_ item: StoredItem) throws {
        try FolderScan.remove(item.location)
    }
}
