import Delivery
import Storage

/// Where a message can be in a team's queue once the router has published it: `new/`, any
/// claim folder of the team's tools (`cur/`, `cur-importer-1/`, `done/`, … every folder but the
/// router's own, as retention and `forget` count them), and `misrouted/`, where a tool hands it back.
public enum QueueCopies {
    /// The folder a team tool moves a message into to hand it back.
    public static let misrouted = "misrouted"
    /// The queue's folders that are not claim folders.
    static let routerFolders: Set<String> = ["new", "tmp", "attachments", misrouted]

    /// The paths of `ID.json` in the queue at `queue`, in `new/`, the claim folders and
    /// `misrouted/`, that exist.
    public static func paths(of id: String, in queue: String) -> [String] {
        guard QueueDirectory.isValid(id: id) else { return [] }
        let names = (try? DurableFile.listDirectory(at: queue)) ?? []
        let folders = ["new", misrouted] + names.filter { !routerFolders.contains($0) && !$0.hasPrefix(".") }.sorted()
        return folders.map { queue + "/" + $0 + "/" + id + ".json" }.filter(DurableFile.exists)
    }

    /// Removes every copy of the message from the queue at `queue` (with a hand-back note) and its
    /// attachments, syncing each folder it changed. With `onlyHandedBack` (a message handed back
    /// that goes to the same team again) only the copy in `misrouted/` and its note go.
    public static func remove(_ id: String, from queue: String, onlyHandedBack: Bool = false) throws {
        for path in paths(of: id, in: queue) where !onlyHandedBack || path.hasSuffix("/" + misrouted + "/" + id + ".json") {
            try DurableFile.removeFile(at: path)
            let folder = String(path[..<path.lastIndex(of: "/")!])
            try DurableFile.syncDirectory(at: folder)
        }
        let note = queue + "/" + misrouted + "/" + id + ".note"
        if try DurableFile.removeFile(at: note) { try DurableFile.syncDirectory(at: queue + "/" + misrouted) }
        if !onlyHandedBack, QueueDirectory.isValid(id: id), try DurableFile.removeTree(at: queue + "/attachments/" + id) {
            try DurableFile.syncDirectory(at: queue + "/attachments")
        }
    }
}
