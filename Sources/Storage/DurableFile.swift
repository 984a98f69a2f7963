#if canImport(Glibc)
import Glibc
#endif
import CSystem

/// A failed file-system call: what was attempted, on which path, and the `errno` it gave.
///
/// Its description is one line for the log, as `cannot write /x/y: No space left on device`.
public struct IOFailure: Error, CustomStringConvertible, Equatable, Sendable {
    /// The kind of call that failed.
    public enum Operation: String, Sendable, Equatable {
        /// Creating a new file.
        case create
        /// Opening an existing file or directory.
        case open
        /// Reading a file.
        case read
        /// Writing a file.
        case write
        /// Fsyncing a file or directory.
        case sync
        /// Closing a file.
        case close
        /// Renaming a file.
        case rename
        /// Removing a file or directory.
        case remove
        /// Listing a directory.
        case list
        /// Reading a file's status (owner, group, mode).
        case inspect
        /// Creating a directory.
        case makeDirectory = "create directory"
        /// Setting permission bits.
        case changeMode = "change the mode of"
        /// Setting the group.
        case changeGroup = "change the group of"
    }

    /// The call that failed.
    public let operation: Operation
    /// The path it was made on (for a rename: the source).
    public let path: String
    /// The destination of a rename, otherwise `nil`.
    public let destination: String?
    /// The `errno` value the call gave.
    public let errno: Int32

    /// Creates a failure record.
    public init(operation: Operation, path: String, destination: String? = nil, errno: Int32) {
        self.operation = operation
        self.path = path
        self.destination = destination
        self.errno = errno
    }

    /// Whether the file system is full or the quota is used up (`ENOSPC`, `EDQUOT`).
    ///
    /// Such a failure is worth retrying later, after an operator has made room.
    public var isDiskFull: Bool { errno == ENOSPC || errno == EDQUOT }

    /// One line: `cannot OPERATION PATH[ to DESTINATION]: REASON`.
    public var description: String {
        let target = destination.map { "\(path) to \($0)" } ?? path
        return "cannot \(operation.rawValue) \(target): \(String(cString: strerror(errno)))"
    }

    /// A failure of `operation` on `path` with the calling thread's current `errno`.
    public static func current(_ operation: Operation, _ path: String, to destination: String? = nil) -> IOFailure {
        IOFailure(operation: operation, path: path, destination: destination, errno: Glibc.errno)
    }
}

/// POSIX file operations that make their result durable before they return.
///
/// Each function does one thing and fsyncs what it wrote; directories are fsynced by the caller
/// (``syncDirectory(at:)``) so that several entries can share one directory sync.
public enum DurableFile {
    /// Creates the file `path`, which must not exist, writes `contents`, fsyncs and closes it.
    ///
    /// The file gets exactly `mode` whatever the umask, and the group `group` when given. On any
    /// failure the partly written file is removed, so a retry can start afresh.
    /// With `sync: false` the fsync is left to the caller (``syncFileSystem(containing:)`` after a
    /// whole batch): the group commit of the pipeline. With `truncating: true` a file already at
    /// `path` is overwritten, for files that nothing trusts before a later commit says so.
    public static func createFile(
        at path: String, contents: [UInt8], mode: mode_t, group: gid_t? = nil, sync: Bool = true, truncating: Bool = false
    ) throws(IOFailure) {
        let fd = open(path, O_CREAT | (truncating ? O_TRUNC : O_EXCL) | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .current(.create, path) }
        do throws(IOFailure) {
            guard fchmod(fd, mode) == 0 else { throw IOFailure.current(.changeMode, path) }
            // Skipped when the file has the group already (a set-group-ID directory gives it).
            var info = stat()
            if let group, fstat(fd, &info) != 0 || info.st_gid != group, fchown(fd, uid_t.max, group) != 0 {
                throw IOFailure.current(.changeGroup, path)
            }
            try writeAll(contents, to: fd, path: path)
            guard !sync || fsync(fd) == 0 else { throw IOFailure.current(.sync, path) }
        } catch {
            _ = close(fd)
            _ = unlink(path)
            throw error
        }
        // After a successful fsync a close error would be EINTR, which on Linux must not be retried.
        if close(fd) != 0 && Glibc.errno != EINTR {
            let failure = IOFailure.current(.close, path)
            _ = unlink(path)
            throw failure
        }
    }

    /// Writes all of `bytes` to the open descriptor `fd`, continuing after short writes and
    /// `EINTR`; `path` names the file in the error. Does not fsync.
    public static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(IOFailure) {
        let failedErrno: Int32 = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if Glibc.errno == EINTR { continue }
                    return Glibc.errno
                }
                offset += written
            }
            return 0
        }
        if failedErrno != 0 { throw IOFailure(operation: .write, path: path, errno: failedErrno) }
    }

    /// Reads the whole file `path`; with `maxSize`, reads at most that many bytes and fails
    /// with `EFBIG` when the file holds more.
    public static func readFile(at path: String, maxSize: Int = Int.max) throws(IOFailure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .current(.open, path) }
        defer { _ = close(fd) }
        var result = [UInt8]()
        var info = stat()
        var chunkSize = 65536
        if fstat(fd, &info) == 0, info.st_size > 0 {
            result.reserveCapacity(min(Int(info.st_size), maxSize) + 1)
            // A small file is read in one chunk its own size (plus one, to see the end).
            chunkSize = min(chunkSize, max(4096, Int(info.st_size) + 1))
        }
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if Glibc.errno == EINTR { continue }
                throw .current(.read, path)
            }
            if count == 0 { return result }
            guard result.count + count <= maxSize else { throw IOFailure(operation: .read, path: path, errno: EFBIG) }
            result.append(contentsOf: chunk[0..<count])
        }
    }

    /// Fsyncs the existing file `path` (after an earlier run wrote it but may not have synced it).
    public static func syncFile(at path: String) throws(IOFailure) {
        try sync(path, flags: O_RDONLY | O_CLOEXEC)
    }

    /// Flushes everything written to the file system that holds `path` (`syncfs`): every file
    /// and directory entry written before the call is durable when it returns. One call makes a
    /// whole batch of unsynced writes durable at once.
    public static func syncFileSystem(containing path: String) throws(IOFailure) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .current(.open, path) }
        defer { _ = close(fd) }
        guard wegwijzer_syncfs(fd) == 0 else { throw .current(.sync, path) }
    }

    /// The device of the file system holding `path`, to sync each file system once.
    public static func device(of path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_dev) : nil
    }

    /// Fsyncs the directory `path`, making its entries (created, renamed, removed) durable.
    public static func syncDirectory(at path: String) throws(IOFailure) {
        try sync(path, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    private static func sync(_ path: String, flags: Int32) throws(IOFailure) {
        let fd = open(path, flags)
        guard fd >= 0 else { throw .current(.open, path) }
        defer { _ = close(fd) }
        guard fsync(fd) == 0 else { throw .current(.sync, path) }
    }

    /// Renames `source` to `destination` atomically, replacing any file there.
    ///
    /// Both must be on one file system. Fsync the directories involved to make it durable.
    public static func rename(_ source: String, to destination: String) throws(IOFailure) {
        guard Glibc.rename(source, destination) == 0 else { throw .current(.rename, source, to: destination) }
    }

    /// Renames `source` to `destination` like ``rename(_:to:)``; returns `false`, without
    /// error, when `source` does not exist.
    @discardableResult
    public static func renameIfPresent(_ source: String, to destination: String) throws(IOFailure) -> Bool {
        if Glibc.rename(source, destination) == 0 { return true }
        let failure = IOFailure.current(.rename, source, to: destination)
        if failure.errno == ENOENT && !exists(source) { return false }
        throw failure
    }

    /// Removes the file `path`; returns `false` when there was none.
    @discardableResult
    public static func removeFile(at path: String) throws(IOFailure) -> Bool {
        if unlink(path) == 0 { return true }
        if Glibc.errno == ENOENT { return false }
        throw .current(.remove, path)
    }

    /// Removes the directory `path` and everything in it; returns `false` when there was none.
    @discardableResult
    public static func removeTree(at path: String) throws(IOFailure) -> Bool {
        let names: [String]
        do throws(IOFailure) {
            names = try listDirectory(at: path)
        } catch where error.errno == ENOENT {
            return false
        }
        for name in names {
            let child = path + "/" + name
            if unlink(child) != 0 {
                guard Glibc.errno == EISDIR else { throw .current(.remove, child) }
                try removeTree(at: child)
            }
        }
        guard rmdir(path) == 0 || Glibc.errno == ENOENT else { throw .current(.remove, path) }
        return true
    }

    /// The names in the directory `path`, without `.` and `..`, in no particular order.
    public static func listDirectory(at path: String) throws(IOFailure) -> [String] {
        guard let dir = opendir(path) else { throw .current(.list, path) }
        defer { _ = closedir(dir) }
        var names: [String] = []
        while true {
            Glibc.errno = 0
            guard let entry = readdir(dir) else {
                if Glibc.errno != 0 { throw .current(.list, path) }
                return names
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    /// Creates the directory `path` and any missing parents (`mkdir -p`).
    ///
    /// Each directory it creates gets exactly `mode` and, when given, the group `group`, and its
    /// parent is fsynced so that it survives a crash. Returns whether it created any.
    @discardableResult
    public static func makeDirectories(at path: String, mode: mode_t, group: gid_t? = nil) throws(IOFailure) -> Bool {
        if isDirectory(path) { return false }
        var created = false
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            let parent = prefix.isEmpty ? "." : prefix
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            if mkdir(prefix, mode) != 0 {
                guard Glibc.errno == EEXIST else { throw .current(.makeDirectory, prefix) }
                guard isDirectory(prefix) else {
                    throw IOFailure(operation: .makeDirectory, path: prefix, errno: ENOTDIR)
                }
                continue
            }
            created = true
            guard chmod(prefix, mode) == 0 else { throw .current(.changeMode, prefix) }
            if let group, try self.group(of: prefix) != group, chown(prefix, uid_t.max, group) != 0 {
                throw .current(.changeGroup, prefix)
            }
            try syncDirectory(at: parent)
        }
        return created
    }

    /// Whether `path` exists (as anything, without following a final symbolic link).
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Whether `path` is a directory (following symbolic links).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The group that owns `path`.
    public static func group(of path: String) throws(IOFailure) -> gid_t {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .current(.inspect, path) }
        return info.st_gid
    }
}
