import Delivery
import Intake

/// The plain files of one folder: dead letters (`STATE/dead/`), noise (`STATE/noise/`), a
/// source's `rejected/`, a Maildir's `cur/`. Sidecars (`NAME.reason`, `NAME.meta.json`) are
/// read and removed with their file; the files are read several at a time (``ParallelReads``).
public struct FolderStore: PrivacyStore {
    /// The kind of its items.
    public let kind: StoreKind
    /// The folder.
    public let directory: String
    /// Whether files are named `ID.json` (dead letters).
    public let namedByID: Bool

    /// A store of the files in `directory`.
    public init(kind: StoreKind, directory: String, namedByID: Bool = false) {
        self.kind = kind
        self.directory = directory
        self.namedByID = namedByID
    }

    public var kinds: [StoreKind] { [kind] }

    public func find(_ matcher: PersonMatcher, ids: Set<String>) -> [StoredItem] {
        let entries = FolderScan.fileEntries(in: directory)
        let names = entries.map(\.name)
        let inodes = Dictionary(entries.map { ($0.name, $0.inode) }, uniquingKeysWith: { first, _ in first })
        var left = Set(names)
        var groups: [(name: String, sidecars: [String])] = []
        for name in names where !name.hasSuffix(".reason") && !name.hasSuffix(".meta.json") {
            let sidecars = [name + ".reason", DropDirectory.sidecarName(of: name)].filter { $0 != name && left.contains($0) }
            for sidecar in sidecars { left.remove(sidecar) }
            left.remove(name)
            groups.append((name, sidecars))
        }
        groups += left.sorted().map { ($0, []) }  // sidecars whose input is gone
        let (directory, kind, namedByID) = (directory, kind, namedByID)
        return ParallelReads.compactMap(groups, inode: { inodes[$0.name] ?? 0 }) { group in
            FolderScan.item(group.name, in: directory, kind: kind, id: namedByID ? FolderScan.messageID(ofFile: group.name) : nil,
                            matcher: matcher, ids: ids, sidecars: group.sidecars.map { directory + "/" + $0 })
        }
    }

    public func erase(_ item: StoredItem) throws {
        try FolderScan.remove(item.location)
    }
}
