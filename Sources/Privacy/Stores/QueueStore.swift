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

    public func find(_ matcher: PersonMatcher, ids: Set<String>) -> [StoredItem] {
        var items: [StoredItem] = []
        for queue in queues {
            for (folder, kind) in QueueStore.messageFolders(of: queue) {
                for name in FolderScan.files(in: folder) {
                    let id = RecordStore.id(ofFile: name)
                    if let item = FolderScan.item(name, in: folder, kind: kind, id: id, matcher: matcher, ids: ids) {
                        items.append(item)
                    }
                }
            }
        }
        return items
    }

    public func erase(_ item: StoredItem) throws {
        try FolderScan.remove(item.location)
    }
}
