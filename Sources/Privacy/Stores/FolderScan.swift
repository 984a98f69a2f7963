#if canImport(Glibc)
import Glibc
#endif
import Delivery
import Foundation
import Storage

/// Reading and removing the plain files of a folder, shared by the stores.
enum FolderScan {
    /// The suffixes of sidecar files that go with an input: its reason, and a call's metadata.
    static let sidecarSuffixes = [".reason", ".meta.json"]

    /// One entry of a folder's listing.
    struct Entry {
        /// Its name.
        var name: String
        /// Whether it is a folder.
        var isDirectory: Bool
        /// Its inode number: reading files in this order reads the disk in order.
        var inode: UInt64

        /// Whether it is a plain file: not a folder, not a `.part` file being written.
        var isFile: Bool { !isDirectory && !name.hasSuffix(".part") }
    }

    /// The names of the files in `directory` that are not folders (not hidden, not `.part`
    /// files being written); empty when there is no such folder.
    static func files(in directory: String) -> [String] {
        fileEntries(in: directory).map(\.name)
    }

    /// The files of ``files(in:)`` with their inode numbers, sorted by name.
    static func fileEntries(in directory: String) -> [Entry] {
        var found: [Entry] = []
        forEachEntry(in: directory) { entry in
            if entry.isFile { found.append(entry) }
            return true
        }
        return found.sorted { $0.name < $1.name }
    }

    /// The names of the folders in `directory` (not hidden).
    static func folders(in directory: String) -> [String] {
        var found: [String] = []
        forEachEntry(in: directory) { entry in
            if entry.isDirectory { found.append(entry.name) }
            return true
        }
        return found.sorted()
    }

    /// Calls `body` with each entry of `directory` that is not hidden, in the order the folder
    /// lists them, until `body` returns false; nothing when there is no such folder. The listing
    /// is streamed, never held whole, so a folder of a million names costs no memory for them;
    /// whether a folder comes from the directory itself (`d_type`), so costs no `stat` each.
    /// `body` may remove the entries it was given.
    static func forEachEntry(in directory: String, _ body: (Entry) -> Bool) {
        guard let dir = opendir(directory) else { return }
        defer { _ = closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let type = entry.pointee.d_type
            let isFolder = type == UInt8(DT_UNKNOWN) ? isDirectory(directory + "/" + name) : type == UInt8(DT_DIR)
            guard body(Entry(name: name, isDirectory: isFolder, inode: UInt64(entry.pointee.d_ino))) else { return }
        }
    }

    /// The modification time of `path`, if it exists.
    static func modified(_ path: String) -> Date? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The message ID a file name `ID.json` stands for (a receipt's record names its message).
    static func messageID(ofFile name: String) -> String? {
        RecordStore.id(ofFile: name).map(ReceiptRecord.messageID(ofRecord:))
    }

    /// The item for file `name` in `directory` when it concerns the person: by its message ID
    /// (`id` queries and linked IDs need not read the file), else by its bytes.
    static func item(_ name: String, in directory: String, kind: StoreKind, id: String?, matcher: PersonMatcher,
                     ids: Set<String>, sidecars: [String] = []) -> StoredItem? {
        let path = directory + "/" + name
        var fields: [String] = []
        if let id, id == matcher.query.value || ids.contains(id) {
            fields = ["id"]
        } else if matcher.query.kind != .id || id == nil {
            guard let bytes = QuietRead.bytes(at: path, maxSize: 1 << 30) else { return nil }
            fields = matcher.fields(in: bytes)
            for sidecar in sidecars where fields.isEmpty {
                if let bytes = QuietRead.bytes(at: sidecar, maxSize: 1 << 20), !matcher.fields(in: bytes).isEmpty {
                    fields = ["content"]
                }
            }
        }
        guard !fields.isEmpty else { return nil }
        return StoredItem(kind: kind, place: path, id: id, time: modified(path), fields: fields,
                          location: .file(path, sidecars: sidecars))
    }

    /// Removes a file item (and its sidecars) or a folder item; ``Erasure`` fsyncs the folder.
    static func remove(_ location: StoredItem.Location) throws {
        switch location {
        case .file(let path, let sidecars):
            for sidecar in sidecars { try DurableFile.removeFile(at: sidecar) }
            try DurableFile.removeFile(at: path)
        case .folder(let path):
            try DurableFile.removeTree(at: path)
        default:
            throw ErasureFailure("not a file or folder")
        }
    }
}

/// An item that could not be erased, with the reason.
public struct ErasureFailure: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
