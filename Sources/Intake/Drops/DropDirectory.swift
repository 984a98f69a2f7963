import Foundation
import Glibc
import Storage

/// A drop directory that writers fill by rename (DESIGN: drop directories).
///
/// Only complete names are taken: not starting with `.`, not ending in `.tmp`, and not a call
/// sidecar (`NAME.meta.json`, read together with its transcript). Unreadable input moves to
/// `rejected/NAME` with `rejected/NAME.reason`.
public struct DropDirectory: Sendable {
    /// One file waiting in the directory.
    public struct Item: Sendable, Hashable {
        /// File name inside the directory.
        public var name: String
        /// Size in bytes.
        public var size: Int
    }

    /// The directory's path.
    public let path: String

    /// Creates a handle; nothing is touched until used.
    public init(path: String) {
        self.path = path
    }

    /// The `rejected/` directory beside the inputs.
    public var rejectedPath: String { path + "/rejected" }

    /// Whether a name is a complete input, by the DESIGN rule and the sidecar rule.
    public static func isInputName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.hasSuffix(".tmp") && !name.hasSuffix(".meta.json")
    }

    /// Complete inputs, oldest first, at most `limit`.
    public func pending(limit: Int) -> [Item] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        var items: [(item: Item, modified: Int)] = []
        for name in names where DropDirectory.isInputName(name) {
            var info = stat()
            guard lstat(path + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            let modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
            items.append((Item(name: name, size: Int(info.st_size)), modified))
        }
        items.sort { ($0.modified, $0.item.name) < ($1.modified, $1.item.name) }
        return items.prefix(limit).map(\.item)
    }

    /// The sidecar name of an input: `call.vtt` → `call.meta.json`.
    public static func sidecarName(of name: String) -> String {
        let base = name.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        return (base.isEmpty ? name : base) + ".meta.json"
    }

    /// Reads a file whole, refusing one larger than `maxSize` bytes.
    public func read(_ name: String, maxSize: Int) throws -> [UInt8] {
        try DurableFile.readFile(at: path + "/" + name, maxSize: maxSize)
    }

    /// Reads the sidecar of `name`, if there is one.
    public func sidecar(of name: String, maxSize: Int) throws -> [UInt8]? {
        let sidecar = path + "/" + DropDirectory.sidecarName(of: name)
        guard access(sidecar, F_OK) == 0 else { return nil }
        return try DurableFile.readFile(at: sidecar, maxSize: maxSize)
    }

    /// Removes an input (and its sidecar) once its message is committed.
    public func remove(_ name: String) {
        unlink(path + "/" + name)
        unlink(path + "/" + DropDirectory.sidecarName(of: name))
    }

    /// Moves an input (and its sidecar) to `rejected/`, with `NAME.reason` saying why.
    public func reject(_ name: String, reason: String) throws {
        try setAside(name, in: rejectedPath, reason: reason)
    }

    /// Moves an input (and its sidecar) into `directory`, with `NAME.reason` saying why.
    /// The reason is written and fsynced before the input moves, so neither is lost.
    public func setAside(_ name: String, in directory: String, reason: String) throws {
        _ = try DurableFile.makeDirectories(at: directory, mode: 0o750)
        let reasonPath = directory + "/" + name + ".reason"
        _ = try DurableFile.removeFile(at: reasonPath)
        try DurableFile.createFile(at: reasonPath, contents: Array((reason + "\n").utf8), mode: 0o640)
        for moving in [name, DropDirectory.sidecarName(of: name)] {
            _ = try DurableFile.renameIfPresent(path + "/" + moving, to: directory + "/" + moving)
        }
        try DurableFile.syncDirectory(at: directory)
        try DurableFile.syncDirectory(at: path)
    }

    /// Number of rejected inputs.
    public var rejectedCount: Int { DropDirectory.count(reasonsIn: rejectedPath) }

    /// Number of `.reason` files in a folder (rejected or noise inputs).
    public static func count(reasonsIn directory: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".reason") }.count
    }
}
