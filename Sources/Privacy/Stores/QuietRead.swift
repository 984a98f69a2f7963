#if canImport(Glibc)
import Glibc
#endif

/// Reading a stored file whole for `find` and `forget`, without leaving a trace on it: the
/// file is opened with `O_NOATIME` where the reader may (its owner, or root), so a search over
/// a million messages does not dirty a million inodes (an access time each) for the file
/// system's journal to write back, and a privacy search does not show as an access. A stored
/// message (about a kilobyte) costs three system calls: `open`, one `read` that comes back
/// short (the end of a regular file), `close`.
enum QuietRead {
    /// `O_NOATIME` (Linux), which Glibc's module does not export (it needs `_GNU_SOURCE`).
    private static let noAccessTime: Int32 = 0o1000000
    /// The first read's size: a short read of a regular file is its end.
    private static let firstRead = 65536

    /// The bytes of the file at `path`, or nil when it cannot be read or is larger than `maxSize`.
    static func bytes(at path: String, maxSize: Int) -> [UInt8]? {
        var fd = open(path, O_RDONLY | O_CLOEXEC | noAccessTime)
        if fd < 0, errno == EPERM { fd = open(path, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        defer { _ = close(fd) }
        var result: [UInt8] = []
        var capacity = firstRead
        while true {
            var failed = false
            var atEnd = false
            let kept = result.count
            result = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                if kept > 0 { buffer.baseAddress!.update(from: result, count: kept) }
                initialized = kept
                while initialized < capacity {
                    let got = read(fd, buffer.baseAddress! + initialized, capacity - initialized)
                    if got < 0 && errno == EINTR { continue }
                    if got < 0 { failed = true; break }
                    initialized += got
                    // Short: the end of a regular file (a pipe or a device is not stored data).
                    if got == 0 || initialized < capacity { atEnd = true; break }
                }
            }
            guard !failed, result.count <= maxSize else { return nil }
            if atEnd { return result }
            capacity *= 2
        }
    }
}
