#if canImport(Glibc)
import Glibc
#endif

/// Reading a stored file whole for `find` and `forget`, without leaving a trace on it: the
/// file is opened with `O_NOATIME` where the reader may (its owner, or root), so a search over
/// a million messages does not dirty a million inodes (an access time each) for the file
/// system's journal to write back, and a privacy search does not show as an access. The bytes
/// are read into one buffer of the file's size: no copy, no zero-filling.
enum QuietRead {
    /// `O_NOATIME` (Linux), which Glibc's module does not export (it needs `_GNU_SOURCE`).
    private static let noAccessTime: Int32 = 0o1000000

    /// The bytes of the file at `path`, or nil when it cannot be read or is larger than `maxSize`.
    static func bytes(at path: String, maxSize: Int) -> [UInt8]? {
        var fd = open(path, O_RDONLY | O_CLOEXEC | noAccessTime)
        if fd < 0, errno == EPERM { fd = open(path, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        defer { _ = close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_size) <= maxSize else { return nil }
        // One more than the size, to see the end in the first read; grown if the file grew.
        var capacity = Int(info.st_size) + 1
        var count = 0
        var result = [UInt8]()
        while true {
            var failed = false
            var atEnd = false
            result = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                initialized = count
                if count > 0 { buffer.baseAddress!.update(from: result, count: count) }
                while initialized < capacity {
                    let got = read(fd, buffer.baseAddress! + initialized, capacity - initialized)
                    if got < 0 && errno == EINTR { continue }
                    if got < 0 { failed = true; break }
                    if got == 0 { atEnd = true; break }
                    initialized += got
                }
            }
            guard !failed else { return nil }
            count = result.count
            if atEnd { return count <= maxSize ? result : nil }
            capacity *= 2
            guard capacity / 2 <= maxSize else { return nil }
        }
    }
}
