#if canImport(Glibc)
import Glibc
#endif

/// Reports files completed in one directory, through Linux inotify.
///
/// A file counts as changed when a writer closes it after writing (`IN_CLOSE_WRITE`) or
/// renames it into the directory (`IN_MOVED_TO`). The watcher only reports names; which to
/// take is the caller's choice (see ``isCompleteName(_:)``). Events can be lost (the kernel
/// queue overflows, the directory is replaced), so use it as a hint and scan in full as well:
/// ```swift
/// let watcher = try DirectoryWatcher(path: dir)
/// scanAll()                       // after creating the watcher, so nothing falls between
/// while running {
///     let changes = try watcher.waitForChanges(timeout: .seconds(30))
///     if changes.isEmpty || changes.needsRescan { scanAll() }   // periodic, or events lost
///     else { take(changes.names.filter(DirectoryWatcher.isCompleteName)) }
/// }
/// ```
/// The inotify descriptor is closed when the watcher is released. Its state never changes
/// after creation, so it may be shared; concurrent waits each get a part of the events.
public final class DirectoryWatcher: Sendable {
    /// What happened in the directory since the last wait.
    public struct Changes: Sendable, Equatable {
        /// Names of files written and closed, or moved in, in order of first event, once each.
        public var names: [String] = []
        /// Events were lost (queue overflow or an unreadable record): scan the directory.
        public var needsRescan = false
        /// The directory was removed, moved or unmounted: nothing more will be reported;
        /// create a new watcher (and scan).
        public var isWatchLost = false

        /// Creates a change set.
        public init(names: [String] = [], needsRescan: Bool = false, isWatchLost: Bool = false) {
            self.names = names
            self.needsRescan = needsRescan
            self.isWatchLost = isWatchLost
        }

        /// Whether nothing happened (the wait timed out or was interrupted by a signal).
        public var isEmpty: Bool { names.isEmpty && !needsRescan && !isWatchLost }
    }

    /// A failed inotify or poll call.
    public struct Failure: Error, CustomStringConvertible, Equatable, Sendable {
        /// The directory being watched.
        public let path: String
        /// The `errno` value of the failed call.
        public let errno: Int32

        /// One line, as `cannot watch /var/drop: No such file or directory`.
        public var description: String { "cannot watch \(path): \(String(cString: strerror(errno)))" }
    }

    /// The directory watched.
    public let path: String
    private let fd: Int32

    /// Starts watching the directory `path`. With `renamesOnly`, only files renamed into it
    /// count: for a directory whose writers always rename, and whose files change in place.
    public init(path: String, renamesOnly: Bool = false) throws(Failure) {
        self.path = path
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw Failure(path: path, errno: Glibc.errno) }
        let written = renamesOnly ? 0 : IN_CLOSE_WRITE
        let mask = UInt32(written | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
        guard inotify_add_watch(fd, path, mask) >= 0 else {
            let failure = Failure(path: path, errno: Glibc.errno)
            _ = close(fd)
            throw failure
        }
    }

    deinit {
        _ = close(fd)
    }

    /// Waits up to `timeout` for events and returns all that are queued; empty on timeout.
    public func waitForChanges(timeout: Duration) throws(Failure) -> Changes {
        var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&request, 1, Self.milliseconds(timeout))
        if ready < 0 {
            if Glibc.errno == EINTR { return Changes() }
            throw Failure(path: path, errno: Glibc.errno)
        }
        var changes = Changes()
        guard ready > 0 else { return changes }
        var seen = Set<String>()
        // Room for many events; one event needs at most 16 + NAME_MAX + 1 bytes.
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if Glibc.errno == EINTR { continue }
                if Glibc.errno == EAGAIN { break }
                throw Failure(path: path, errno: Glibc.errno)
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { all in
                Self.parse(UnsafeRawBufferPointer(rebasing: all[0..<count]), into: &changes, seen: &seen)
            }
        }
        return changes
    }

    /// Whether a file named `name` is finished by the drop-directory rule: writers create a
    /// file under a name starting with `.` or ending in `.tmp` and rename it when complete.
    public static func isCompleteName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.hasSuffix(".tmp")
    }

    /// Adds the events in `bytes`, a sequence of `struct inotify_event` records each followed
    /// by its NUL-padded name, to `changes`; `seen` holds the names already there. A record cut
    /// short means events were lost.
    static func parse(_ bytes: UnsafeRawBufferPointer, into changes: inout Changes, seen: inout Set<String>) {
        let headerSize = 16  // wd, mask, cookie, len: four 32-bit fields
        var offset = 0
        while offset < bytes.count {
            guard bytes.count - offset >= headerSize else {
                changes.needsRescan = true
                return
            }
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            guard length <= bytes.count - nameStart else {
                changes.needsRescan = true
                return
            }
            offset = nameStart + length
            if mask & UInt32(IN_Q_OVERFLOW) != 0 { changes.needsRescan = true }
            if mask & UInt32(IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT) != 0 {
                changes.isWatchLost = true
                changes.needsRescan = true
            }
            guard mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0, mask & UInt32(IN_ISDIR) == 0 else { continue }
            let name = String(decoding: bytes[nameStart..<offset].prefix { $0 != 0 }, as: UTF8.self)
            if !name.isEmpty && seen.insert(name).inserted { changes.names.append(name) }
        }
    }

    /// `duration` in whole milliseconds for `poll`, rounded up, within `0...Int32.max`.
    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, duration > .zero else { return 0 }
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return Int32.max }
        return Int32(clamping: scaled + fraction)
    }
}
