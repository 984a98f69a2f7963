#if canImport(Glibc)
import Glibc
#endif

extension DurableFile {
    /// Overwrites the byte at `offset` of the existing file `path` in place, without fsync: no
    /// block is allocated or freed and no directory changes. ``syncData(at:)`` makes it durable.
    public static func overwriteByte(_ byte: UInt8, at offset: Int, in path: String) throws(IOFailure) {
        let fd = openForOverwriting(path)
        guard fd >= 0 else { throw .current(.open, path) }
        defer { _ = close(fd) }
        try overwriteByte(byte, at: offset, in: fd, path: path)
    }

    /// Overwrites the byte at `offset` of the file open as `fd` (`path` names it in the error).
    public static func overwriteByte(_ byte: UInt8, at offset: Int, in fd: Int32, path: String) throws(IOFailure) {
        var value = byte
        while pwrite(fd, &value, 1, off_t(offset)) != 1 {
            guard Glibc.errno == EINTR else { throw .current(.write, path) }
        }
    }

    /// Overwrites `count` bytes from `offset` of the file open as `fd` with `byte` (erasing
    /// data in place, the file keeping its length); not synced.
    public static func fill(_ byte: UInt8, count: Int, at offset: Int, in fd: Int32, path: String) throws(IOFailure) {
        let bytes = [UInt8](repeating: byte, count: count)
        var written = 0
        while written < count {
            let result = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress! + written, count - written, off_t(offset + written)) }
            if result < 0 {
                guard Glibc.errno == EINTR else { throw .current(.write, path) }
                continue
            }
            written += result
        }
    }

    /// Opens the existing file `path` for ``overwriteByte(_:at:in:path:)``; -1 with `errno` on failure.
    public static func openForOverwriting(_ path: String) -> Int32 {
        open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
    }

    /// Fsyncs the data of the existing file `path` (`fdatasync`), as after ``overwriteByte(_:at:in:)``.
    public static func syncData(at path: String) throws(IOFailure) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .current(.open, path) }
        defer { _ = close(fd) }
        guard fdatasync(fd) == 0 else { throw .current(.sync, path) }
    }

    /// Reads from `offset` of the file `path` until `isComplete` says the bytes read so far are
    /// enough, or the file ends; at most `maxSize` bytes.
    public static func readFile(
        at path: String, from offset: Int, maxSize: Int, until isComplete: ([UInt8]) -> Bool
    ) throws(IOFailure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .current(.open, path) }
        defer { _ = close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while result.count < maxSize {
            let position = off_t(offset + result.count)
            let wanted = min(chunk.count, maxSize - result.count)
            let count = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, wanted, position) }
            if count < 0 {
                if Glibc.errno == EINTR { continue }
                throw .current(.read, path)
            }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
            if isComplete(result) { break }
            if chunk.count < 1 << 20 { chunk = [UInt8](repeating: 0, count: chunk.count * 4) }
        }
        return result
    }
}
