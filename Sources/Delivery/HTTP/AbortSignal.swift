import Glibc
import Synchronization

/// Tells running transfers to give up: once the deadline passes, the progress callback of every
/// session that shares this signal aborts its transfer.
public final class AbortSignal: Sendable {
    private let deadline = Atomic<Int64>(0)

    /// Creates a signal that never fires until ``abort(after:)``.
    public init() {}

    /// Aborts transfers still running `seconds` from now (0: at once).
    public func abort(after seconds: Double) {
        deadline.store(AbortSignal.monotonicNanoseconds() + Int64(max(0, seconds) * 1e9) + 1, ordering: .relaxed)
    }

    /// Whether transfers must stop now.
    public var isAborting: Bool {
        let limit = deadline.load(ordering: .relaxed)
        return limit != 0 && AbortSignal.monotonicNanoseconds() >= limit
    }

    private static func monotonicNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }
}
