#if canImport(Glibc)
import Storage
import Glibc
#endif
import Hashing
import Messages

/// One team's queue directory, written in two phases so the pipeline can commit in between.
///
/// Layout (the contract team tools rely on):
/// ```
/// QUEUE/tmp/                  scratch space; consumers ignore it
/// QUEUE/new/ID.json           one message, complete when it appears
/// QUEUE/attachments/ID/NAME   its attachments, durable before ID.json appears in new/
/// ```
/// Order for one batch: ``storeAttachments(id:_:)`` and ``stage(id:json:)`` for each message
/// (each durable on return), commit, then ``publish(ids:)`` for the batch with one directory
/// sync. Every step may be repeated after a crash. Files get mode 0640 and directories 0750,
/// whatever the umask, with the group of the queue directory, so the team's group can read them.
/// The router touches nothing outside `tmp/`, `new/` and `attachments/`.
public struct QueueDirectory: Sendable, Hashable {
    /// Mode of message and attachment files.
    public static let fileMode: mode_t = 0o640
    /// Mode of directories the queue creates.
    public static let directoryMode: mode_t = 0o750
    /// The longest message ID accepted.
    public static let maxIDLength = 128

    /// The queue directory.
    public let path: String

    /// A queue at `path`; nothing is touched until ``prepare()``.
    public init(path: String) {
        self.path = path
    }

    private var tmp: String { path + "/tmp" }
    private var new: String { path + "/new" }
    private var attachments: String { path + "/attachments" }

    /// Creates the queue directory and its `tmp/`, `new/` and `attachments/` where missing.
    public func prepare() throws {
        try DurableFile.makeDirectories(at: path, mode: Self.directoryMode)
        let group = try DurableFile.group(of: path)
        for directory in [tmp, new, attachments] {
            try DurableFile.makeDirectories(at: directory, mode: Self.directoryMode, group: group)
        }
        try DurableFile.syncDirectory(at: path)
    }

    /// Writes a message's attachments to `attachments/ID/` and makes them durable.
    ///
    /// Names are made safe and unique with ``SafeFilename``. A file already there with the same
    /// content is kept (a repeated run); one with other content (left by a crash) is replaced.
    /// Returns the records for the message JSON, in the order given.
    /// With `sync: false` nothing is fsynced: the caller syncs the file system after the batch.
    public func storeAttachments(
        id: String, _ files: [(filename: String, contentType: String, data: [UInt8])], sync: Bool = true
    ) throws -> [Attachment] {
        try Self.validate(id: id)
        guard !files.isEmpty else { return [] }
        let group = try DurableFile.group(of: path)
        let directory = attachments + "/" + id
        try DurableFile.makeDirectories(at: directory, mode: Self.directoryMode, group: group)
        let names = SafeFilename.uniqueNames(files.map(\.filename))
        var records: [Attachment] = []
        for (file, name) in zip(files, names) {
            let target = directory + "/" + name
            if DurableFile.exists(target), (try? DurableFile.readFile(at: target)) == file.data {
                if sync { try DurableFile.syncFile(at: target) }
            } else {
                try writeReplacing(target, file.data, group: group, part: directory + "/." + name + ".part", sync: sync)
            }
            records.append(Attachment(
                filename: name, contentType: file.contentType, size: file.data.count,
                sha256: Digest.sha256Hex(file.data), path: "attachments/\(id)/\(name)"))
        }
        if geteuid() == 0 {
            // Root (`wegwijzer reroute` under sudo) leaves them to the queue's owner, as the
            // daemon would have written them, so that the daemon can move and remove them later.
            for file in [directory] + names.map({ directory + "/" + $0 }) {
                try DurableFile.giveToFolderOwner(path: file, directory: attachments)
            }
        }
        // Both always: an earlier run may have created them and stopped before syncing.
        if sync {
            try DurableFile.syncDirectory(at: directory)
            try DurableFile.syncDirectory(at: attachments)
        }
        return records
    }

    /// Writes `tmp/ID.json` durably, replacing any earlier version; with `sync: false` the
    /// caller makes it durable by syncing the file system after the batch.
    public func stage(id: String, json: [UInt8], sync: Bool = true) throws {
        try stage([(id: id, json: json)], sync: sync)
    }

    /// Writes `tmp/ID.json` for each message, then syncs `tmp/` once.
    ///
    /// On return every file and its directory entry is durable, so a committed pipeline state
    /// that says "staged" is true after a crash. The file is written in place (no rename): a
    /// staged file counts only once the journal commits it, after it was synced, and recovery
    /// removes staged files the journal never committed.
    public func stage(_ messages: [(id: String, json: [UInt8])], sync: Bool = true) throws {
        for message in messages { try Self.validate(id: message.id) }
        guard !messages.isEmpty else { return }
        let group = try DurableFile.group(of: path)
        for message in messages {
            try DurableFile.createFile(at: stagedPath(message.id), contents: message.json, mode: Self.fileMode, group: group,
                                       sync: sync, truncating: true)
        }
        if sync { try DurableFile.syncDirectory(at: tmp) }
    }

    /// Moves `tmp/ID.json` to `new/ID.json` for each ID, then syncs `new/` once (group commit).
    ///
    /// An ID with no staged file was published before (and perhaps already claimed): it is
    /// skipped without error, so publishing again after a crash is safe.
    public func publish(ids: [String]) throws {
        for id in ids { try Self.validate(id: id) }
        guard !ids.isEmpty else { return }
        for id in ids {
            try DurableFile.renameIfPresent(stagedPath(id), to: publishedPath(id))
        }
        try DurableFile.syncDirectory(at: new)
    }

    /// Whether `tmp/ID.json` exists.
    public func isStaged(id: String) -> Bool {
        Self.isValid(id: id) && DurableFile.exists(stagedPath(id))
    }

    /// Whether `new/ID.json` exists (published and not yet claimed).
    public func isInNew(id: String) -> Bool {
        Self.isValid(id: id) && DurableFile.exists(publishedPath(id))
    }

    /// The IDs staged in `tmp/` and not yet published, sorted.
    public func stagedIDs() throws -> [String] {
        try Self.messageIDs(in: tmp)
    }

    /// Removes `tmp/ID.json` and the message's attachments, for a message that will not be
    /// published here. Attachments of a message that is in `new/` are kept.
    public func removeStaged(id: String) throws {
        try Self.validate(id: id)
        try DurableFile.removeFile(at: stagedPath(id))
        try DurableFile.removeFile(at: stagedPath(id) + ".part")
        try DurableFile.syncDirectory(at: tmp)
        if !isInNew(id: id), try DurableFile.removeTree(at: attachments + "/" + id) {
            try DurableFile.syncDirectory(at: attachments)
        }
    }

    /// Removes `tmp/*.part` files: an earlier version staged through them, and one that was
    /// cut off by a crash was never anything's. Returns how many were removed.
    public func removeLeftoverParts() throws -> Int {
        let parts = try DurableFile.listDirectory(at: tmp).filter { $0.hasSuffix(".part") }
        for name in parts { try DurableFile.removeFile(at: tmp + "/" + name) }
        if !parts.isEmpty { try DurableFile.syncDirectory(at: tmp) }
        return parts.count
    }

    /// The number of messages in `new/` waiting for the team; 0 when it cannot be read.
    public func depth() -> Int {
        (try? Self.messageIDs(in: new).count) ?? 0
    }

    /// Throws ``InvalidMessageID`` unless `id` is 1 to 128 of `A-Z a-z 0-9 _ -`.
    public static func validate(id: String) throws {
        guard isValid(id: id) else { throw InvalidMessageID(id: id) }
    }

    /// Whether `id` is 1 to 128 of `A-Z a-z 0-9 _ -`.
    public static func isValid(id: String) -> Bool {
        let bytes = id.utf8
        guard (1...maxIDLength).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                return true
            default:
                return false
            }
        }
    }

    private func stagedPath(_ id: String) -> String { messagePath(id, in: "/tmp/") }
    private func publishedPath(_ id: String) -> String { messagePath(id, in: "/new/") }

    /// `QUEUE/tmp/ID.json` or `QUEUE/new/ID.json`, built in one string (a path per message).
    private func messagePath(_ id: String, in folder: StaticString) -> String {
        var result = path
        result.reserveCapacity(path.utf8.count + folder.utf8CodeUnitCount + id.utf8.count + 5)
        result += folder.description
        result += id
        result += ".json"
        return result
    }

    /// Writes `data` to `part` (a name no other entry can have), fsyncs it and renames it over
    /// `target`; a reader sees the old file or the new one, never a part. The caller syncs the
    /// directory.
    private func writeReplacing(_ target: String, _ data: [UInt8], group: gid_t, part: String, sync: Bool) throws {
        try DurableFile.removeFile(at: part)
        try DurableFile.createFile(at: part, contents: data, mode: Self.fileMode, group: group, sync: sync)
        try DurableFile.rename(part, to: target)
    }

    /// The valid IDs of the `*.json` files in `directory`, sorted.
    private static func messageIDs(in directory: String) throws -> [String] {
        try DurableFile.listDirectory(at: directory).compactMap { name in
            guard name.hasSuffix(".json") else { return nil }
            let id = String(name.dropLast(".json".count))
            return isValid(id: id) ? id : nil
        }.sorted()
    }
}

/// A message ID that cannot name a queue file: it must be 1 to 128 of `A-Z a-z 0-9 _ -`.
public struct InvalidMessageID: Error, CustomStringConvertible, Equatable, Sendable {
    /// The rejected ID.
    public let id: String

    /// Creates the error for `id`.
    public init(id: String) {
        self.id = id
    }

    /// One line naming the ID (escaped, and shortened when long).
    public var description: String {
        let shown = id.count > 40 ? String(id.prefix(40)) + "…" : id
        return "invalid message ID \(shown.debugDescription): use 1 to 128 of A-Z a-z 0-9 _ -"
    }
}
