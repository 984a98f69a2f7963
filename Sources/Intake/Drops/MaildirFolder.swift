import Foundation
import Glibc
import Storage

/// A Maildir read by the rules of the Maildir specification.
///
/// Messages are taken from `new/` only (never `tmp/`), dotfiles are skipped; after the commit a
/// message moves to `cur/NAME:2,S` (or is deleted with `after = delete`). Another reader may take
/// a message first: a vanished file (`ENOENT`) is simply skipped. Rejected and noise messages
/// leave `new/` for `rejected/` beside the Maildir's folders, or the state folder's `noise/`.
public struct MaildirFolder: InputFolder {
    /// The Maildir (holding `tmp/`, `new/`, `cur/`).
    public let path: String
    /// Delete messages after the commit instead of moving them to `cur/`.
    public let deleteAfterRead: Bool
    private let drops: DropDirectory

    /// Creates a handle on the Maildir at `path`.
    public init(path: String, deleteAfterRead: Bool) {
        self.path = path
        self.deleteAfterRead = deleteAfterRead
        drops = DropDirectory(path: path + "/new")
    }

    /// `new/`.
    public var incomingPath: String { path + "/new" }

    /// Creates `tmp/`, `new/` and `cur/` when missing.
    public func prepare() throws {
        for folder in ["tmp", "new", "cur"] {
            _ = try DurableFile.makeDirectories(at: path + "/" + folder, mode: 0o750)
        }
    }

    /// Messages in `new/`, oldest first (dotfiles skipped).
    public func pending(limit: Int) -> [DropDirectory.Item] {
        drops.pending(limit: limit).filter { !$0.name.hasPrefix(".") }
    }

    /// Reads `new/NAME`.
    public func read(_ name: String, maxSize: Int) throws -> [UInt8] {
        try DurableFile.readFile(at: incomingPath + "/" + name, maxSize: maxSize)
    }

    /// Moves the message to `cur/NAME:2,S`, or deletes it; a vanished message is fine.
    public func acknowledge(_ name: String) throws {
        if deleteAfterRead {
            _ = try DurableFile.removeFile(at: incomingPath + "/" + name)
            return
        }
        _ = try DurableFile.renameIfPresent(incomingPath + "/" + name, to: path + "/cur/" + MaildirFolder.seenName(name))
    }

    /// Moves the message to `rejected/NAME` beside the Maildir folders, with `NAME.reason`.
    public func reject(_ name: String, reason: String) throws {
        try setAside(name, in: path + "/rejected", reason: reason)
    }

    /// Moves the message out of `new/` into `directory`, with `NAME.reason` saying why.
    public func setAside(_ name: String, in directory: String, reason: String) throws {
        try drops.setAside(name, in: directory, reason: reason)
    }

    /// Number of rejected messages.
    public var rejectedCount: Int { DropDirectory.count(reasonsIn: path + "/rejected") }

    /// The `cur/` name of a message: its unique part with the info `:2,S` (seen), keeping flags it had.
    public static func seenName(_ name: String) -> String {
        guard let colon = name.firstIndex(of: ":") else { return name + ":2,S" }
        let unique = name[..<colon]
        let info = name[name.index(after: colon)...]
        guard info.hasPrefix("2,") else { return unique + ":2,S" }
        var flags = Set(info.dropFirst(2))
        flags.insert("S")
        return unique + ":2," + String(flags.sorted())
    }
}
