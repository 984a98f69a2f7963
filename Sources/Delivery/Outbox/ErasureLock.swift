#if canImport(Glibc)
import Glibc
#endif
import Storage

/// The lock that keeps `wegwijzer forget` and delivery apart: `STATE/erasure.lock`.
///
/// A delivery worker holds it shared for a whole attempt (reading the record, the request,
/// recording the verdict); `forget` holds it exclusively while it removes outbox records and
/// dead letters. So an attempt either finishes before an erasure (and its record is then
/// erased), or starts after it and finds its record gone: a forgotten message is never sent, and
/// never written back as a retry or a dead letter, once `forget` has removed it.
///
/// Two `flock(2)` locks on two files make it fair to the eraser: a worker passes the gate
/// (`erasure.gate`) before it takes the lock, and `forget` holds the gate while it waits for the
/// attempts in flight, so a steady stream of deliveries cannot starve it. Each holder opens the
/// files itself (a `flock` belongs to an open file description), so every worker has its own.
///
/// Not `Sendable`: one worker thread or one command owns it.
public final class ErasureLock {
    /// The lock file's name in the state folder.
    public static let lockName = "erasure.lock"
    /// The gate file's name in the state folder.
    public static let gateName = "erasure.gate"

    private let lockFD: Int32
    private let gateFD: Int32

    /// Opens the lock files in the state folder `state`; with `create` (the daemon), makes
    /// them where missing. When they cannot be opened (no daemon ever ran there), holding does
    /// nothing: there is no delivery to keep apart from.
    public init(state: String, create: Bool) {
        lockFD = ErasureLock.open(state + "/" + Self.lockName, create: create)
        gateFD = ErasureLock.open(state + "/" + Self.gateName, create: create)
    }

    deinit {
        if lockFD >= 0 { close(lockFD) }
        if gateFD >= 0 { close(gateFD) }
    }

    /// Runs `body` holding the lock shared (a delivery attempt).
    public func shared<T>(_ body: () throws -> T) rethrows -> T {
        ErasureLock.lock(gateFD, LOCK_SH)
        ErasureLock.lock(lockFD, LOCK_SH)
        ErasureLock.lock(gateFD, LOCK_UN)
        defer { ErasureLock.lock(lockFD, LOCK_UN) }
        return try body()
    }

    /// Runs `body` holding the lock exclusively (an erasure): waits for the attempts in flight,
    /// and keeps new ones out until it returns.
    public func exclusive<T>(_ body: () throws -> T) rethrows -> T {
        ErasureLock.lock(gateFD, LOCK_EX)
        ErasureLock.lock(lockFD, LOCK_EX)
        defer {
            ErasureLock.lock(lockFD, LOCK_UN)
            ErasureLock.lock(gateFD, LOCK_UN)
        }
        return try body()
    }

    private static func open(_ path: String, create: Bool) -> Int32 {
        Glibc.open(path, O_RDONLY | O_CLOEXEC | (create ? O_CREAT : 0), 0o640)
    }

    private static func lock(_ fd: Int32, _ operation: Int32) {
        guard fd >= 0 else { return }
        while flock(fd, operation) != 0, errno == EINTR {}
    }
}
