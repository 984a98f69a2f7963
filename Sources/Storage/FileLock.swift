#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock (`flock`) on a lock file, for writers in several processes.
public enum FileLock {
    /// Runs `body` holding an exclusive `flock` on `path` (created when missing, mode 0640);
    /// the lock goes with the descriptor when `body` returns, or when the process dies. Created
    /// by root, the file is given to its folder's owner (``DurableFile/giveToFolderOwner(_:path:directory:)``).
    public static func withExclusive<Result>(_ path: String, _ body: () throws -> Result) throws -> Result {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw IOFailure.current(.open, path) }
        defer { close(descriptor) }
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        try DurableFile.giveToFolderOwner(descriptor, path: path, directory: folder.isEmpty ? "." : folder)
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw IOFailure.current(.open, path) }
        }
        return try body()
    }
}
