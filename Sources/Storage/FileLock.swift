#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock (`flock`) on a lock file, for writers in several processes.
public enum FileLock {
    /// Runs `body` holding an exclusive `flock` on `path` (created when missing, mode 0640);
    /// the lock goes with the descriptor when `body` returns, or when the process dies.
    public static func withExclusive<Result>(_ path: String, _ body: () throws -> Result) throws -> Result {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw IOFailure.current(.open, path) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw IOFailure.current(.open, path) }
        }
        return try body()
    }
}
