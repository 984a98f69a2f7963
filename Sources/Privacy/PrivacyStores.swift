import Archive
import Routing

/// Every place that holds message data for a configuration, in the order `find` asks them
/// (content first, then the stores that link to it): docs/privacy.md is the register of them.
public enum PrivacyStores {
    /// The stores of `config` (its state folder, queues and sources).
    public static func all(_ config: RoutingConfig) -> [any PrivacyStore] {
        let state = config.router.state
        var stores: [any PrivacyStore] = [
            QueueStore(queues: config.queuePaths),
            OutboxStore(directory: state + "/outbox"),
            FolderStore(kind: .dead, directory: state + "/dead", namedByID: true),
            FolderStore(kind: .noise, directory: state + "/noise"),
        ]
        for source in config.sources {
            guard let path = config.sourcePath(source) else { continue }
            stores.append(FolderStore(kind: .rejected, directory: path + "/rejected"))
            if source.type == .maildir { stores.append(FolderStore(kind: .mailbox, directory: path + "/cur")) }
        }
        stores += [
            ArchiveRecordStore(directory: ArchiveStore.directory(inState: state)),
            AttachmentStore(queues: config.queuePaths),
            JournalStore(directory: state + "/journal"),
            ReceiptLedgerStore(directory: state + "/receipts"),
        ]
        return stores
    }
}
